/** Telnet decoder tests: IAC stripping, the login dialogue, no password kept, agreement with tshark's telnet.data. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { runDecoderConformance } from '../test-support/conformance.js';
import type { Direction, RecordBody } from '../types.js';
import { telnetDecoder } from './index.js';
import { stripIac } from './strip-iac.js';
import { compareTelnet, tsharkTelnet } from './test-support/tshark-telnet.js';
import { createTelnetState, IacState } from './types.js';
import { corpusPath } from '../../test-support/test-data.js';
import { requires } from '../../test-support/tools.js';
import { SHIPPED_DEPS } from '../test-support/deps.js';

const tshark = requires({ tools: ['tshark'] });

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'telnet-peers.pcap');
const corpus = corpusPath('pcaps/zeek/telnet-auth-missing-name.pcap');
const bytes = (...parts: (string | number[])[]): Uint8Array => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

function run(steps: readonly [Direction, Uint8Array][]): RecordBody[] {
  const state = createTelnetState(SHIPPED_DEPS);
  return steps.flatMap(([direction, pdu]) => telnetDecoder.decode(pdu, { tsMs: 0, direction, src: 's', sport: 23, dst: 'c', dport: 1, state }).records);
}
const typed = (s: string): [Direction, Uint8Array][] => Array.from(Buffer.from(s, 'latin1'), (c) => ['out', bytes([c])]);

runDecoderConformance(telnetDecoder, [
  { name: 'negotiation + banner + login prompt', bytes: bytes([255, 253, 24, 255, 251, 1, 255, 250, 24, 1, 255, 240], 'Debian GNU/Linux 12\r\n\r\nward4-gw login: '), direction: 'in' },
]);

describe('RFC 854 command stripping', () => {
  it('drops WILL/DO options and SB … SE spanning chunks, keeps IAC IAC as 255', () => {
    const out: number[] = [];
    let s = stripIac(bytes([255, 251, 1], 'a', [255, 250, 24, 1, 2]), IacState.Data, (b) => out.push(b));
    s = stripIac(bytes([3, 255, 240], 'b', [255, 255]), s, (b) => out.push(b));
    expect(out).toEqual([0x61, 0x62, 255]);
    expect(s).toBe(IacState.Data);
  });
});

describe('login dialogue', () => {
  it('one keystroke per segment with server echo: user, default credential, success on a shell prompt', () => {
    const recs = run([
      ['in', bytes([255, 251, 1], 'Ward gateway\r\nlogin: ')],
      ...typed('roo'), ['out', bytes([0x7f])], ...typed('ot'), ['out', bytes('\r\0')],
      ['in', bytes('Password: ')], ...typed('root'), ['out', bytes('\r\n')],
      ['in', bytes('\r\n# ')],
    ]);
    expect(recs).toEqual([
      { kind: 'banner', banner: 'Ward gateway login:' },
      { kind: 'login', actor: 'client', user: 'root', success: true, defaultCredential: true, banner: 'Ward gateway login:' },
    ]);
  });
  it('Login incorrect is a failure; the password never appears in records', () => {
    const recs = run([['in', bytes('Username: ')], ['out', bytes('tech\r\n')], ['in', bytes('Password: ')], ['out', bytes('Sup3rSecret\r\n')], ['in', bytes('\r\nLogin incorrect\r\n')]]);
    expect(recs[1]).toMatchObject({ kind: 'login', user: 'tech', success: false, defaultCredential: false });
    expect(JSON.stringify(recs)).not.toContain('Sup3rSecret');
  });
  it('a login prompt again after the password counts as a failure', () => {
    const recs = run([['in', bytes('login: ')], ['out', bytes('bob\r\n')], ['in', bytes('Password: ')], ['out', bytes('x\r\n')], ['in', bytes('\r\nlogin: ')]]);
    expect(recs.filter((r) => r.kind === 'login')).toEqual([{ kind: 'login', actor: 'client', user: 'bob', success: false, defaultCredential: false, banner: 'login:' }]);
  });
});

describe('agreement with tshark', () => {
  it.skipIf(tshark.skip)(tshark.title('real inetutils telnetd fixture agrees with the dialogue read from telnet.data'), async () => {
    const [{ records, issues }, dialogues] = await Promise.all([recordsOf(fixture, [telnetDecoder]), tsharkTelnet(fixture, 2323)]);
    expect(issues).toEqual([]);
    expect(records.filter((r) => r.kind === 'login').map((r) => [r.user, r.success, r.defaultCredential])).toEqual([['admin', true, true], ['nurse', false, false], ['nurse', true, false]]);
    // docs/architecture.md: a login is what the client did, so the client is src; the banner is the server's.
    expect(records.filter((r) => r.kind === 'login').every((r) => r.dport === 2323 && r.sport !== 2323)).toBe(true);
    expect(records.filter((r) => r.kind === 'banner').every((r) => r.sport === 2323)).toBe(true);
    const cmp = compareTelnet(records, dialogues, (user, password) => SHIPPED_DEPS.credentials.isDefaultLogin(user, password));
    expect(cmp.compared).toBeGreaterThanOrEqual(10);
    expect(cmp.mismatches).toEqual([]);
  });
  it('corpus telnet-auth-missing-name.pcap (AUTH option only, on TCP/21): no records, no issues', async () => {
    const { records, issues } = await recordsOf(corpus, [telnetDecoder]);
    expect(records).toEqual([]);
    expect(issues).toEqual([]);
  });
});
