/** NTP decoder tests: chrony + ntpdate fixture, zeek / nDPI corpus, tshark cross-check, conformance. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDecoderConformance } from '../test-support/conformance.js';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { crossCheck, mergeReports, must, str, udpPayloads, type FieldCheck } from '../dns/test-support/tshark-check.js';
import { requires } from '../../test-support/tools.js';
import { ntpDecoder } from './index.js';
import { NTP_MODES, parseNtp } from './parse-ntp.js';
import { corpusPcaps } from '../../test-support/test-data.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'ntp-chrony-ntpdate.pcap');
const corpus = corpusPcaps;
const tshark = requires({ tools: ['tshark'] });
const peers = requires({ root: true, netns: true, tools: ['tshark', 'tcpdump', 'ip', 'chronyd', 'ntpdate'] });
const captures = [fixture, path.join(corpus, 'zeek', 'ntp_ntp.pcap'), path.join(corpus, 'ndpi', 'android.pcap')];

/** tshark prints the reference id as hex bytes; render it the way RFC 5905 §7.3 reads it for that stratum. */
function refIdOf(hex: string, stratum: number): string | undefined {
  const b = Buffer.from(hex, 'hex');
  if (b.length !== 4 || b.every((x) => x === 0)) return undefined;
  if (stratum >= 2) return [...b].join('.');
  return b.toString('latin1').replace(/\0.*$/, '');
}

const checks: FieldCheck[] = [
  { field: 'ntp.flags.mode', ours: (r) => r.kind, theirs: (v) => NTP_MODES[Number(v)] },
  { field: 'ntp.flags.vn', ours: (r) => str(r, 'version') },
  { field: 'ntp.stratum', ours: (r) => str(r, 'stratum') },
  { field: 'ntp.refid', ours: (r) => str(r, 'refId'), theirs: (v, r) => refIdOf(v.replace(/:/g, ''), Number(r['stratum'] ?? 0)) },
];

describe('ntp decoder', () => {
  it('reads the chrony server reply (local stratum 8) and the ntpdate request', async () => {
    const { records, issues } = await recordsOf(fixture, [ntpDecoder]);
    expect(issues).toEqual([]);
    expect(records.map((r) => r.kind)).toEqual(['client', 'server']);
    expect(records[1]).toMatchObject({ version: 4, stratum: 8, refId: '127.127.1.1' });
  });

  it('reads stratum-1 ASCII reference ids and mode 6 / mode 7 headers', () => {
    const p = new Uint8Array(48);
    p[0] = 0x24;
    p[1] = 1;
    p.set([0x47, 0x50, 0x53, 0], 12);
    expect(parseNtp(p).records[0]).toMatchObject({ kind: 'server', stratum: 1, refId: 'GPS' });
    const monlist = Uint8Array.from([0x17, 0, 3, 42, 0, 0, 0, 0]);
    expect(parseNtp(monlist).records[0]).toMatchObject({ kind: 'private', requestCode: 42, response: false });
    const readvar = Uint8Array.from([0x16, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseNtp(readvar).records[0]).toMatchObject({ kind: 'control', opcode: 2, response: false });
  });
});

describe.skipIf(tshark.skip)(tshark.title('ntp agrees with tshark'), () => {
  it('on fixture and corpus (>= 99.9 %)', async () => {
    const list = [];
    for (const f of captures) list.push(await crossCheck(f, [ntpDecoder], 'ntp', 'ntp && !icmp', checks));
    const r = mergeReports(list);
    console.log('ntp vs tshark', JSON.stringify(r));
    expect(r.unexplained).toEqual([]);
    expect(r.compared).toBeGreaterThan(100);
    expect(r.ratio).toBeGreaterThanOrEqual(0.999);
  });
});

describe.skipIf(peers.skip)(peers.title('ntp with real peers at test time'), () => {
  it('runs chronyd and ntpdate in namespaces and agrees with tshark', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ww-ntp-'));
    try {
      execFileSync('sh', [path.join(here, 'fixtures', 'make-fixtures.sh'), dir], { stdio: 'ignore', timeout: 20_000 });
      const fresh = path.join(dir, 'ntp-chrony-ntpdate.pcap');
      const r = await crossCheck(fresh, [ntpDecoder], 'ntp', 'ntp', checks);
      expect(r.unexplained).toEqual([]);
      expect(r.compared).toBeGreaterThanOrEqual(7);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe.skipIf(tshark.skip)(tshark.title('ntpDecoder conformance on the PDUs tshark finds'), () => {
  runDecoderConformance(ntpDecoder, tshark.skip ? [] : [...udpPayloads(fixture, 'ntp'), ...udpPayloads(must(captures[1]), 'ntp', 4)].map((bytes, i) => ({ name: `ntp ${i}`, bytes })), 500);
});
