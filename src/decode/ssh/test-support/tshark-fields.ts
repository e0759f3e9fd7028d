/** Test support shared by the ssh, telnet, rdp and vnc tests: tshark field rows keyed by the sending endpoint. */
import { tsharkFieldsAsync } from '../../../test-support/tshark.js';
import type { ProtocolRecord } from '../../types.js';

export type FieldRow = Record<string, string> & { sender: string };

/** Rows of `fields` for packets matching `filter`, each with `sender` = `src:port`; first occurrence of each field. */
export async function tsharkRows(file: string, decodeAs: readonly string[], filter: string, fields: readonly string[]): Promise<FieldRow[]> {
  const rows = await tsharkFieldsAsync(file, ['ip.src', 'ipv6.src', 'tcp.srcport', ...fields], { filter, decodeAs, occurrence: 'f' });
  return rows.map((cols) => {
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
