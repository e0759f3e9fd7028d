/** Test support: FTP logins and greetings as tshark's ftp fields show them, compared with our records per flow. */
import { agreement, decodeAs, tsharkFieldsAsync } from '../../../test-support/tshark.js';
import type { ProtocolRecord } from '../../types.js';

const FIELDS = ['tcp.stream', 'ip.src', 'ipv6.src', 'tcp.srcport', 'ip.dst', 'ipv6.dst', 'tcp.dstport', 'ftp.request.command', 'ftp.request.arg', 'ftp.response.code', 'ftp.response.arg'] as const;

/** What tshark's fields say happened on one control connection. */
export interface TsharkFtpFlow {
  /** `client:port>server:port` */
  key: string;
  banner: string | null;
  logins: { user: string; code: number }[];
  auths: { mechanism: string; code: number }[];
}

export async function tsharkFtp(file: string, ports: readonly number[]): Promise<TsharkFtpFlow[]> {
  const rows = await tsharkFieldsAsync(file, FIELDS, { filter: 'ftp', decodeAs: decodeAs(ports, 'ftp'), occurrence: 'f' });
  const flows = new Map<string, TsharkFtpFlow & { pending: 'user' | 'pass' | 'auth' | null; user: string; mech: string }>();
  for (const [stream = '', src4 = '', src6 = '', sport = '', dst4 = '', dst6 = '', dport = '', cmd = '', arg = '', code = '', text = ''] of rows) {
    const src = src4 || src6;
    const dst = dst4 || dst6;
    let f = flows.get(stream);
    const isReply = code !== '';
    if (f === undefined) {
      const key = isReply ? `${dst}:${dport}>${src}:${sport}` : `${src}:${sport}>${dst}:${dport}`;
      f = { key, banner: null, logins: [], auths: [], pending: null, user: '', mech: '' };
      flows.set(stream, f);
    }
    if (!isReply) {
      const verb = cmd.toUpperCase();
      if (verb === 'USER') [f.pending, f.user] = ['user', arg];
      else if (verb === 'PASS') f.pending = f.pending === null ? null : 'pass';
      else if (verb === 'AUTH') [f.pending, f.mech] = ['auth', arg.toUpperCase()];
      else f.pending = null;
      continue;
    }
    const n = Number(code);
    if (n === 220 && f.banner === null) f.banner = text;
    else if (f.pending === 'auth') {
      f.auths.push({ mechanism: f.mech, code: n });
      f.pending = null;
    } else if ((f.pending === 'user' && (n < 300 || n >= 400)) || f.pending === 'pass') {
      f.logins.push({ user: f.user, code: n });
      f.pending = null;
    }
  }
  return [...flows.values()].map(({ key, banner, logins, auths }) => ({ key, banner, logins, auths }));
}

export interface Comparison {
  compared: number;
  mismatches: string[];
}

/** `client:port>server:port` of a record: a login names the client as src (docs/architecture.md), the others the server. */
function clientServerKey(r: ProtocolRecord): string {
  return r.actor === 'client' ? `${r.src}:${String(r.sport)}>${r.dst}:${String(r.dport)}` : `${r.dst}:${String(r.dport)}>${r.src}:${String(r.sport)}`;
}

/** Field-by-field agreement per control connection. */
export function compareFtp(records: readonly ProtocolRecord[], flows: readonly TsharkFtpFlow[]): Comparison {
  const a = agreement();
  const check = a.check;
  for (const f of flows) {
    const mine = records.filter((r) => clientServerKey(r) === f.key);
    const banner = mine.find((r) => r.kind === 'banner');
    // tshark's response.arg is the first line only: compare that prefix of a multi-line greeting.
    if (f.banner !== null) check(f.key, 'banner', typeof banner?.banner === 'string' ? banner.banner.slice(0, f.banner.trim().length) : null, f.banner.trim());
    const logins = mine.filter((r) => r.kind === 'login');
    check(f.key, 'logins', logins.length, f.logins.length);
    f.logins.forEach((l, i) => {
      check(f.key, 'user', logins[i]?.user, l.user);
      check(f.key, 'replyCode', logins[i]?.replyCode, l.code);
      check(f.key, 'success', logins[i]?.success, l.code < 300 ? true : l.code >= 400 ? false : null);
    });
    const auths = mine.filter((r) => r.kind === 'starttls');
    check(f.key, 'starttls', auths.map((a) => [a.mechanism, a.replyCode]), f.auths.map((a) => [a.mechanism, a.code]));
  }
  return { compared: a.compared, mismatches: a.mismatches };
}
