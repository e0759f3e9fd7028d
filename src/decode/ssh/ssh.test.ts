/** SSH decoder tests: conformance on real identification lines, parsing, HASSH, agreement with tshark. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { runDecoderConformance } from '../test-support/conformance.js';
import type { ProtocolRecord } from '../types.js';
import { sshDecoder } from './index.js';
import { parseIdent } from './parse-ident.js';
import { agreement, tsharkFields } from '../../test-support/tshark.js';
import { bySender, tsharkRows } from './test-support/tshark-fields.js';
import { corpusPcaps } from '../../test-support/test-data.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'ssh-peers.pcap');
const corpus = corpusPcaps;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const idents = tshark.skip ? [] : tsharkFields(fixture, ['tcp.srcport', 'tcp.payload'], { decodeAs: ['tcp.port==2222,ssh'], filter: 'ssh.protocol' }).slice(0, 2);
describe.skipIf(tshark.skip)(tshark.title('ssh conformance on the identification lines tshark finds'), () => {
  runDecoderConformance(sshDecoder, idents.map(([port, hex], i) => ({ name: `identification #${i + 1}`, bytes: new Uint8Array(Buffer.from(hex ?? '', 'hex')), direction: port === '2222' ? ('in' as const) : ('out' as const) })));
});

describe('identification string (RFC 4253 §4.2)', () => {
  it('splits protocol, software name, version and comments', () => {
    expect(parseIdent(enc('SSH-2.0-OpenSSH_9.2p1 Debian-2'))).toEqual({ kind: 'banner', software: 'SSH-2.0-OpenSSH_9.2p1 Debian-2', protoVersion: '2.0', softwareName: 'OpenSSH', softwareVersion: '9.2p1', comments: 'Debian-2' });
    expect(parseIdent(enc('SSH-1.99-Cisco-1.25'))).toMatchObject({ protoVersion: '1.99', softwareName: 'Cisco', softwareVersion: '1.25', comments: null });
    expect(parseIdent(enc('SSH-2.0-dropbear'))).toMatchObject({ softwareName: 'dropbear', softwareVersion: null });
    expect(parseIdent(enc('Welcome\x07 to the box'))).toBeNull();
  });
  it('strips control characters and caps the string', () => {
    const rec = parseIdent(enc(`SSH-2.0-x\x1b[31m${'A'.repeat(400)}`));
    expect(rec?.software).not.toContain('\x1b');
    expect(rec?.software.length).toBeLessThanOrEqual(255);
  });
});

/** Our banner and kexinit records against tshark's ssh.protocol / ssh.kex.hassh / ssh.kex.hasshserver, per sender. */
async function compare(file: string, ports: readonly number[]): Promise<{ records: ProtocolRecord[]; compared: number; mismatches: string[] }> {
  const [{ records }, rows] = await Promise.all([
    recordsOf(file, [sshDecoder]),
    tsharkRows(file, ports.map((p) => `tcp.port==${p},ssh`), 'ssh.protocol || ssh.kex.hassh || ssh.kex.hasshserver', ['ssh.protocol', 'ssh.kex.hassh', 'ssh.kex.hasshserver']),
  ]);
  const a = agreement();
  const ours = bySender(records);
  const theirs = new Map<string, { protocol: string[]; hash: string[] }>();
  for (const r of rows) {
    const t = theirs.get(r.sender) ?? { protocol: [], hash: [] };
    if (r['ssh.protocol']) t.protocol.push(r['ssh.protocol']);
    const h = r['ssh.kex.hassh'] || r['ssh.kex.hasshserver'];
    if (h) t.hash.push(h);
    theirs.set(r.sender, t);
  }
  for (const [sender, t] of theirs) {
    const mine = ours.get(sender) ?? [];
    a.check(sender, 'software', mine.filter((r) => r.kind === 'banner').map((r) => r.software), t.protocol);
    a.check(sender, 'hassh', mine.filter((r) => r.kind === 'kexinit').map((r) => r.hassh ?? r.hasshServer), t.hash);
  }
  return { records, compared: a.compared, mismatches: a.mismatches };
}

describe.skipIf(tshark.skip)(tshark.title('agreement with tshark'), () => {
  it('fixture (OpenSSH client and sshd) agrees', async () => {
    const c = await compare(fixture, [2222]);
    expect(c.records.filter((r) => r.kind === 'banner')).toHaveLength(4);
    expect(c.records.filter((r) => r.kind === 'kexinit')).toHaveLength(4);
    expect(c.mismatches).toEqual([]);
  });
  it.each(['ndpi/ssh.pcap', 'zeek/ssh_ssh1-ssh2-fingerprints.pcap'])('corpus %s agrees', async (name) => {
    const c = await compare(path.join(corpus, name), []);
    expect(c.records.length).toBeGreaterThan(0);
    expect(c.mismatches).toEqual([]);
  });
});
