import { describe, expect, it } from 'vitest';
import { ip, mac } from './addr.js';
import { SynthClock } from './clock.js';
import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from './frame-builder.js';
import { Prng } from './prng.js';
import { EMBEDDED_TCP, LINUX_TCP, WINDOWS_TCP, establishedWindow } from './tcp-profile.js';
import { TcpSession, writeTcpConversation } from './tcp-session.js';
import type { TcpEnding, TcpMessage, TcpSessionSpec } from './tcp-session.js';
import { expertWarnings } from '../../test-support/tshark.js';
import { conversationRows } from '../../test-support/tshark-conversations.js';
import { CollectSink, fields, writeTempCapture } from './test-support/temp-capture.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

interface Seg { fromClient: boolean; flags: number; seq: number; ack: number; payload: Uint8Array; tsVal: number | null; t: number }

/** Minimal Ethernet/802.1Q/IPv4/IPv6/TCP parse of our own frames, to check the conversation's arithmetic. */
function parse(bytes: Uint8Array, clientPort: number, t: number): Seg {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 12;
  if (v.getUint16(at) === 0x8100) at += 4;
  const etherType = v.getUint16(at);
  const ipAt = at + 2;
  const v6 = etherType === 0x86dd;
  const tcpAt = ipAt + (v6 ? 40 : 20);
  const ipEnd = v6 ? tcpAt + v.getUint16(ipAt + 4) : ipAt + v.getUint16(ipAt + 2);
  const dataOff = (v.getUint8(tcpAt + 12) >> 4) * 4;
  let tsVal: number | null = null;
  for (let o = tcpAt + 20; o < tcpAt + dataOff;) {
    const kind = v.getUint8(o);
    if (kind === 1) { o++; continue; }
    if (kind === 8) tsVal = v.getUint32(o + 2);
    o += v.getUint8(o + 1);
  }
  return {
    fromClient: v.getUint16(tcpAt) === clientPort,
    flags: v.getUint8(tcpAt + 13),
    seq: v.getUint32(tcpAt + 4),
    ack: v.getUint32(tcpAt + 8),
    payload: bytes.slice(tcpAt + dataOff, ipEnd),
    tsVal,
    t,
  };
}

function bytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  new Prng(seed).fill(b);
  return b;
}

const body = bytes(20000, 1);
const MESSAGES: TcpMessage[] = [
  { fromClient: true, data: bytes(300, 2) },
  { fromClient: false, data: [bytes(100, 3), body.subarray(0, 9000)], delayUs: 5000 },
  { fromClient: false, data: new Uint8Array(0) }, // empty: skipped
  { fromClient: false, data: bytes(5, 4) },
  { fromClient: true, data: bytes(3000, 5) },
];

function spec(end: TcpEnding, over: Partial<TcpSessionSpec> = {}): TcpSessionSpec {
  return {
    clientMac: mac('00:1b:2c:00:00:01'), serverMac: mac('00:14:22:00:00:02'),
    clientIp: ip('10.20.1.10'), serverIp: ip('10.20.2.20'), clientPort: 49152, serverPort: 7000, vlan: null,
    messages: MESSAGES, end, clientIsn: 0xfffff000, serverIsn: 123456, ...over,
  };
}

function run(s: TcpSessionSpec): Seg[] {
  const sink = new CollectSink();
  writeTcpConversation(s, sink, new SynthClock(1_709_539_200));
  return sink.frames.map((f) => parse(f.bytes, s.clientPort, (f.tsSec - 1_709_539_200) * 1e9 + f.tsNsec));
}

/** Replays the segments, checking seq/ack continuity; returns the byte stream each side sent. */
function replay(segs: readonly Seg[], s: TcpSessionSpec): { client: number[]; server: number[] } {
  let cNext = s.clientIsn >>> 0;
  let sNext = s.serverIsn >>> 0;
  const out = { client: [] as number[], server: [] as number[] };
  for (const g of segs) {
    expect(g.seq).toBe(g.fromClient ? cNext : sNext);
    if (g.flags & TCP_ACK) expect(g.ack).toBe(g.fromClient ? sNext : cNext);
    const adv = (g.payload.length + (g.flags & (TCP_SYN | TCP_FIN) ? 1 : 0)) >>> 0;
    if (g.fromClient) { cNext = (cNext + adv) >>> 0; out.client.push(...g.payload); }
    else { sNext = (sNext + adv) >>> 0; out.server.push(...g.payload); }
  }
  return out;
}

describe('TcpSession', () => {
  it('keeps seq/ack consistent (across the 2^32 wrap) and delivers every message byte in order', () => {
    const s = spec('fin');
    const segs = run(s);
    const { client, server } = replay(segs, s);
    expect(Uint8Array.from(client)).toEqual(Uint8Array.from([...bytes(300, 2), ...bytes(3000, 5)]));
    expect(Uint8Array.from(server)).toEqual(Uint8Array.from([...bytes(100, 3), ...body.subarray(0, 9000), ...bytes(5, 4)]));
    expect(segs.slice(0, 3).map((g) => g.flags)).toEqual([TCP_SYN, TCP_SYN | TCP_ACK, TCP_ACK]);
    expect(segs.slice(-3).map((g) => [g.fromClient, g.flags])).toEqual([[true, TCP_FIN | TCP_ACK], [false, TCP_FIN | TCP_ACK], [true, TCP_ACK]]);
    for (const g of segs) expect(g.payload.length).toBeLessThanOrEqual(1448); // MSS 1460 minus the 12-byte timestamps option
  });

  it('has non-decreasing capture times and per-side timestamp values, honouring think time', () => {
    const segs = run(spec('fin'));
    for (let i = 1; i < segs.length; i++) expect(segs[i]?.t).toBeGreaterThanOrEqual(segs[i - 1]?.t ?? 0);
    const firstReply = segs.findIndex((g) => !g.fromClient && g.payload.length > 0);
    expect((segs[firstReply]?.t ?? 0) - (segs[firstReply - 1]?.t ?? 0)).toBeGreaterThanOrEqual(5_000_000);
    for (const side of [true, false]) {
      const ts = segs.filter((g) => g.fromClient === side).map((g) => g.tsVal ?? -1);
      expect([...ts].sort((a, b) => a - b)).toEqual(ts);
    }
  });

  it('ends with a client RST, a refused SYN, or not at all', () => {
    const rst = run(spec('rst'));
    expect(rst.at(-1)?.flags).toBe(TCP_RST | TCP_ACK);
    replay(rst, spec('rst'));
    const refused = run(spec('refused'));
    expect(refused.map((g) => [g.fromClient, g.flags])).toEqual([[true, TCP_SYN], [false, TCP_RST | TCP_ACK]]);
    expect(refused[1]?.ack).toBe(0xfffff001);
    const open = run(spec('open'));
    expect(open.some((g) => g.flags & (TCP_FIN | TCP_RST))).toBe(false);
    expect(open.at(-1)?.payload.length).toBe(0); // the receiver's final ACK
  });

  it('uses an option only when both sides offer it, and segments at the smaller MSS', () => {
    const sink = new CollectSink();
    const s = spec('fin', { client: WINDOWS_TCP, server: { ...EMBEDDED_TCP, mss: 536 } });
    writeTcpConversation(s, sink, new SynthClock(0));
    const segs = sink.frames.map((f) => parse(f.bytes, s.clientPort, 0));
    expect(segs.every((g) => g.tsVal === null)).toBe(true);
    expect(Math.max(...segs.map((g) => g.payload.length))).toBe(536);
    const tcpHeaderLen = (b: Uint8Array): number => ((b[14 + 20 + 12] ?? 0) >> 4) * 4;
    expect(tcpHeaderLen(sink.frames[0]?.bytes ?? new Uint8Array())).toBe(20 + 12); // MSS, SACK-permitted, WS
    expect(tcpHeaderLen(sink.frames[1]?.bytes ?? new Uint8Array())).toBe(20 + 4); // the embedded server offers only MSS
    replay(segs, s);
  });

  it('sends scaled windows after the handshake only when both sides scale', () => {
    expect(establishedWindow(LINUX_TCP, true)).toBe(502);
    expect(establishedWindow(LINUX_TCP, false)).toBe(64240);
    expect(establishedWindow(EMBEDDED_TCP, true)).toBe(8192);
  });

  it('returns 0 from next() when there is nothing to do', () => {
    const session = new TcpSession();
    expect(session.next(new Uint8Array(100), 0)).toBe(0);
    expect(session.done).toBe(true);
  });

  it.skipIf(tshark.skip)(tshark.title('produces conversations tshark accepts: no bad checksums, no sequence analysis warnings'), () => {
    const path = writeTempCapture('tcp.pcap', (sink, clock) => {
      const ends: TcpEnding[] = ['fin', 'rst', 'refused', 'open'];
      ends.forEach((end, i) => writeTcpConversation(spec(end, { clientPort: 50000 + i }), sink, clock));
      writeTcpConversation(spec('fin', { clientPort: 50010, clientIp: ip('fd00:20::10'), serverIp: ip('fd00:20::20'), vlan: 120 }), sink, clock);
    });
    expect(expertWarnings(path)).toEqual([]);
    expect(fields(path, ['frame.number', 'tcp.analysis.flags'], 'tcp.analysis.flags')).toEqual([]);
    const conv = conversationRows(path, 'tcp');
    const byPort = new Map(conv.flatMap((c) => c.endpoints.map((e) => [e.split(':').at(-1), c] as const)));
    const fin = run(spec('fin')).length;
    expect(byPort.get('50000')?.frames).toBe(fin);
    expect(byPort.get('50001')?.frames).toBe(fin - 2); // one RST instead of FIN, FIN, ACK
    expect(byPort.get('50002')?.frames).toBe(2);
    expect(byPort.get('50010')?.frames).toBe(fin);
    expect(conv).toHaveLength(5);
  });
});
