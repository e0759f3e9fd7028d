/** Test support shared by the ssh, telnet, rdp and vnc tests: tshark field rows keyed by the sending endpoint. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ProtocolRecord } from '../../types.js';

export type FieldRow = Record<string, string> & { sender: string };

/** Rows of `fields` for packets matching `filter`, each with `sender` = `src:port`; first occurrence of each field. */
export async function tsharkRows(file: string, decodeAs: readonly string[], filter: string, fields: readonly string[]): Promise<FieldRow[]> {
  const args = ['-r', file, '-Y', filter, '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=f'];
  for (const d of decodeAs) args.push('-d', d);
  for (const f of ['ip.src', 'ipv6.src', 'tcp.srcport', ...fields]) args.push('-e', f);
  const { stdout } = await promisify(execFile)('tshark', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return stdout.split('\n').filter((l) => l.length > 0).map((line) => {
    const cols = line.split('\t');
    const row: Record<string, string> = {};
    fields.forEach((f, i) => (row[f] = cols[i + 3] ?? ''));
    return { ...row, sender: `${cols[0] || cols[1] || ''}:${cols[2] ?? ''}` };
  });
}

/** Records grouped by sending endpoint, in order. */
export function bySender(records: readonly ProtocolRecord[]): Map<string, ProtocolRecord[]> {
  const m = new Map<string, ProtocolRecord[]>();
  for (const r of records) {
    const k = `${r.src}:${String(r.sport)}`;
    const q = m.get(k) ?? [];
    q.push(r);
    m.set(k, q);
  }
  return m;
}

export interface Agreement {
  compared: number;
  mismatches: string[];
}

export function agreement(): Agreement & { check(where: string, field: string, ours: unknown, theirs: unknown): void } {
  const a = {
    compared: 0,
    mismatches: [] as string[],
    check(where: string, field: string, ours: unknown, theirs: unknown): void {
      a.compared++;
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) a.mismatches.push(`${where} ${field}: ours ${JSON.stringify(ours)} tshark ${JSON.stringify(theirs)}`);
    },
  };
  return a;
}
