/**
 * Real peers routed between two VLANs, as a router trunk's SPAN shows them: the client's frames tagged with its VLAN,
 * the server's with another. A flow keyed by one VLAN split each connection into two half-flows, so the FTP and Telnet
 * logins (a request on one side, its answer on the other) were never decoded and no credential finding fired.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsOf } from '../pipeline/test-support/records-of.js';
import { asWireRecord } from '../decode/records.js';
import type { ProtocolRecord } from '../decode/types.js';
import type { Hit } from '../findings/detectors/hit.js';
import { recordHits } from '../findings/detectors/record-hits.js';
import { compareFtp, tsharkFtp } from '../decode/ftp/test-support/tshark-ftp.js';
import { compareTelnet, tsharkTelnet } from '../decode/telnet/test-support/tshark-telnet.js';
import { SHIPPED_DEPS } from '../decode/test-support/deps.js';
import { requires } from '../test-support/tools.js';
import { tagAndMerge, type VlanTag } from './test-support/tag-vlan.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const peers = requires({ root: true, netns: true, tools: ['tcpdump', 'tshark', 'ip', 'openssl', '/usr/sbin/telnetd', '/usr/bin/python3'], python: ['pyftpdlib', 'OpenSSL'] });

const SERVER = '10.77.30.20';
const C_TAG = 0x8100;
const S_TAG = 0x88a8;

let dir = '';

beforeAll(() => {
  if (peers.skip) return;
  dir = mkdtempSync(path.join(tmpdir(), 'ww-routed-vlan-'));
  execFileSync(path.join(here, 'fixtures', 'make-routed-peers.sh'), [dir], { stdio: 'ignore', timeout: 60_000 });
}, 70_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

/** The capture with the client's frames under `client` tags and the server's under `server` tags. */
function capture(name: string, client: readonly VlanTag[], server: readonly VlanTag[]): string {
  const out = path.join(dir, `${name}.pcap`);
  tagAndMerge(
    [
      { file: path.join(dir, 'client-side.pcap'), tags: client },
      { file: path.join(dir, 'server-side.pcap'), tags: server },
    ],
    out,
  );
  return out;
}

const credentialHits = (records: readonly ProtocolRecord[]): string[] => {
  const hits: Hit[] = [];
  for (const r of records) recordHits(asWireRecord(r), hits);
  return [...new Set(hits.map((h) => `${h.ip} ${h.kind} ${h.key}`))].sort();
};

const logins = (records: readonly ProtocolRecord[], proto: string): string[] =>
  records.filter((r) => r.proto === proto && r.kind === 'login').map((r) => `${String((r as { user?: unknown }).user)}:${String((r as { success?: unknown }).success)}`);

// What the untagged fixtures of the two decoders find for the same clients (detectors.fixtures.test.ts): the failed
// logins and the anonymous FTP login raise nothing.
const EXPECTED_HITS = [
  `${SERVER} cleartext-credentials ftp:admin`,
  `${SERVER} cleartext-credentials ftp:tech`,
  `${SERVER} cleartext-credentials telnet:admin`,
  `${SERVER} cleartext-credentials telnet:nurse`,
  `${SERVER} default-credentials ftp:admin`,
  `${SERVER} default-credentials telnet:admin`,
];

describe.skipIf(peers.skip)(peers.title('logins routed between VLANs (trunk SPAN)'), () => {
  for (const [name, client, server] of [
    ['untagged', [], []],
    ['802.1Q, client VLAN 20, server VLAN 30', [{ tpid: C_TAG, vid: 20 }], [{ tpid: C_TAG, vid: 30 }]],
    ['QinQ 0x88a8 100, inner 20 / 30', [{ tpid: S_TAG, vid: 100 }, { tpid: C_TAG, vid: 20 }], [{ tpid: S_TAG, vid: 100 }, { tpid: C_TAG, vid: 30 }]],
  ] as const) {
    it(`${name}: FTP and Telnet logins decode in agreement with tshark, and the credential findings fire`, async () => {
      const file = capture(name.replace(/\W+/g, '-'), client, server);
      const [{ records }, ftpFlows, dialogues] = await Promise.all([recordsOf(file), tsharkFtp(file, [2121]), tsharkTelnet(file, 2323)]);
      // The AUTH TLS login is encrypted: no record.
      expect(logins(records, 'ftp')).toEqual(['admin:true', 'tech:true', 'tech:false', 'anonymous:true']);
      expect(logins(records, 'telnet')).toEqual(['admin:true', 'nurse:false', 'nurse:true']);
      expect(compareFtp(records, ftpFlows).mismatches).toEqual([]);
      expect(compareTelnet(records, dialogues, (u, p) => SHIPPED_DEPS.credentials.isDefaultLogin(u, p)).mismatches).toEqual([]);
      expect(credentialHits(records)).toEqual(EXPECTED_HITS);
      // The client's side keeps its own VLAN in the records' MACs: each side's own address, not the router's.
      const login = records.find((r) => r.proto === 'ftp' && r.kind === 'login');
      expect(login?.src).toBe('10.77.20.10');
    }, 30_000);
  }

  it('must not fire: only the client side of the same logins (the server half never captured) raises nothing', async () => {
    const file = path.join(dir, 'client-side.pcap');
    const { records } = await recordsOf(file);
    expect(logins(records, 'ftp').filter((l) => l.endsWith(':true'))).toEqual([]);
    expect(credentialHits(records)).toEqual([]);
  }, 30_000);
});
