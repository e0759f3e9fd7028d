/**
 * One bidirectional conversation, keyed by 5-tuple and by the VLAN each side's frames carry; the initiator ("a") is the
 * SYN's sender, else the first packet's. The two sides may carry different VLANs: a SPAN of a router's trunk sees a
 * routed conversation enter the router tagged with the client's VLAN one way and the server's the other way.
 */

/** The first SYN (or SYN/ACK) of a side, kept for passive OS fingerprinting (p0f-style). */
export interface SynSignature {
  ttl: number;
  window: number;
  mss: number | null;
  windowScale: number | null;
  /** Option kinds in order, as p0f writes them: mss,nop,ws,sok,ts,sack,eol */
  options: string;
  ipVersion: number;
  /** IPv4 total header+options length beyond 20 (p0f's "olen"), 0 for IPv6. */
  ipOptionsLength: number;
}

export const FlowListClass = { TcpOpen: 0, TcpClosed: 1, Udp: 2, Other: 3 } as const;
export type FlowListClass = (typeof FlowListClass)[keyof typeof FlowListClass];

export const TcpStateBit = {
  SynOut: 1,
  SynAckIn: 2,
  Established: 4,
  FinOut: 8,
  FinIn: 16,
  Rst: 32,
  /** The first packet seen was not a SYN: the start of the connection was missed. */
  Midstream: 64,
} as const;

/** Hooks a flow's decoding session answers; kept as an interface so capture does not depend on decode. */
export interface FlowSession {
  /** False once the session wants no more payload (claimed in probe mode, given up, done): the engine then skips it. */
  readonly active: boolean;
  /** TCP payload or UDP datagram for one direction. */
  payload(flow: Flow, out: boolean, seq: number, data: Uint8Array, flags: number): void;
  /** The flow ends (expired, evicted, capture over): flush and free. */
  close(flow: Flow): void;
}

/** A side's VLAN before that side has sent anything (-1 already means "untagged"). */
export const VLAN_UNBOUND = -2;

export class Flow {
  proto = 0;
  /** Outer and inner VLAN of the flow's first packet (-1 untagged), as reported in flow JSON. */
  vlan = -1;
  vlanInner = -1;
  /** Outer and inner VLAN each side's frames carry; VLAN_UNBOUND until that side has sent a packet. */
  vlanA = VLAN_UNBOUND;
  vlanAInner = VLAN_UNBOUND;
  vlanB = VLAN_UNBOUND;
  vlanBInner = VLAN_UNBOUND;
  ipVersion = 4;
  /** Initiator (a) and responder (b) addresses as four 32-bit words (IPv4 in word 0): plain fields, not typed
   *  arrays, because a typed array per flow costs a header and an off-heap store in a table of 100,000s. */
  a0 = 0;
  a1 = 0;
  a2 = 0;
  a3 = 0;
  b0 = 0;
  b1 = 0;
  b2 = 0;
  b3 = 0;
  aPort = 0;
  bPort = 0;
  hash = 0;
  /** MAC of each side as a 48-bit number, -1 when the link layer carried none. */
  macA = -1;
  macB = -1;

  firstSec = 0;
  firstNsec = 0;
  lastSec = 0;
  lastNsec = 0;
  /** Capture time of the last packet, in seconds (double), for timeouts. */
  lastTs = 0;
  packetsOut = 0;
  bytesOut = 0;
  packetsIn = 0;
  bytesIn = 0;
  payloadBytesOut = 0;
  payloadBytesIn = 0;
  tcpState = 0;
  /** ICMP type of the first packet (echo, unreachable ...); -1 otherwise. */
  icmpType = -1;
  synOut: SynSignature | null = null;
  synAckIn: SynSignature | null = null;
  /** Name of the decoder that claimed the flow. */
  app: string | null = null;
  session: FlowSession | null = null;
  /** Cached text addresses, made on first use (records, output), not per packet. */
  aText: string | null = null;
  bText: string | null = null;

  listClass: FlowListClass = FlowListClass.Other;
  prev: Flow | null = null;
  next: Flow | null = null;
  bucketNext: Flow | null = null;

  reset(): void {
    this.vlan = this.vlanInner = -1;
    this.vlanA = this.vlanAInner = this.vlanB = this.vlanBInner = VLAN_UNBOUND;
    this.a0 = this.a1 = this.a2 = this.a3 = 0;
    this.b0 = this.b1 = this.b2 = this.b3 = 0;
    this.macA = this.macB = -1;
    this.packetsOut = this.bytesOut = this.packetsIn = this.bytesIn = 0;
    this.payloadBytesOut = this.payloadBytesIn = 0;
    this.tcpState = 0;
    this.icmpType = -1;
    this.synOut = this.synAckIn = null;
    this.app = null;
    this.session = null;
    this.aText = this.bText = null;
    this.prev = this.next = this.bucketNext = null;
  }
}
