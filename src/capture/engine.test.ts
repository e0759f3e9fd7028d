/** The flow table through the engine: initiator, direction counts, TCP states, port reuse, timeouts, eviction. */
import { describe, expect, it } from 'vitest';
import { Engine, defaultEngineOptions, type EngineOptions } from './engine.js';
import { flowToJson, type FlowJson } from './flow-json.js';
import { feedFrame } from './test-support/feed-frame.js';
import { buildTcpFrame, buildUdpFrame, newTcpSpec, newUdpSpec, TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN } from './synth/frame-builder.js';
import { ipv4, mac } from './synth/addr.js';

const CLIENT = '10.1.0.5';
const SERVER = '10.1.0.9';

class Wire {
  readonly flows: FlowJson[] = [];
  readonly engine: Engine;
  private readonly buf = new Uint8Array(4096);
  t = 1_700_000_000;
  /** Frame bytes sent by the client and by the server, as the flow should count them. */
  readonly sent = { client: 0, server: 0 };

  constructor(options: Partial<EngineOptions> = {}) {
    this.engine = new Engine({ flowEnded: (f) => this.flows.push(flowToJson(f)) }, { ...defaultEngineOptions, ...options });
  }

  /** `cut`: bytes dropped from the end of the frame while the IP header still counts them (a bad length, not a snap cut). */
  tcp(fromClient: boolean, flags: number, seq: number, payload = 0, sport = 40000, cut = 0): void {
    const s = newTcpSpec();
    s.srcMac = mac(fromClient ? '02:00:00:00:00:05' : '02:00:00:00:00:09');
    s.dstMac = mac(fromClient ? '02:00:00:00:00:09' : '02:00:00:00:00:05');
    s.srcIp = ipv4(fromClient ? CLIENT : SERVER);
    s.dstIp = ipv4(fromClient ? SERVER : CLIENT);
    s.srcPort = fromClient ? sport : 80;
    s.dstPort = fromClient ? 80 : sport;
    s.seq = seq;
    s.flags = flags;
    if ((flags & TCP_SYN) !== 0) s.options = { mss: 1460, windowScale: 7, sackPermitted: true, timestamps: false, tsVal: 0, tsEcr: 0 };
    const len = buildTcpFrame(this.buf, s, new Uint8Array(payload)) - cut;
    if (fromClient) this.sent.client += len;
    else this.sent.server += len;
    this.feed(len);
  }

  udp(sport: number): void {
    const s = newUdpSpec();
    s.srcIp = ipv4(CLIENT);
    s.dstIp = ipv4(SERVER);
    s.srcPort = sport;
    s.dstPort = 53;
    this.feed(buildUdpFrame(this.buf, s, new Uint8Array(20)));
  }

  private feed(len: number): void {
    feedFrame(this.engine, this.buf, len, this.t);
    this.t += 0.001;
  }

  handshake(sport = 40000): void {
    this.tcp(true, TCP_SYN, 100, 0, sport);
    this.tcp(false, TCP_SYN | TCP_ACK, 500, 0, sport);
    this.tcp(true, TCP_ACK, 101, 0, sport);
  }

  finish(): FlowJson[] {
    this.engine.finish();
    return this.flows;
  }
}

describe('flow table', () => {
  it('a full connection: initiator, counts each way, closed, SYN signatures', () => {
    const w = new Wire();
    w.handshake();
    w.tcp(true, TCP_ACK | TCP_PSH, 101, 100);
    w.tcp(false, TCP_ACK | TCP_PSH, 501, 1000);
    w.tcp(true, TCP_ACK | TCP_FIN, 201);
    w.tcp(false, TCP_ACK | TCP_FIN, 1501);
    w.tcp(true, TCP_ACK, 202);
    const [f] = w.finish();
    expect(f).toMatchObject({ proto: 'tcp', src: CLIENT, sport: 40000, dst: SERVER, dport: 80, packetsOut: 5, packetsIn: 3, state: 'closed', srcMac: '02:00:00:00:00:05', dstMac: '02:00:00:00:00:09' });
    expect(f?.syn).toMatchObject({ ttl: 64, mss: 1460, windowScale: 7 });
    expect(f?.synAck?.mss).toBe(1460);
    expect([f?.bytesOut, f?.bytesIn]).toEqual([w.sent.client, w.sent.server]);
  });

  it('a SYN/ACK seen first still makes its receiver the initiator', () => {
    const w = new Wire();
    w.tcp(false, TCP_SYN | TCP_ACK, 500);
    w.tcp(true, TCP_ACK, 101);
    const [f] = w.finish();
    expect([f?.src, f?.dst, f?.packetsOut, f?.packetsIn]).toEqual([CLIENT, SERVER, 1, 1]);
  });

  it('mid-stream: the first packet\'s sender is the initiator and the state is partial', () => {
    const w = new Wire();
    w.tcp(false, TCP_ACK | TCP_PSH, 900, 10);
    const [f] = w.finish();
    expect([f?.src, f?.state]).toEqual([SERVER, 'partial']);
  });

  it('reset and established states', () => {
    const w = new Wire();
    w.handshake(40001);
    w.handshake(40002);
    w.tcp(false, TCP_RST | TCP_ACK, 501, 0, 40002);
    const flows = w.finish();
    expect(flows.find((f) => f.sport === 40001)?.state).toBe('established');
    expect(flows.find((f) => f.sport === 40002)?.state).toBe('reset');
  });

  it('a new SYN on a finished 5-tuple starts a new flow (port reuse)', () => {
    const w = new Wire();
    w.handshake();
    w.tcp(true, TCP_RST, 101);
    w.handshake();
    expect(w.finish()).toHaveLength(2);
  });

  it('idle timeouts end flows while the capture goes on', () => {
    const w = new Wire({ timeouts: { ...defaultEngineOptions.timeouts, udpSec: 10 } });
    w.udp(5353);
    w.t += 30;
    w.udp(5354);
    expect(w.flows).toHaveLength(1);
    w.udp(5353);
    expect(w.finish().filter((f) => f.sport === 5353)).toHaveLength(2);
  });

  it('a full table pushes out the oldest flow, never losing it', () => {
    const w = new Wire({ maxFlows: 100 });
    for (let i = 0; i < 1000; i++) w.udp(10000 + i);
    expect(w.engine.activeFlows).toBeLessThanOrEqual(100);
    const flows = w.finish();
    expect(flows).toHaveLength(1000);
    expect(w.engine.stats.evicted).toBe(900);
  });
});

describe('a frame shorter than its IP header says', () => {
  it('is counted in its flow (as tshark and Zeek count it) and still counted as malformed', () => {
    const w = new Wire();
    w.tcp(true, TCP_SYN, 100);
    w.tcp(false, TCP_SYN | TCP_ACK, 500);
    w.tcp(true, TCP_ACK | TCP_PSH, 101, 200, 40000, 50); // IP total length says 50 bytes more than the frame holds
    w.tcp(false, TCP_ACK | TCP_FIN, 501);
    w.engine.finish();
    expect(w.engine.stats.malformed).toBe(1);
    expect(w.flows).toHaveLength(1);
    expect(w.flows[0]).toMatchObject({ packetsOut: 2, bytesOut: w.sent.client, packetsIn: 2, bytesIn: w.sent.server });
  });

  it('a header that is itself cut short is still malformed and not counted', () => {
    const w = new Wire();
    w.tcp(true, TCP_SYN, 100);
    w.tcp(true, TCP_ACK, 101, 0, 40000, 30); // 30 bytes off a 54-byte frame: the TCP header is gone
    w.engine.finish();
    expect(w.engine.stats.malformed).toBe(1);
    expect(w.flows[0]).toMatchObject({ packetsOut: 1 });
  });
});
