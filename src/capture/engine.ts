/**
 * The per-packet engine: header decode, flow table, TCP state, and hand-off of payloads to a flow's decoding
 * session. It knows nothing of protocols: sessions come from a factory the pipeline injects.
 */
import { decodePacket } from './decode-packet.js';
import { readMac } from './addr.js';
import { Flow, FlowListClass, TcpStateBit, type FlowSession } from './flow.js';
import { defaultFlowTimeouts, FlowTable, type FlowTimeouts } from './flow-table.js';
import { IpProto } from './link-types.js';
import { PacketInfo, PacketKind, TcpFlag } from './packet-info.js';
import type { PacketRef } from './packet.js';
import { readSynSignature } from './syn-signature.js';

export interface EngineStats {
  packets: number;
  bytes: number;
  flows: number;
  records: number;
  malformed: number;
  /** IP fragments seen (the first one of each datagram is still analysed). */
  fragments: number;
  /** Packets cut short by the capture's snap length. */
  snapTruncated: number;
  arp: number;
  /** Non-IP layer-2 frames (LLDP, CDP, STP ...). */
  link: number;
  /** Frames of link or ether types not analysed. */
  other: number;
  /** Problems decoders reported in bytes they were given. */
  decodeIssues: number;
  /** Flows pushed out early because the table was full. */
  evicted: number;
  /** Most flows held at once: near --max-flows means the table is the bound on memory. */
  peakFlows: number;
}

export function emptyStats(): EngineStats {
  return { packets: 0, bytes: 0, flows: 0, records: 0, malformed: 0, fragments: 0, snapTruncated: 0, arp: 0, link: 0, other: 0, decodeIssues: 0, evicted: 0, peakFlows: 0 };
}

/**
 * What hooks, and the sessions they make, may read of the engine: the packet being processed (time, MACs) and the
 * counters of what decoders emitted. The engine hands itself over as this on every hook call, so hooks are built
 * before the engine and never hold a reference to it.
 */
export interface EngineContext {
  /** Capture time of the packet being processed, ms since the epoch (and its seconds + nanoseconds). */
  readonly nowMs: number;
  readonly nowSec: number;
  readonly nowNsec: number;
  /** Sender and receiver MACs of the packet being processed, -1 when the link layer has none. */
  currentMacs(): [number, number];
  /** A decoder's record was emitted. */
  countRecord(): void;
  /** A decoder reported a problem in the bytes it was given. */
  countIssue(): void;
}

export interface EngineHooks {
  /** A flow ended (idle timeout, eviction, port reuse or end of capture). The Flow object is reused afterwards. */
  flowEnded?(flow: Flow): void;
  /** Makes the decoding session of a new TCP/UDP flow, or null to only count it. */
  createSession?(flow: Flow, engine: EngineContext): FlowSession | null;
  /** A non-IP layer-2 payload (LLDP, CDP over LLC ...). */
  linkFrame?(packet: PacketRef, info: PacketInfo, engine: EngineContext): void;
  /** An ARP packet (sender MAC/IP bindings for the inventory). */
  arp?(packet: PacketRef, info: PacketInfo, engine: EngineContext): void;
}

export interface EngineOptions {
  maxFlows: number;
  timeouts: FlowTimeouts;
}

/** 100,000 flows is about 60 MB of flow state (about 0.5 KB a flow), close to Suricata's default flow memcap. */
export const defaultEngineOptions: EngineOptions = { maxFlows: 100_000, timeouts: defaultFlowTimeouts };

export class Engine implements EngineContext {
  readonly stats = emptyStats();
  readonly info = new PacketInfo();
  private readonly table: FlowTable;
  private lastSweepSec = 0;
  /** Capture time of the packet being processed, ms since the epoch (sessions stamp records with it). */
  nowMs = 0;
  nowSec = 0;
  nowNsec = 0;

  constructor(
    private readonly hooks: EngineHooks,
    options: EngineOptions = defaultEngineOptions,
  ) {
    this.table = new FlowTable(options.maxFlows, options.timeouts, (f) => {
      this.finishFlow(f);
    });
  }

  get activeFlows(): number {
    return this.table.size;
  }

  /** The packet being processed (valid only during packet()): decoders' records read its MACs. */
  private current: PacketRef | null = null;

  /**
   * Sender and receiver MACs of the packet being processed, -1 when the link layer has none. Records take their
   * MACs from here, not from the flow: many DHCP clients share one broadcast flow (0.0.0.0:68 -> 255.255.255.255:67).
   */
  currentMacs(): [number, number] {
    const p = this.current;
    const info = this.info;
    if (p === null) return [-1, -1];
    return [info.macSrcOffset >= 0 ? readMac(p.data, info.macSrcOffset) : -1, info.macDstOffset >= 0 ? readMac(p.data, info.macDstOffset) : -1];
  }

  packet(p: PacketRef): void {
    this.current = p;
    const s = this.stats;
    s.packets++;
    s.bytes += p.origLen;
    this.nowSec = p.tsSec;
    this.nowNsec = p.tsNsec;
    this.nowMs = p.tsSec * 1000 + Math.floor(p.tsNsec / 1_000_000);
    if (p.tsSec > this.lastSweepSec) {
      // Idle flows are swept at most once per second of capture time.
      if (this.lastSweepSec !== 0) this.table.expireIdle(p.tsSec + p.tsNsec / 1e9);
      this.lastSweepSec = p.tsSec;
    }
    if (p.capLen < p.origLen) s.snapTruncated++;
    const info = this.info;
    const isTransport = decodePacket(p, info);
    // Damaged but usable (an IP length past the frame's end): counted as malformed and still analysed.
    if (info.kind === PacketKind.Ip && info.malformedReason !== '') s.malformed++;
    if (!isTransport) {
      switch (info.kind) {
        case PacketKind.Malformed:
          s.malformed++;
          return;
        case PacketKind.Ip:
          if (info.isFragment) s.fragments++;
          else s.other++;
          return;
        case PacketKind.Arp:
          s.arp++;
          this.hooks.arp?.(p, info, this);
          return;
        case PacketKind.Link:
          s.link++;
          this.hooks.linkFrame?.(p, info, this);
          return;
        default:
          s.other++;
          return;
      }
    }
    if (info.isFragment) s.fragments++;
    this.ipPacket(p, info);
  }

  private ipPacket(p: PacketRef, info: PacketInfo): void {
    const proto = info.proto;
    const isTcp = proto === IpProto.Tcp;
    const flags = info.tcpFlags;
    const synOnly = isTcp && (flags & (TcpFlag.Syn | TcpFlag.Ack)) === TcpFlag.Syn;
    const synAck = isTcp && (flags & (TcpFlag.Syn | TcpFlag.Ack)) === (TcpFlag.Syn | TcpFlag.Ack);
    if (proto === IpProto.Icmp || proto === IpProto.Icmpv6) {
      // ICMP has no ports; the pair of addresses is the conversation, as tshark's conv,ip sees it.
      info.srcPort = info.dstPort = 0;
    }
    const ts = p.tsSec + p.tsNsec / 1e9;
    let f = this.table.lookup(info, synAck, ts);
    let out = this.table.lastOut;
    if (!this.table.lastCreated && synOnly && (f.tcpState & (TcpStateBit.Rst | TcpStateBit.FinOut)) !== 0 && this.isClosed(f)) {
      // A fresh SYN on a finished connection's 5-tuple starts a new connection (port reuse).
      this.table.end(f);
      f = this.table.lookup(info, false, ts);
      out = true;
    }
    if (this.table.lastCreated) {
      this.startFlow(f, p, info, isTcp && !synOnly && !synAck);
      if (this.table.size > this.stats.peakFlows) this.stats.peakFlows = this.table.size;
    } else if (this.table.lastJoinedAcrossVlans && info.macSrcOffset >= 0) {
      // This side's frames are on another VLAN than the first packet's, so the MAC that packet was sent to was the
      // router's, not this side's: its own source MAC is the one to keep.
      const src = readMac(p.data, info.macSrcOffset);
      if (out) f.macA = src;
      else f.macB = src;
    }
    f.lastSec = p.tsSec;
    f.lastNsec = p.tsNsec;
    f.lastTs = ts;
    if (out) {
      f.packetsOut++;
      f.bytesOut += p.origLen;
      f.payloadBytesOut += info.payloadLength;
    } else {
      f.packetsIn++;
      f.bytesIn += p.origLen;
      f.payloadBytesIn += info.payloadLength;
    }
    let cls: FlowListClass = FlowListClass.Other;
    if (isTcp) {
      this.tcpState(f, out, flags, synOnly, synAck, p, info);
      cls = this.isClosed(f) ? FlowListClass.TcpClosed : FlowListClass.TcpOpen;
    } else if (proto === IpProto.Udp) cls = FlowListClass.Udp;
    this.table.touch(f, cls);
    const session = f.session;
    if (session !== null && session.active && (info.payloadLength > 0 || (isTcp && (flags & (TcpFlag.Syn | TcpFlag.Fin | TcpFlag.Rst)) !== 0))) {
      session.payload(f, out, info.seq, p.data.subarray(info.payloadOffset, info.payloadOffset + info.payloadLength), flags);
    }
  }

  private startFlow(f: Flow, p: PacketRef, info: PacketInfo, midstream: boolean): void {
    this.stats.flows++;
    f.firstSec = p.tsSec;
    f.firstNsec = p.tsNsec;
    if (info.proto === IpProto.Icmp || info.proto === IpProto.Icmpv6) f.icmpType = info.icmpType;
    if (midstream) f.tcpState |= TcpStateBit.Midstream;
    if (info.macSrcOffset >= 0) {
      const src = readMac(p.data, info.macSrcOffset);
      const fromA = this.table.lastOut;
      if (fromA) f.macA = src;
      else f.macB = src;
      if (info.macDstOffset >= 0) {
        const dst = readMac(p.data, info.macDstOffset);
        if (fromA) f.macB = dst;
        else f.macA = dst;
      }
    }
    if (this.hooks.createSession && (info.proto === IpProto.Tcp || info.proto === IpProto.Udp)) f.session = this.hooks.createSession(f, this);
  }

  private tcpState(f: Flow, out: boolean, flags: number, synOnly: boolean, synAck: boolean, p: PacketRef, info: PacketInfo): void {
    if (synOnly && out) {
      if (f.synOut === null) f.synOut = readSynSignature(p.data, info);
      f.tcpState |= TcpStateBit.SynOut;
    } else if (synAck && !out) {
      if (f.synAckIn === null) f.synAckIn = readSynSignature(p.data, info);
      f.tcpState |= TcpStateBit.SynAckIn;
    } else if (out && (flags & TcpFlag.Ack) !== 0 && (f.tcpState & (TcpStateBit.SynOut | TcpStateBit.SynAckIn)) === (TcpStateBit.SynOut | TcpStateBit.SynAckIn)) {
      f.tcpState |= TcpStateBit.Established;
    }
    if ((flags & TcpFlag.Fin) !== 0) f.tcpState |= out ? TcpStateBit.FinOut : TcpStateBit.FinIn;
    if ((flags & TcpFlag.Rst) !== 0) f.tcpState |= TcpStateBit.Rst;
  }

  private isClosed(f: Flow): boolean {
    const s = f.tcpState;
    return (s & TcpStateBit.Rst) !== 0 || (s & (TcpStateBit.FinOut | TcpStateBit.FinIn)) === (TcpStateBit.FinOut | TcpStateBit.FinIn);
  }

  private finishFlow(f: Flow): void {
    if (f.session !== null) f.session.close(f);
    this.hooks.flowEnded?.(f);
  }

  /** End of input: every remaining flow ends, oldest first. */
  finish(): void {
    this.current = null;
    this.table.drain();
    this.stats.evicted = this.table.evictions;
  }

  /** A decoder's record was emitted (sessions call this so stats stay in one place). */
  countRecord(): void {
    this.stats.records++;
  }

  countIssue(): void {
    this.stats.decodeIssues++;
  }
}

/** The state word as the flows contract names it. */
export function flowStateName(f: Flow): 'established' | 'closed' | 'reset' | 'partial' {
  const s = f.tcpState;
  if ((s & TcpStateBit.Rst) !== 0) return 'reset';
  if ((s & (TcpStateBit.FinOut | TcpStateBit.FinIn)) === (TcpStateBit.FinOut | TcpStateBit.FinIn)) return 'closed';
  if ((s & TcpStateBit.Established) !== 0) return 'established';
  return 'partial';
}
