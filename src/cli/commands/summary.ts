/** The short human summary `analyze` prints: what was read, which protocols were heard, what was damaged. */
import type { FindingJson } from '../../findings/types.js';
import type { DeviceJson } from '../../inventory/types.js';
import type { AnalyzeReport } from './analyze.js';
import { countByLevel, riskText, severityText } from '../scale-words.js';
import { byCategory, evidenceSources } from '../device-order.js';
import { columnWidths, printable, tableRow } from '../../util/text-table.js';

export interface TrafficSummary {
  protocols: Map<string, { flows: number; records: number }>;
  transports: Map<string, number>;
  hosts: Set<string>;
}

const n = (x: number): string => x.toLocaleString('en-US');

function size(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

export function formatSummary(captures: readonly string[], r: AnalyzeReport): string {
  const s = r.stats;
  const lines: string[] = [];
  const what = captures.length === 1 ? (captures[0] === '-' ? 'stdin' : captures[0] ?? '') : `${captures.length} captures`;
  lines.push(`wardwatch: ${what}: ${n(s.packets)} packets, ${size(s.bytes)} in ${s.seconds.toFixed(2)} s`);
  const transports = Object.entries(r.transports).sort((a, b) => b[1] - a[1]).map(([t, c]) => `${t} ${n(c)}`).join(', ');
  lines.push(`  flows      ${n(s.flows)}${transports ? ` (${transports})` : ''}`);
  lines.push(`  hosts      ${n(r.hosts)}`);
  const protos = Object.entries(r.protocols).sort((a, b) => b[1].flows - a[1].flows || a[0].localeCompare(b[0]));
  if (protos.length > 0) {
    lines.push('  protocols');
    for (const [name, p] of protos) lines.push(`    ${name.padEnd(10)} ${n(p.flows).padStart(8)} flow${p.flows === 1 ? ' ' : 's'} ${n(p.records).padStart(8)} record${p.records === 1 ? '' : 's'}`);
  } else lines.push('  protocols  none recognised');
  lines.push(`  records    ${n(s.records)}`);
  const odd: string[] = [];
  if (s.malformed > 0) odd.push(`${n(s.malformed)} malformed`);
  if ((s.snapTruncated ?? 0) > 0) odd.push(`${n(s.snapTruncated ?? 0)} cut by snap length`);
  if ((s.fragments ?? 0) > 0) odd.push(`${n(s.fragments ?? 0)} IP fragments`);
  if ((s.decodeIssues ?? 0) > 0) odd.push(`${n(s.decodeIssues ?? 0)} decode issues`);
  if ((s.evicted ?? 0) > 0) odd.push(`${n(s.evicted ?? 0)} flows ended early by a full table (raise --max-flows)`);
  lines.push(`  packets    ${odd.length > 0 ? odd.join(', ') : 'all well-formed'}`);
  lines.push(...formatDevices(r.devices));
  lines.push(...formatFindings(r.findings, r.devices));
  return `${lines.join('\n')}\n`;
}

const MAX_DEVICES_SHOWN = 40;
/** Columns a long name may not widen past; the OS (last) is never cut. */
const DEVICE_COLUMNS = { maxWidth: 44, columnMaxWidth: [39, 24, 32, 44], lastMaxWidth: Infinity, markCut: true };
const FINDING_COLUMNS = { maxWidth: 24, lastMaxWidth: Infinity, markCut: true };

/** Devices a clinical engineer would look at first: medical categories before IT, then by confidence. */
function formatDevices(devices: readonly DeviceJson[]): string[] {
  if (devices.length === 0) return ['  devices    none identified'];
  const identified = devices.filter((d) => d.vendor !== null || d.type !== null || d.os.name !== null).length;
  const out = [`  devices    ${n(devices.length)} (${n(identified)} identified; \`wardwatch devices\` lists them all with evidence and risk)`];
  const shown = [...devices].sort(byCategory).slice(0, MAX_DEVICES_SHOWN);
  const rows = shown.map((d) => {
    const what = [d.vendor, d.model].filter((x) => x !== null).join(' ') || 'unknown vendor';
    const os = d.os.label ?? d.os.name;
    return [d.ips[0] ?? d.mac ?? d.id, d.hostnames[0] ?? '', what, d.type !== null ? `${d.type} (${d.category})` : d.category, os !== null ? `${os}${d.os.endOfLife === true ? ' (end of life)' : ''}` : ''];
  });
  const width = columnWidths(['', '', '', '', ''], rows, DEVICE_COLUMNS);
  shown.forEach((d, i) => {
    out.push(`    ${tableRow(rows[i] ?? [], width, true)}`);
    const why = evidenceSources(d, 3);
    if (why.length > 0 && (d.vendor !== null || d.type !== null || (rows[i]?.[4] ?? '') !== '')) out.push(`${' '.repeat(6 + (width[0] ?? 0))}why: ${why.join(', ')}  confidence ${d.confidence.toFixed(2)}`);
  });
  if (devices.length > MAX_DEVICES_SHOWN) out.push(`    … and ${n(devices.length - MAX_DEVICES_SHOWN)} more`);
  return out;
}

const MAX_FINDINGS_SHOWN = 10;

/** The findings an analyst acts on first (the report's list is already ordered), each with its first evidence. */
function formatFindings(findings: readonly FindingJson[], devices: readonly DeviceJson[]): string[] {
  if (findings.length === 0) return ['  findings   none'];
  const byId = new Map(devices.map((d) => [d.id, d]));
  // Two scales, both named: risk (0-100 and its level, for this device) orders the list; severity is the kind's own.
  const byRisk = countByLevel(findings.flatMap((f) => (f.risk === null ? [] : [f.risk.level])));
  const scales = [byRisk === '' ? null : `by risk level ${byRisk}`, `by severity ${countByLevel(findings.map((f) => f.severity))}`].filter((x) => x !== null).join('; ');
  const out = [`  findings   ${n(findings.length)} (${scales}); highest risk (0-100) first, \`wardwatch findings\` explains each score`];
  const shown = findings.slice(0, MAX_FINDINGS_SHOWN);
  const rows = shown.map((f) => {
    const d = byId.get(f.deviceId);
    return [riskText(f.risk), severityText(f.severity), d?.hostnames[0] ?? d?.ips[0] ?? f.deviceId.slice(0, 12), f.title];
  });
  const width = columnWidths(['', '', '', ''], rows, FINDING_COLUMNS);
  const indent = ' '.repeat(4 + width.slice(0, 3).reduce((sum, w) => sum + w + 2, 0));
  shown.forEach((f, i) => {
    out.push(`    ${tableRow(rows[i] ?? [], width, true)}`);
    if (f.evidence[0] !== undefined) out.push(`${indent}${printable(f.evidence[0])}`);
  });
  if (findings.length > MAX_FINDINGS_SHOWN) out.push(`    … and ${n(findings.length - MAX_FINDINGS_SHOWN)} more`);
  return out;
}
