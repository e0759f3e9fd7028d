/** The short human summary `analyze` prints: what was read, which protocols were heard, what was damaged. */
import type { AnalyzeReport } from './analyze.js';

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
    for (const [name, p] of protos) lines.push(`    ${name.padEnd(10)} ${n(p.flows).padStart(8)} flows ${n(p.records).padStart(8)} records`);
  } else lines.push('  protocols  none recognised');
  lines.push(`  records    ${n(s.records)}`);
  const odd: string[] = [];
  if (s.malformed > 0) odd.push(`${n(s.malformed)} malformed`);
  if ((s.snapTruncated ?? 0) > 0) odd.push(`${n(s.snapTruncated ?? 0)} cut by snap length`);
  if ((s.fragments ?? 0) > 0) odd.push(`${n(s.fragments ?? 0)} IP fragments`);
  if ((s.decodeIssues ?? 0) > 0) odd.push(`${n(s.decodeIssues ?? 0)} decode issues`);
  if ((s.evicted ?? 0) > 0) odd.push(`${n(s.evicted ?? 0)} flows ended early by a full table (raise --max-flows)`);
  lines.push(`  packets    ${odd.length > 0 ? odd.join(', ') : 'all well-formed'}`);
  return `${lines.join('\n')}\n`;
}
