/** A whole synthetic TCP conversation (RFC 9293 §3.5 handshake, §3.6 close; RFC 7323 timestamps) as a frame-by-frame state machine. */

import type { SynthClock } from './clock.js';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN, newTcpSpec, tcpOptionsLength, tcpPayloadOffset, writeTcpFrame } from './frame-builder.js';
import type { TcpOptionsSpec, TcpSpec } from './frame-builder.js';
import type { PacketSink } from './pcap-writer.js';
import { LINUX_TCP, establishedWindow, fillSynOptions } from './tcp-profile.js';
import type { TcpMessage, TcpSessionSpec } from './tcp-conversation.js';

export type { TcpEnding, TcpMessage, TcpSessionSpec } from './tcp-conversation.js';

const Phase = { Syn: 0, SynAck: 1, HandshakeAck: 2, Data: 3, Fin1: 4, Fin2: 5, FinAck: 6, Done: 7 } as const;
type Phase = (typeof Phase)[keyof typeof Phase];

/**
 * Emits the frames of one conversation in order. `next()` builds the next frame into the caller's buffer
 * and sets `gapUs`, the natural delay before that frame; a caller interleaving many sessions may ignore
 * it and use its own clock. Reuse one instance per concurrent conversation via `reset()`.
 */
export class TcpSession {
  gapUs = 0;
  private spec: TcpSessionSpec | null = null;
  private readonly frame: TcpSpec = newTcpSpec();
  private readonly clientSynOpts: TcpOptionsSpec = { mss: null, windowScale: null, sackPermitted: false, timestamps: false, tsVal: 0, tsEcr: 0 };
  private readonly serverSynOpts: TcpOptionsSpec = { mss: null, windowScale: null, sackPermitted: false, timestamps: false, tsVal: 0, tsEcr: 0 };
  /** Options of every segment after the SYNs: only timestamps, when both sides agreed to them. */
  private readonly dataOpts: TcpOptionsSpec = { mss: null, windowScale: null, sackPermitted: false, timestamps: false, tsVal: 0, tsEcr: 0 };
  private clientSynWindow = 0;
  private serverSynWindow = 0;
  private clientWindow = 0; // window field once established
  private serverWindow = 0;
  private segmentMax = 0; // payload bytes per segment
  private phase: Phase = Phase.Done;
  private clientSeq = 0; // next sequence number each side will send
  private serverSeq = 0;
  private clientIpId = 0;
  private serverIpId = 0;
  private clientTsOffset = 0;
  private serverTsOffset = 0;
  private lastTsClient = 0; // last TSval each side sent, echoed by the other
  private lastTsServer = 0;
  private msgIndex = 0;
  private chunkIndex = 0;
  private chunkOffset = 0;
  private msgRemaining = 0;
  private unackedSegments = 0;
  private pendingAck = 0; // 0 none, 1 client owes an ACK, 2 server owes one
  private lastFromClient = true;

  get done(): boolean {
    return this.phase === Phase.Done;
  }

  reset(spec: TcpSessionSpec): void {
    this.spec = spec;
    const client = spec.client ?? LINUX_TCP;
    const server = spec.server ?? LINUX_TCP;
    fillSynOptions(client, null, this.clientSynOpts);
    fillSynOptions(server, client, this.serverSynOpts);
    const scaling = this.serverSynOpts.windowScale !== null;
    this.dataOpts.timestamps = this.serverSynOpts.timestamps;
    this.clientSynWindow = client.window;
    this.serverSynWindow = server.window;
    this.clientWindow = establishedWindow(client, scaling);
    this.serverWindow = establishedWindow(server, scaling);
    // Each side sends at most the MSS the other announced (RFC 9293 §3.7.1), less the options it carries.
    this.segmentMax = Math.min(client.mss, server.mss) - tcpOptionsLength(this.dataOpts);
    this.frame.vlan = spec.vlan;
    this.clientSeq = spec.clientIsn >>> 0;
    this.serverSeq = spec.serverIsn >>> 0;
    // Derive per-host IP-ID and timestamp bases from the ISNs: deterministic, and different per session.
    this.clientIpId = spec.clientIsn & 0xffff;
    this.serverIpId = spec.serverIsn & 0xffff;
    this.clientTsOffset = spec.clientIsn >>> 8;
    this.serverTsOffset = spec.serverIsn >>> 8;
    this.lastTsClient = 0;
    this.lastTsServer = 0;
    this.msgIndex = 0;
    this.unackedSegments = 0;
    this.pendingAck = 0;
    this.lastFromClient = true;
    this.phase = Phase.Syn;
    this.startMessage();
  }

  /** Builds the next frame into `buf` and returns its length, or 0 once the conversation is over. */
  next(buf: Uint8Array, nowMs: number): number {
    const s = this.spec;
    if (s === null) return 0;
    const halfRtt = (s.rttUs ?? 400) / 2;
    switch (this.phase) {
      case Phase.Syn:
        this.gapUs = 0;
        this.phase = s.end === 'refused' ? Phase.FinAck : Phase.SynAck;
        this.clientSeq = (this.clientSeq + 1) >>> 0;
        return this.emit(buf, nowMs, true, TCP_SYN, this.clientSynWindow, this.clientSynOpts, 0, (this.clientSeq - 1) >>> 0, 0);
      case Phase.SynAck:
        this.gapUs = halfRtt;
        this.phase = Phase.HandshakeAck;
        this.serverSeq = (this.serverSeq + 1) >>> 0;
        return this.emit(buf, nowMs, false, TCP_SYN | TCP_ACK, this.serverSynWindow, this.serverSynOpts, 0, (this.serverSeq - 1) >>> 0, this.clientSeq);
      case Phase.HandshakeAck:
        this.gapUs = halfRtt;
        this.phase = Phase.Data;
        return this.emitAck(buf, nowMs, true);
      case Phase.Data:
        return this.nextData(buf, nowMs, halfRtt);
      case Phase.Fin1:
        this.gapUs = halfRtt;
        this.phase = Phase.Fin2;
        this.clientSeq = (this.clientSeq + 1) >>> 0;
        return this.emit(buf, nowMs, true, TCP_FIN | TCP_ACK, this.clientWindow, this.dataOpts, 0, (this.clientSeq - 1) >>> 0, this.serverSeq);
      case Phase.Fin2:
        this.gapUs = halfRtt;
        this.phase = Phase.FinAck;
        this.serverSeq = (this.serverSeq + 1) >>> 0;
        return this.emit(buf, nowMs, false, TCP_FIN | TCP_ACK, this.serverWindow, this.dataOpts, 0, (this.serverSeq - 1) >>> 0, this.clientSeq);
      case Phase.FinAck:
        this.gapUs = halfRtt;
        this.phase = Phase.Done;
        if (s.end === 'refused') return this.emit(buf, nowMs, false, TCP_RST | TCP_ACK, 0, null, 0, 0, this.clientSeq);
        return this.emitAck(buf, nowMs, true);
      case Phase.Done:
        return 0;
    }
  }

  private nextData(buf: Uint8Array, nowMs: number, halfRtt: number): number {
    const s = this.spec;
    if (s === null) return 0;
    if (this.pendingAck !== 0) {
      const fromClient = this.pendingAck === 1;
      this.pendingAck = 0;
      this.gapUs = halfRtt;
      return this.emitAck(buf, nowMs, fromClient);
    }
    const msg = s.messages[this.msgIndex];
    if (msg === undefined) {
      if (s.end === 'open') {
        this.phase = Phase.Done;
        return 0;
      }
      if (s.end === 'rst') {
        this.gapUs = halfRtt;
        this.phase = Phase.Done;
        return this.emit(buf, nowMs, true, TCP_RST | TCP_ACK, 0, null, 0, this.clientSeq, this.serverSeq);
      }
      this.phase = Phase.Fin1;
      return this.next(buf, nowMs);
    }
    const fromClient = msg.fromClient;
    const firstSegment = this.chunkIndex === 0 && this.chunkOffset === 0;
    const len = Math.min(this.segmentMax, this.msgRemaining);
    this.setDirection(fromClient, this.dataOpts);
    this.copyPayload(buf, tcpPayloadOffset(this.frame), msg, len);
    this.msgRemaining -= len;
    const last = this.msgRemaining === 0;
    const seq = fromClient ? this.clientSeq : this.serverSeq;
    if (fromClient) this.clientSeq = (this.clientSeq + len) >>> 0;
    else this.serverSeq = (this.serverSeq + len) >>> 0;
    this.gapUs = firstSegment ? (msg.delayUs ?? (fromClient === this.lastFromClient ? 20 : halfRtt)) : 1 + len / 125;
    this.unackedSegments++;
    if (last) {
      this.msgIndex++;
      this.startMessage();
      const following = s.messages[this.msgIndex];
      // The reply piggybacks the ACK; otherwise the receiver acknowledges the end of the message itself.
      if (following === undefined || following.fromClient === fromClient) this.pendingAck = fromClient ? 2 : 1;
      this.unackedSegments = 0;
    } else if (this.unackedSegments >= 2) {
      this.pendingAck = fromClient ? 2 : 1; // delayed ACK: every second full segment (RFC 9293 §3.8.6.3)
      this.unackedSegments = 0;
    }
    return this.emit(buf, nowMs, fromClient, last ? TCP_ACK | TCP_PSH : TCP_ACK, fromClient ? this.clientWindow : this.serverWindow, this.dataOpts, len, seq, fromClient ? this.serverSeq : this.clientSeq);
  }

  /** Skips empty messages and loads the length of the current one. */
  private startMessage(): void {
    const msgs = this.spec?.messages ?? [];
    for (;;) {
      const m = msgs[this.msgIndex];
      this.chunkIndex = 0;
      this.chunkOffset = 0;
      if (m === undefined) { this.msgRemaining = 0; return; }
      let total = 0;
      if (m.data instanceof Uint8Array) total = m.data.length;
      else for (const c of m.data) total += c.length;
      if (total > 0) { this.msgRemaining = total; return; }
      this.msgIndex++;
    }
  }

  private copyPayload(buf: Uint8Array, at: number, msg: TcpMessage, len: number): void {
    let p = at;
    let left = len;
    while (left > 0) {
      const chunk = msg.data instanceof Uint8Array ? msg.data : msg.data[this.chunkIndex];
      if (chunk === undefined) return;
      const n = Math.min(left, chunk.length - this.chunkOffset);
      buf.set(chunk.subarray(this.chunkOffset, this.chunkOffset + n), p);
      p += n;
      left -= n;
      this.chunkOffset += n;
      if (this.chunkOffset >= chunk.length) { this.chunkIndex++; this.chunkOffset = 0; }
    }
  }

  private emitAck(buf: Uint8Array, nowMs: number, fromClient: boolean): number {
    const seq = fromClient ? this.clientSeq : this.serverSeq;
    const ack = fromClient ? this.serverSeq : this.clientSeq;
    return this.emit(buf, nowMs, fromClient, TCP_ACK, fromClient ? this.clientWindow : this.serverWindow, this.dataOpts, 0, seq, ack);
  }

  private setDirection(fromClient: boolean, opts: TcpOptionsSpec | null): void {
    const s = this.spec;
    if (s === null) return;
    const f = this.frame;
    f.srcMac = fromClient ? s.clientMac : s.serverMac;
    f.dstMac = fromClient ? s.serverMac : s.clientMac;
    f.srcIp = fromClient ? s.clientIp : s.serverIp;
    f.dstIp = fromClient ? s.serverIp : s.clientIp;
    f.srcPort = fromClient ? s.clientPort : s.serverPort;
    f.dstPort = fromClient ? s.serverPort : s.clientPort;
    f.ttl = fromClient ? (s.clientTtl ?? 64) : (s.serverTtl ?? 64);
    f.options = opts;
  }

  private emit(buf: Uint8Array, nowMs: number, fromClient: boolean, flags: number, window: number, opts: TcpOptionsSpec | null, payloadLen: number, seq: number, ack: number): number {
    this.setDirection(fromClient, opts);
    const f = this.frame;
    f.flags = flags;
    f.window = window;
    f.seq = seq;
    f.ack = flags & TCP_ACK ? ack : 0;
    if (fromClient) f.ipId = this.clientIpId++ & 0xffff;
    else f.ipId = this.serverIpId++ & 0xffff;
    if (opts !== null && opts.timestamps) {
      const tsVal = (nowMs + (fromClient ? this.clientTsOffset : this.serverTsOffset)) >>> 0;
      opts.tsVal = tsVal;
      // RFC 7323 §3.2: TSecr is 0 unless the ACK bit is set.
      opts.tsEcr = flags & TCP_ACK ? (fromClient ? this.lastTsServer : this.lastTsClient) : 0;
      if (fromClient) this.lastTsClient = tsVal;
      else this.lastTsServer = tsVal;
    }
    this.lastFromClient = fromClient;
    return writeTcpFrame(buf, f, payloadLen);
  }
}

/** Writes a whole conversation to `sink`, advancing `clock` by each frame's natural gap; returns the frame count. */
export function writeTcpConversation(spec: TcpSessionSpec, sink: PacketSink, clock: SynthClock, buf: Uint8Array = new Uint8Array(65536), session: TcpSession = new TcpSession()): number {
  session.reset(spec);
  let count = 0;
  for (;;) {
    const len = session.next(buf, clock.ms);
    if (len === 0) return count;
    clock.advanceUs(session.gapUs);
    sink.writePacket(buf, 0, len, clock.sec, clock.nsec);
    count++;
  }
}
