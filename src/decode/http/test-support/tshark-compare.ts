/** Test support: our HTTP records against tshark's http fields on the same capture, message by message per flow. */
import { agreement, decodeAs, tsharkFieldsAsync } from '../../../test-support/tshark.js';
import type { ProtocolRecord } from '../../types.js';

const FIELDS = [
  'ip.src', 'ipv6.src', 'tcp.srcport', 'ip.dst', 'ipv6.dst', 'tcp.dstport',
  'http.request.method', 'http.request.uri', 'http.host', 'http.user_agent', 'http.authbasic',
  'http.response.code', 'http.server',
] as const;
export type Row = Record<(typeof FIELDS)[number], string>;

export async function tsharkHttp(file: string, ports: readonly number[]): Promise<Row[]> {
  const rows = await tsharkFieldsAsync(file, FIELDS, { filter: '(http.request || http.response) && tcp', decodeAs: decodeAs(ports, 'http'), occurrence: 'a', aggregator: '\u0001' });
  return rows.map((cols) => {
    return Object.fromEntries(FIELDS.map((f, i) => [f, cols[i] ?? ''])) as Row;
  });
}

export interface Comparison {
  compared: number;
  mismatches: string[];
  /** tshark messages with no record of ours at that place in the flow. */
  missing: string[];
  /** Disagreements with a known cause (listed, not counted as mismatches). */
  explained: string[];
}

const list = (s: string): string[] => (s === '' ? [] : s.split('\u0001'));

export function compareHttp(records: readonly ProtocolRecord[], rows: readonly Row[]): Comparison {
  // RFC 9110 §5.5: a field value excludes surrounding whitespace; tshark shows it untrimmed.
  const a = agreement((ours, theirs) => (typeof theirs === 'string' && ours === theirs.trim() ? 'tshark keeps surrounding whitespace' : null));
  const missing: string[] = [];
  const queues = new Map<string, ProtocolRecord[]>();
  for (const r of records) {
    const k = `${r.kind} ${r.src}:${String(r.sport)}>${r.dst}:${String(r.dport)}`;
    const q = queues.get(k) ?? [];
    q.push(r);
    queues.set(k, q);
  }
  const check = a.check;
  for (const r of rows) {
    const flow = `${r['ip.src'] || r['ipv6.src']}:${r['tcp.srcport']}>${r['ip.dst'] || r['ipv6.dst']}:${r['tcp.dstport']}`;
    const methods = list(r['http.request.method']);
    const uris = list(r['http.request.uri']);
    const hosts = list(r['http.host']);
    const agents = list(r['http.user_agent']);
    const basics = list(r['http.authbasic']);
    methods.forEach((method, i) => {
      const rec = queues.get(`request ${flow}`)?.shift();
      if (rec === undefined) {
        missing.push(`request ${flow} ${method}`);
        return;
      }
      check(flow, 'method', rec.method, method);
      if (uris[i] !== undefined) check(flow, 'uri', rec.uri, uris[i]);
      if (methods.length === 1) {
        // Per-message alignment of optional fields is only certain with one message in the frame.
        check(flow, 'host', rec.host, hosts[0] ?? null);
        check(flow, 'userAgent', rec.userAgent, agents[0] ?? null);
        if (basics[0] !== undefined) check(flow, 'authUser', rec.authUser, basics[0].split(':')[0]);
      }
    });
    const codes = list(r['http.response.code']);
    const servers = list(r['http.server']);
    codes.forEach((code) => {
      const rec = queues.get(`response ${flow}`)?.shift();
      if (rec === undefined) {
        missing.push(`response ${flow} ${code}`);
        return;
      }
      check(flow, 'status', rec.status, Number(code));
      if (codes.length === 1) check(flow, 'server', rec.server, servers[0] ?? null);
    });
  }
  return { compared: a.compared, mismatches: a.mismatches, missing, explained: a.explained };
}
