/**
 * The "what changed" report shared by `wardwatch changes` and analyze's summary: new devices, changed attributes,
 * new and closed findings, as JSON (docs/architecture.md names: camelCase). The CLI formats it (src/cli/changes-format.ts).
 */
import type { FindingJson } from '../findings/types.js';
import type { AttributeChange, NewDevice } from '../store/interfaces.js';
import type { Workspace } from '../store/workspace.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { riskView } from './risk-view.js';
import { riskCell } from './risk-label.js';

export type { AttributeChange, NewDevice };

type ChangeStores = Pick<Workspace, 'inventory' | 'findings' | 'risk'>;

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
async function scoredFindings(ws: ChangeStores): Promise<FindingJson[]> {
  return (await riskView(ws, { devices: { includeRetired: true }, findings: {} })).findings;
}

/** Statuses a finding is "open" in for the changes report (not closed). */
const OPEN = new Set(['open', 'acknowledged', 'risk-accepted']);

export function changedFinding(f: FindingJson): ChangedFinding {
  return { id: f.id, kind: f.kind, deviceId: f.deviceId, severity: f.severity, risk: riskCell(f.risk), title: f.title };
}

/** `since` is compared with capture time (devices, attributes, new findings) and `closedSince` with wall-clock time. */
export async function changesSince(ws: ChangeStores, since: string, closedSince: string): Promise<ChangesReport> {
  const { inventory, findings } = ws;
  const all = await scoredFindings(ws);
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
  /** Every finding, whatever its status: an open one after the run that was known before came back (re-opened). */
  knownFindings: ReadonlySet<string>;
}

export async function takeMark(ws: ChangeStores): Promise<ChangeMark> {
  const m = await ws.inventory.changeMark();
  const all = await ws.findings.list({});
  const open = all.filter((f) => OPEN.has(f.status)).map((f) => f.id);
  return { deviceIds: new Set(m.deviceIds), historyId: m.historyId, openFindings: new Set(open), knownFindings: new Set(all.map((f) => f.id)) };
}

/** What changed after a mark, with whole scored findings: the report below and live events (src/app/live) read it. */
export interface ChangeDiff {
  newDeviceIds: string[];
  /** Attribute changes of devices that existed at the mark. */
  changes: AttributeChange[];
  /** Findings open now that were not open at the mark (new, or re-opened when the mark knew them). */
  opened: FindingJson[];
  closed: FindingJson[];
}

export async function diffAfterMark(ws: ChangeStores, mark: ChangeMark): Promise<ChangeDiff> {
  const { inventory } = ws;
  const now = await inventory.changeMark();
  const all = await scoredFindings(ws);
  return {
    newDeviceIds: now.deviceIds.filter((id) => !mark.deviceIds.has(id)),
    // A new device's first values are not changes; a merged-away id's rows moved to the survivor.
    changes: (await inventory.attributeChanges({ afterId: mark.historyId })).filter((c) => mark.deviceIds.has(c.deviceId)),
    opened: all.filter((f) => OPEN.has(f.status) && !mark.openFindings.has(f.id)),
    closed: all.filter((f) => !OPEN.has(f.status) && mark.openFindings.has(f.id)),
  };
}

export async function changesAfterMark(ws: ChangeStores, mark: ChangeMark): Promise<ChangesReport> {
  const diff = await diffAfterMark(ws, mark);
  return {
    since: null,
    newDevices: await ws.inventory.devicesById(diff.newDeviceIds),
    changedAttributes: diff.changes.map(withoutId),
    newFindings: diff.opened.map(changedFinding),
    closedFindings: diff.closed.map(changedFinding),
  };
}

export function isEmpty(r: ChangesReport): boolean {
  return r.newDevices.length + r.changedAttributes.length + r.newFindings.length + r.closedFindings.length === 0;
}

/** The mark before an analyze run, or null when the database held no devices (a first run reports no changes). */
export async function markBeforeRun(ws: ChangeStores): Promise<ChangeMark | null> {
  const mark = await takeMark(ws);
  return mark.deviceIds.size === 0 ? null : mark;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
export const DEFAULT_SINCE = '24h';

/**
 * `--since` as two ISO times: `capture`, compared with packet times (devices, attribute changes, new findings), and
 * `wall`, compared with when wardwatch closed a finding. A duration counts back from the newest packet stored
 * (capture clock) and from now (wall clock); an ISO date/time is the same moment on both.
 */
export function parseSince(text: string, newestCaptureMs: number | null, nowMs: number): { capture: string; wall: string } {
  const t = text.trim();
  const dur = /^(\d{1,6})([mhdw])$/.exec(t);
  if (dur !== null) {
    const ms = Number(dur[1]) * (UNIT_MS[dur[2] ?? ''] ?? 0);
    return { capture: new Date((newestCaptureMs ?? nowMs) - ms).toISOString(), wall: new Date(nowMs - ms).toISOString() };
  }
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) {
    const ms = Date.parse(t.replace(' ', 'T'));
    if (Number.isFinite(ms)) {
      const iso = new Date(ms).toISOString();
      return { capture: iso, wall: iso };
    }
  }
  throw new AppError(ErrorCode.BadArgument, `--since: expected an ISO date/time (2026-01-31, 2026-01-31T08:00Z) or a duration (30m, 24h, 7d, 2w), not '${text}'`);
}

/**
 * What changed since `sinceText` (parseSince), or, with none given, since the earliest packet of the last analyze run
 * (else DEFAULT_SINCE). Returns the moment used (capture clock) with the report.
 */
export async function changesReport(ws: ChangeStores, sinceText: string | undefined, nowMs: number = Date.now()): Promise<{ since: { capture: string; wall: string }; report: ChangesReport }> {
  const newest = await ws.inventory.newestSeen();
  const run = sinceText === undefined ? await ws.inventory.lastRunStart() : null;
  const since = run !== null && run.capture !== null
    ? { capture: run.capture, wall: run.wall }
    : parseSince(sinceText ?? DEFAULT_SINCE, newest === null ? null : Date.parse(newest), nowMs);
  return { since, report: await changesSince(ws, since.capture, since.wall) };
}
