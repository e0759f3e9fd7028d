/**
 * The "what changed" report shared by `wardwatch changes` and analyze's summary: new devices, changed attributes,
 * new and closed findings, as JSON (design.md names: camelCase) and as text lines.
 */
import { existsSync } from 'node:fs';
import { SqliteFindings } from '../findings/sqlite/sqlite-findings.js';
import type { FindingJson } from '../findings/types.js';
import type { AttributeChange, NewDevice } from '../inventory/sqlite/read-changes.js';
import { SqliteInventory } from '../inventory/sqlite/sqlite-inventory.js';
import { riskView } from './risk-view.js';
import { riskCell } from './scale-words.js';

export interface ChangedFinding {
  id: string;
  kind: string;
  deviceId: string;
  severity: string;
  risk: string;
  title: string;
}

export interface ChangesReport {
  since: string | null;
  newDevices: NewDevice[];
  changedAttributes: Omit<AttributeChange, 'id'>[];
  newFindings: ChangedFinding[];
  closedFindings: ChangedFinding[];
}

function withoutId(c: AttributeChange): Omit<AttributeChange, 'id'> {
  return { deviceId: c.deviceId, attribute: c.attribute, oldValue: c.oldValue, newValue: c.newValue, changedAt: c.changedAt };
}

/** Every finding with its risk scored as the findings command shows it. */
async function scoredFindings(inventory: SqliteInventory, findings: SqliteFindings): Promise<FindingJson[]> {
  return (await riskView(inventory, findings, { devices: { includeRetired: true }, findings: {} })).findings;
}

/** Statuses a finding is "open" in for the changes report (not closed). */
const OPEN = new Set(['open', 'acknowledged', 'risk-accepted']);

export function changedFinding(f: FindingJson): ChangedFinding {
  return { id: f.id, kind: f.kind, deviceId: f.deviceId, severity: f.severity, risk: riskCell(f.risk), title: f.title };
}

/** `since` is compared with capture time (devices, attributes, new findings) and `closedSince` with wall-clock time. */
export async function changesSince(inventory: SqliteInventory, findings: SqliteFindings, since: string, closedSince: string): Promise<ChangesReport> {
  const all = await scoredFindings(inventory, findings);
  const closed = new Set(await findings.closedSince(closedSince));
  return {
    since,
    newDevices: await inventory.newDevicesSince(since),
    changedAttributes: (await inventory.attributeChanges({ since })).map(withoutId),
    newFindings: all.filter((f) => f.firstSeen >= since && OPEN.has(f.status)).map(changedFinding),
    closedFindings: all.filter((f) => closed.has(f.id)).map(changedFinding),
  };
}

/** What analyze notes before it ingests: compared after the run, it names exactly what this run changed. */
export interface ChangeMark {
  deviceIds: ReadonlySet<string>;
  historyId: number;
  openFindings: ReadonlySet<string>;
}

export async function takeMark(inventory: SqliteInventory, findings: SqliteFindings): Promise<ChangeMark> {
  const m = await inventory.changeMark();
  const open = (await findings.list({})).filter((f) => OPEN.has(f.status)).map((f) => f.id);
  return { deviceIds: new Set(m.deviceIds), historyId: m.historyId, openFindings: new Set(open) };
}

export async function changesAfterMark(inventory: SqliteInventory, findings: SqliteFindings, mark: ChangeMark): Promise<ChangesReport> {
  const now = await inventory.changeMark();
  const all = await scoredFindings(inventory, findings);
  const fresh = now.deviceIds.filter((id) => !mark.deviceIds.has(id));
  return {
    since: null,
    newDevices: await inventory.devicesById(fresh),
    // A new device's first values are not changes; a merged-away id's rows moved to the survivor.
    changedAttributes: (await inventory.attributeChanges({ afterId: mark.historyId })).filter((c) => mark.deviceIds.has(c.deviceId)).map(withoutId),
    newFindings: all.filter((f) => OPEN.has(f.status) && !mark.openFindings.has(f.id)).map(changedFinding),
    closedFindings: all.filter((f) => !OPEN.has(f.status) && mark.openFindings.has(f.id)).map(changedFinding),
  };
}

export function isEmpty(r: ChangesReport): boolean {
  return r.newDevices.length + r.changedAttributes.length + r.newFindings.length + r.closedFindings.length === 0;
}

const time = (iso: string): string => iso.slice(0, 19).replace('T', ' ');
const dash = (s: string | null): string => s ?? '-';

function deviceLine(d: NewDevice): string {
  return `${d.id}  ${dash(d.ip)}  ${dash(d.vendor)}  ${dash(d.type)}  first seen ${time(d.firstSeen)}`;
}

function findingLine(f: ChangedFinding): string {
  return `${f.kind}  ${f.deviceId}  risk ${f.risk}  severity ${f.severity}  ${f.title}`;
}

/** Sections with a heading and count; `limit` shows the first few of each ("… and N more"). */
export function formatChanges(r: ChangesReport, limit = Infinity): string {
  const out: string[] = [];
  const section = <T>(head: string, items: readonly T[], line: (x: T) => string): void => {
    out.push(`${head}: ${String(items.length)}`);
    for (const x of items.slice(0, limit)) out.push(`  ${line(x)}`);
    if (items.length > limit) out.push(`  … and ${String(items.length - limit)} more`);
  };
  section('new devices', r.newDevices, deviceLine);
  section('changed attributes', r.changedAttributes, (c) => `${c.deviceId}  ${c.attribute}: ${dash(c.oldValue)} → ${dash(c.newValue)}  (${time(c.changedAt)})`);
  section('new findings', r.newFindings, findingLine);
  section('closed findings', r.closedFindings, findingLine);
  return `${out.join('\n')}\n`;
}

/** Items of each kind analyze's summary shows; `wardwatch changes` lists them all. */
export const SUMMARY_ITEMS = 3;

async function withStores<T>(db: string, work: (inventory: SqliteInventory, findings: SqliteFindings) => Promise<T>): Promise<T> {
  const inventory = await SqliteInventory.open(db);
  try {
    const findings = await SqliteFindings.open(db);
    try {
      return await work(inventory, findings);
    } finally {
      await findings.close();
    }
  } finally {
    await inventory.close();
  }
}

/** The mark before an analyze run, or null when the database held no devices (a first run reports no changes). */
export async function markBeforeRun(db: string): Promise<ChangeMark | null> {
  if (db !== ':memory:' && !existsSync(db)) return null;
  const mark = await withStores(db, takeMark);
  return mark.deviceIds.size === 0 ? null : mark;
}

/** analyze's leading block: counts and the first few of each kind. */
export async function changesBlock(db: string, mark: ChangeMark): Promise<string> {
  const report = await withStores(db, (inventory, findings) => changesAfterMark(inventory, findings, mark));
  const body = isEmpty(report) ? '  nothing new, changed or closed\n' : `${formatChanges(report, SUMMARY_ITEMS).trimEnd().replace(/^/gm, '  ')}\n`;
  return `changes since the last run (all of them: wardwatch changes)\n${body}\n`;
}
