/** The "what changed" report (src/app/changes.ts) as text: sections with counts, and analyze's leading block. */
import { isEmpty, type ChangedFinding, type ChangesReport, type NewDevice } from '../app/changes.js';

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

/** analyze's leading block: counts and the first few of each kind. */
export function changesBlock(report: ChangesReport): string {
  const body = isEmpty(report) ? '  nothing new, changed or closed\n' : `${formatChanges(report, SUMMARY_ITEMS).trimEnd().replace(/^/gm, '  ')}\n`;
  return `changes since the last run (all of them: wardwatch changes)\n${body}\n`;
}
