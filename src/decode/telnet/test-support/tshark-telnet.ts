/** Test support: a login dialogue rebuilt from tshark's telnet.data alone, compared with our records. */
import type { ProtocolRecord } from '../../types.js';
import { agreement, decodeAs, tsharkFieldsAsync } from '../../../test-support/tshark.js';

/** tshark escapes CR, LF and backslash in telnet.data. */
const unescape = (s: string): string => s.replace(/\\(r|n|t|\\)/g, (_, c: string) => (c === 'r' ? '\r' : c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));

interface Dialogue {
  server: string;
  client: string;
  /** server and client `ip:port` */
  serverEnd: string;
  clientEnd: string;
}

export async function tsharkTelnet(file: string, port: number): Promise<Dialogue[]> {
  const fields = ['tcp.stream', 'ip.src', 'tcp.srcport', 'telnet.data'];
  const rows = await tsharkFieldsAsync(file, fields, { decodeAs: decodeAs([port], 'telnet'), filter: 'telnet.data', occurrence: 'a', aggregator: '\u0001' });
  const flows = new Map<string, Dialogue>();
  for (const [stream = '', ip = '', sport = '', data = ''] of rows) {
    const d = flows.get(stream) ?? { server: '', client: '', serverEnd: '', clientEnd: '' };
    const text = data.split('\u0001').map(unescape).join('');
    if (Number(sport) === port) {
      d.server += text;
      d.serverEnd = `${ip}:${sport}`;
    } else {
      d.client += text;
      d.clientEnd = `${ip}:${sport}`;
    }
    flows.set(stream, d);
  }
  return [...flows.values()];
}

/**
 * The reference reading: the client's lines alternate user name / password after each `login: ` prompt; what the
 * server prints after the k-th prompt (not "Last login: ") until the next says whether login k worked ("Last login") or not.
 */
export function compareTelnet(records: readonly ProtocolRecord[], dialogues: readonly Dialogue[], isDefault: (u: string, p: string) => boolean): { compared: number; mismatches: string[] } {
  const a = agreement();
  for (const d of dialogues) {
    // The banner is the server's (src); a login is the client's (src, docs/architecture.md).
    const mine = records.filter((r) => {
      const [server, client] = r.actor === 'client' ? [`${r.dst}:${String(r.dport)}`, `${r.src}:${String(r.sport)}`] : [`${r.src}:${String(r.sport)}`, `${r.dst}:${String(r.dport)}`];
      return server === d.serverEnd && client === d.clientEnd;
    });
    const parts = d.server.split(/(?<!Last )login: /);
    const lines = d.client.split(/\r\n|\r\0|\r/);
    const banner = mine.find((r) => r.kind === 'banner');
    a.check(d.serverEnd, 'banner', banner?.banner, `${(parts[0] ?? '').replace(/\s+/g, ' ').trim()} login:`);
    const logins = mine.filter((r) => r.kind === 'login');
    const expected = parts.slice(1).map((after, k) => ({ user: lines[2 * k] ?? '', password: lines[2 * k + 1] ?? '', success: /Last login/.test(after) ? true : /Login incorrect/.test(after) ? false : null }));
    a.check(d.serverEnd, 'logins', logins.length, expected.filter((e) => e.success !== null).length);
    expected.forEach((e, k) => {
      if (e.success === null) return;
      a.check(d.serverEnd, 'user', logins[k]?.user, e.user);
      a.check(d.serverEnd, 'success', logins[k]?.success, e.success);
      a.check(d.serverEnd, 'defaultCredential', logins[k]?.defaultCredential, isDefault(e.user, e.password));
    });
  }
  return { compared: a.compared, mismatches: a.mismatches };
}
