/** Syslog decoder tests: util-linux logger fixture (RFC 5424 and 3164), nDPI corpus, tshark cross-check, live peers. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDecoderConformance } from '../test-support/conformance.js';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { crossCheck, mergeReports, str, udpPayloads, type CheckReport, type FieldCheck } from '../dns/test-support/tshark-check.js';
import { requires } from '../../test-support/tools.js';
import { syslogDecoder } from './index.js';
import { corpusPcaps } from '../../test-support/test-data.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'syslog-logger.pcap');
const corpus = corpusPcaps;
const tshark = requires({ tools: ['tshark'] });
const peers = requires({ root: true, netns: true, tools: ['tshark', 'tcpdump', 'ip', 'logger', '/usr/bin/python3'] });

const checks: FieldCheck[] = [
  { field: 'syslog.facility', ours: (r) => str(r, 'facility') },
  { field: 'syslog.level', ours: (r) => str(r, 'severity') },
  { field: 'syslog.hostname', ours: (r) => str(r, 'hostname') },
  { field: 'syslog.appname', ours: (r) => str(r, 'appName') },
  // tshark 4.0 reads PROCID / MSGID only sensibly for RFC 5424: for BSD messages it puts part of the TAG in
  // syslog.procid ("ct01" of "ct01-console") and the rest of the line in syslog.msgid, so those are not compared.
  // Even for RFC 5424 its syslog.msgid runs on to the end of the line: its first word is the MSGID.
  { field: 'syslog.procid', ours: (r) => str(r, 'procId'), theirs: (v, r) => (r['format'] !== 'rfc5424' || v === '-' ? undefined : v) },
  {
    field: 'syslog.msgid',
    ours: (r) => str(r, 'msgId'),
    theirs: (v, r) => {
      const first = v.split(' ')[0];
      return r['format'] !== 'rfc5424' || first === '-' ? undefined : first;
    },
  },
];

async function check(files: readonly string[]): Promise<CheckReport> {
  const list = [];
  for (const f of files) list.push(await crossCheck(f, [syslogDecoder], 'syslog', 'syslog && udp && !icmp', checks));
  return mergeReports(list);
}

describe('syslog decoder on the logger fixture', () => {
  it('keeps header facts and only the length of the message text', async () => {
    const { records, issues } = await recordsOf(fixture, [syslogDecoder]);
    expect(issues).toEqual([]);
    expect(records).toHaveLength(5);
    expect(records[0]).toMatchObject({ format: 'rfc5424', facility: 16, severity: 4, appName: 'infusion-gw', sdIds: ['timeQuality', 'origin'], originSoftware: 'WardGW', originSwVersion: '4.2.1' });
    expect(records[1]).toMatchObject({ format: 'rfc5424', facility: 1, severity: 6, appName: 'pacs-bridge', msgId: 'AUDIT', messageLength: 'C-STORE from CT01 accepted'.length });
    expect(records[3]).toMatchObject({ format: 'rfc3164', facility: 20, severity: 5, appName: 'ct01-console' });
    // logger refuses the kern facility for user processes and sends user (1) instead.
    expect(records[4]).toMatchObject({ format: 'rfc3164', facility: 1, severity: 2, appName: 'kernel', messageLength: 'eth0 link down'.length });
    // The message text (with its synthetic patient name) never reaches a record.
    expect(JSON.stringify(records)).not.toMatch(/SYNTHETIC|occlusion|lead off/);
  });

  it('reads BSD tags with [pid] and no timestamp (nDPI syslog.pcap)', async () => {
    const { records } = await recordsOf(path.join(corpus, 'ndpi', 'syslog.pcap'), [syslogDecoder]);
    expect(records.some((r) => r['appName'] === 'snmpd' && r['procId'] === '6956')).toBe(true);
    expect(records.some((r) => r['hostname'] === 'pfSense.localdomain' && r['appName'] === 'suricata')).toBe(true);
  });
});

describe.skipIf(tshark.skip)(tshark.title('syslog agrees with tshark'), () => {
  it('on fixture and corpus (>= 99.9 %)', async () => {
    const r = await check([fixture, path.join(corpus, 'ndpi', 'syslog.pcap')]);
    console.log('syslog vs tshark', JSON.stringify(r));
    expect(r.unexplained).toEqual([]);
    expect(r.ratio).toBeGreaterThanOrEqual(0.999);
  });
});

describe.skipIf(peers.skip)(peers.title('syslog with real peers at test time'), () => {
  it('runs logger against a listener in a namespace and agrees with tshark', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ww-syslog-'));
    try {
      execFileSync('sh', [path.join(here, 'fixtures', 'make-fixtures.sh'), dir], { stdio: 'ignore', timeout: 20_000 });
      const fresh = path.join(dir, 'syslog-logger.pcap');
      const r = await check([fresh]);
      expect(r.unexplained).toEqual([]);
      expect(r.compared).toBeGreaterThanOrEqual(20);
      expect(r.ratio).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe.skipIf(tshark.skip)(tshark.title('syslogDecoder conformance on the PDUs tshark finds'), () => {
  runDecoderConformance(syslogDecoder, tshark.skip ? [] : [...udpPayloads(fixture, 'syslog'), ...udpPayloads(path.join(corpus, 'ndpi', 'syslog.pcap'), 'syslog && udp', 6)].map((bytes, i) => ({ name: `syslog ${i}`, bytes })), 500);
});
