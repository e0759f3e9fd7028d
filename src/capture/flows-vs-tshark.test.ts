/** The flow table cross-checked with tshark's conversation tables, on the corpus and on traffic made by real peers. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requires } from '../test-support/tools.js';
import { ingestCaptures } from '../pipeline/ingest.js';
import { defaultEngineOptions } from './engine.js';
import { flowToJson, type FlowJson } from './flow-json.js';
import { compareTotals, ourTotals, tsharkTotals } from './test-support/flow-compare.js';
import { makeWire, stopChild, waitForOutput, waitForPort, type Wire } from './test-support/netns.js';
import { corpusPcaps } from '../test-support/test-data.js';

const tshark = requires({ tools: ['tshark'] });
const live = requires({ netns: true, tools: ['tshark', 'tcpdump', 'curl', 'ip', '/usr/bin/python3'] });



/** tshark has no idle timeout: give ours a huge one so a long UDP exchange stays one flow, as in its table. */
async function flowsOf(file: string): Promise<FlowJson[]> {
  const flows: FlowJson[] = [];
  const big = 1e9;
  await ingestCaptures([file], { flowEnded: (f) => flows.push(flowToJson(f)) }, {
    engine: { ...defaultEngineOptions, timeouts: { tcpOpenSec: big, tcpClosedSec: big, udpSec: big, otherSec: big } },
  });
  return flows;
}

/**
 * Where tshark 4.0 lists one connection as several conversation entries, packet and byte totals still agree and
 * only the entry count differs:
 * - SNMP: tshark's SNMP dissector files a response under a conversation of its own.
 * - vnc.pcap: tshark starts a new tcp.stream at a retransmitted first data segment of the same connection.
 * And one the other way round:
 * - syslog.pcap: a TCP connection whose two directions were captured on different VLANs (1506 out, 1906 back);
 *   flows are keyed by VLAN, so it is two flows here, while tshark's tables ignore VLANs.
 */
const ENTRY_COUNT_DIFFERS = new Set([
  'snmp.pcap',
  'snmp_snmpv1_get.pcap',
  'snmp_snmpv1_set.pcap',
  'snmp_snmpv2_get.pcap',
  'snmp_snmpv2_get_bulk.pcap',
  'snmp_snmpv3_get_next.pcap',
  'vnc.pcap',
  'syslog.pcap',
]);

const corpusFiles = ['zeek', 'ndpi'].flatMap((dir) =>
  readdirSync(path.join(corpusPcaps, dir)).filter((f) => /\.(pcap|pcapng|cap)$/.test(f)).map((f) => path.join(corpusPcaps, dir, f)),
);

describe.skipIf(tshark.skip)(tshark.title('flows agree with tshark on the corpus captures'), () => {
  it.each(corpusFiles.map((f) => [path.basename(f), f]))('%s', async (name, file) => {
    const bad = compareTotals(ourTotals(await flowsOf(file)), tsharkTotals(file), !ENTRY_COUNT_DIFFERS.has(name));
    expect(bad).toEqual([]);
  });
});

describe.skipIf(live.skip)(live.title('flows agree with tshark on traffic from real peers'), () => {
  let wire: Wire;
  let dir: string;
  const pcap = (): string => path.join(dir, 'curl.pcap');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ww-flows-'));
    wire = makeWire(201);
    const www = path.join(dir, 'www');
    mkdirSync(www);
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    names.forEach((n, i) => {
      writeFileSync(path.join(www, `${n}.bin`), Buffer.alloc(5000 + i * 7000, n));
    });
    const server = wire.start(wire.nsB, '/usr/bin/python3', ['-m', 'http.server', '--bind', wire.ipB, '8080', '--directory', www]);
    const dump = wire.start(wire.nsA, 'tcpdump', ['-i', wire.ifA, '--immediate-mode', '-U', '-s', '0', '-w', pcap()]);
    try {
      await waitForOutput(dump, 'listening on');
      await waitForPort(wire, wire.nsA, wire.ipB, 8080);
      const urls = names.map((n) => `http://${wire.ipB}:8080/${n}.bin`);
      wire.exec(wire.nsA, 'curl', ['-s', '-o', '/dev/null', '--parallel', '--parallel-max', '6', ...urls.flatMap((u) => ['-o', '/dev/null', u])]);
      // UDP both ways: datagrams to a port nobody listens on draw ICMP errors; to a listener they are plain UDP.
      for (let i = 0; i < 3; i++) wire.exec(wire.nsA, 'bash', ['-c', `echo probe${i} > /dev/udp/${wire.ipB}/9999`]);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await stopChild(dump);
      await stopChild(server, 'SIGTERM');
    }
  });

  afterAll(() => {
    wire.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the same conversations, packets and bytes each way as tshark -z conv,tcp / conv,udp', async () => {
    const flows = await flowsOf(pcap());
    // The curl transfers (the port-readiness probe before them carries no HTTP response).
    const tcp = flows.filter((f) => f.proto === 'tcp' && f.dport === 8080 && f.bytesIn > 1000);
    expect(tcp.length).toBe(6);
    for (const f of tcp) {
      expect(f.src).toBe(wire.ipA);
      expect(f.state).toBe('closed');
      expect(f.syn?.mss).toBeGreaterThan(0);
      expect(f.synAck?.mss).toBeGreaterThan(0);
    }
    expect(flows.some((f) => f.proto === 'udp' && f.dport === 9999)).toBe(true);
    expect(compareTotals(ourTotals(flows), tsharkTotals(pcap()), true)).toEqual([]);
  });
});
