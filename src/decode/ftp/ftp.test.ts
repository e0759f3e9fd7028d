/** FTP decoder tests: conformance on real greetings, login outcomes, no password kept, agreement with tshark. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { runDecoderConformance } from '../test-support/conformance.js';
import type { Direction, RecordBody } from '../types.js';
import { ftpDecoder } from './index.js';
import { compareFtp, tsharkFtp } from './test-support/tshark-ftp.js';
import { createFtpState, type FtpState } from './types.js';
import { tsharkFields } from '../../test-support/tshark.js';
import { corpusPcaps } from '../../test-support/test-data.js';
import { requires } from '../../test-support/tools.js';
import { SHIPPED_DEPS } from '../test-support/deps.js';

const tshark = requires({ tools: ['tshark'] });

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'ftp-peers.pcap');
const corpus = corpusPcaps;
const CORPUS = ['zeek/ftp_ipv4.pcap', 'zeek/ftp_ftp-password-pass-command.pcap', 'zeek/ftp_retr.pcap', 'ndpi/ftp_failed.pcap'];

const greetings = tshark.skip ? [] : tsharkFields(fixture, ['tcp.payload'], { decodeAs: ['tcp.port==2121,ftp'], filter: 'ftp.response.code == 220' }).slice(0, 2);
describe.skipIf(tshark.skip)(tshark.title('ftp conformance on the greetings tshark finds'), () => {
  runDecoderConformance(ftpDecoder, greetings.map(([h = ''], i) => ({ name: `greeting #${i + 1}`, bytes: new Uint8Array(Buffer.from(h, 'hex')), direction: 'in' as const })));
});

/** Frames and decodes one exchange of lines as the TCP session would, alternating directions. */
function talk(lines: readonly [Direction, string][], state: FtpState = createFtpState(SHIPPED_DEPS)): RecordBody[] {
  const out: RecordBody[] = [];
  for (const [direction, text] of lines) {
    let buf = new TextEncoder().encode(text);
    for (let guard = 0; buf.length > 0 && guard < 100; guard++) {
      const r = ftpDecoder.frame?.(buf, direction, state);
      if (r === undefined || !('pduLength' in r)) break;
      out.push(...ftpDecoder.decode(buf.subarray(0, r.pduLength), { tsMs: 0, direction, src: 'a', sport: 1, dst: 'b', dport: 21, state }).records);
      buf = buf.subarray(r.pduLength);
    }
  }
  return out;
}

describe('logins (RFC 959 §4.1.1, §4.2)', () => {
  it('records user, outcome and a default-credential match without keeping the password', () => {
    const recs = talk([['in', '220-Welcome to\r\n220-  the PACS\r\n220 archive\r\n'], ['out', 'USER admin\r\n'], ['in', '331 pw\r\n'], ['out', 'PASS admin\r\n'], ['in', '230 ok\r\n']]);
    expect(recs).toEqual([
      { kind: 'banner', banner: 'Welcome to the PACS archive' },
      { kind: 'login', actor: 'client', user: 'admin', success: true, anonymous: false, defaultCredential: true, replyCode: 230, banner: 'Welcome to the PACS archive' },
    ]);
  });
  it('never emits the password, even for a failed login', () => {
    const recs = talk([['in', '220 FTP\r\n'], ['out', 'USER tech\r\n'], ['in', '331 pw\r\n'], ['out', 'PASS s3cret-Value\r\n'], ['in', '530 no\r\n']]);
    expect(JSON.stringify(recs)).not.toContain('s3cret');
    expect(recs[1]).toMatchObject({ kind: 'login', user: 'tech', success: false, defaultCredential: false });
  });
  it('marks anonymous logins as such, never as default credentials', () => {
    const recs = talk([['in', '220 FTP\r\n'], ['out', 'USER anonymous\r\n'], ['in', '331 pw\r\n'], ['out', 'PASS ftp\r\n'], ['in', '230 ok\r\n']]);
    expect(recs[1]).toMatchObject({ user: 'anonymous', anonymous: true, defaultCredential: false, success: true });
  });
  it('a 230 right after USER is a password-less login; 530 after USER a failure', () => {
    expect(talk([['out', 'USER root\r\n'], ['in', '230 ok\r\n']])[0]).toMatchObject({ user: 'root', success: true, defaultCredential: true });
    expect(talk([['out', 'USER bob\r\n'], ['in', '530 no\r\n']])[0]).toMatchObject({ user: 'bob', success: false, defaultCredential: false });
  });
  it('AUTH TLS: a starttls record, then the TLS bytes are skipped', () => {
    const s = createFtpState(SHIPPED_DEPS);
    const recs = talk([['in', '220 FTP\r\n'], ['out', 'AUTH TLS\r\n'], ['in', '234 go\r\n'], ['out', '\x16\x03\x01\x00\x05USER x\r\n']], s);
    expect(recs.slice(1)).toEqual([{ kind: 'starttls', mechanism: 'TLS', success: true, replyCode: 234, banner: 'FTP' }]);
    expect(s.tls).toBe(true);
  });
  it('probes: a greeting naming FTP is sure, a bare 220 only maybe (SMTP greets with 220 too)', () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(ftpDecoder.probe(enc('220 (vsFTPd 3.0.3)\r\n'), 'in')).toBe('yes');
    expect(ftpDecoder.probe(enc('220 mail ESMTP\r\n'), 'in')).toBe('maybe');
    expect(ftpDecoder.probe(enc('SSH-2.0-x\r\n'), 'in')).toBe('no');
    expect(ftpDecoder.probe(enc('USER bob\r\n'), 'out')).toBe('maybe');
  });
});

describe.skipIf(tshark.skip)(tshark.title('agreement with tshark'), () => {
  it('fixture (pyftpdlib + ftplib) agrees field for field', async () => {
    const [{ records, issues }, flows] = await Promise.all([recordsOf(fixture, [ftpDecoder]), tsharkFtp(fixture, [2121])]);
    expect(issues).toEqual([]);
    const logins = records.filter((r) => r.kind === 'login');
    // docs/architecture.md: a login is what the client did, so the client is src even though the server's reply completed it.
    expect(logins.every((r) => r.dport === 2121 && r.sport !== 2121)).toBe(true);
    expect(records.filter((r) => r.kind === 'banner').every((r) => r.sport === 2121)).toBe(true);
    expect(logins.map((r) => [r.user, r.success, r.defaultCredential, r.anonymous])).toEqual([
      ['admin', true, true, false],
      ['tech', true, false, false],
      ['tech', false, false, false],
      ['anonymous', true, false, true],
    ]);
    expect(records.filter((r) => r.kind === 'starttls')).toHaveLength(1);
    const cmp = compareFtp(records, flows);
    expect(cmp.compared).toBeGreaterThan(20);
    expect(cmp.mismatches).toEqual([]);
  });
  it.each(CORPUS)('corpus %s agrees field for field', async (name) => {
    const file = path.join(corpus, name);
    const [{ records }, flows] = await Promise.all([recordsOf(file, [ftpDecoder]), tsharkFtp(file, [])]);
    const cmp = compareFtp(records, flows);
    expect(records.filter((r) => r.kind === 'login').length).toBeGreaterThan(0);
    expect(cmp.mismatches).toEqual([]);
  });
});
