/**
 * The bounded flow table: a chained hash table over pooled Flow objects, with one LRU list per timeout class
 * (open TCP, closed TCP, UDP, other). Lookups compute a symmetric hash of the 5-tuple so both directions meet the
 * same flow; nothing is allocated per packet once the pool is warm.
 *
 * VLANs are matched per side, not hashed: a routed conversation captured on a router's trunk (SPAN) carries the
 * client's VLAN one way and the server's VLAN the other way, and must still be one flow, as Wireshark's tcp.stream and
 * Zeek's connection make it (Suricata documents the split this causes under `vlan.use-for-tracking`,
 * https://docs.suricata.io/en/latest/configuration/suricata-yaml.html#vlan). A packet first joins a flow whose side
 * already carries its VLAN (so a frame seen twice, once per VLAN, still makes two flows as before), and only then a
 * flow whose other side has not sent yet and so has no VLAN bound.
 */
import { Flow, FlowListClass, VLAN_UNBOUND } from './flow.js';
import type { PacketInfo } from './packet-info.js';

export interface FlowTimeouts {
  tcpOpenSec: number;
  tcpClosedSec: number;
  udpSec: number;
  otherSec: number;
}

export const defaultFlowTimeouts: FlowTimeouts = { tcpOpenSec: 300, tcpClosedSec: 5, udpSec: 60, otherSec: 60 };

interface FlowList {
  head: Flow | null;
  tail: Flow | null;
}

function mixEndpoint(w: Uint32Array, port: number): number {
  let h = Math.imul(w[0] ?? 0, 0x9e3779b1) ^ Math.imul(w[1] ?? 0, 0x85ebca77);
  h ^= Math.imul(w[2] ?? 0, 0xc2b2ae3d) ^ Math.imul(w[3] ?? 0, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ Math.imul(port, 0x297a2d39);
  return h ^ (h >>> 13);
}

function isA(f: Flow, w: Uint32Array): boolean {
  return f.a0 === w[0] && f.a1 === w[1] && f.a2 === w[2] && f.a3 === w[3];
}

function isB(f: Flow, w: Uint32Array): boolean {
  return f.b0 === w[0] && f.b1 === w[1] && f.b2 === w[2] && f.b3 === w[3];
}

function setA(f: Flow, w: Uint32Array): void {
  f.a0 = w[0] ?? 0;
  f.a1 = w[1] ?? 0;
  f.a2 = w[2] ?? 0;
  f.a3 = w[3] ?? 0;
}

function setB(f: Flow, w: Uint32Array): void {
  f.b0 = w[0] ?? 0;
  f.b1 = w[1] ?? 0;
  f.b2 = w[2] ?? 0;
  f.b3 = w[3] ?? 0;
}

export class FlowTable {
  private readonly buckets: (Flow | null)[];
  private readonly mask: number;
  private readonly lists: FlowList[] = [0, 1, 2, 3].map(() => ({ head: null, tail: null }));
  private readonly pool: Flow[] = [];
  size = 0;
  /** Flows pushed out because the table was full. */
  evictions = 0;
  /** Direction of the packet last looked up: true when sent by the flow's initiator. */
  lastOut = true;
  /** Whether the last lookup created the flow. */
  lastCreated = false;
  /** Whether the last lookup joined a flow whose other side carries another VLAN (a routed conversation on a trunk). */
  lastJoinedAcrossVlans = false;

  constructor(
    readonly maxFlows: number,
    readonly timeouts: FlowTimeouts,
    private readonly onExpire: (flow: Flow) => void,
  ) {
    let n = 1024;
    while (n < maxFlows * 2) n *= 2;
    this.buckets = new Array<Flow | null>(n).fill(null);
    this.mask = n - 1;
  }

  private static hashOf(info: PacketInfo): number {
    // Commutative combine: (src, dst) and (dst, src) give the same hash.
    const h = (mixEndpoint(info.srcAddr, info.srcPort) + mixEndpoint(info.dstAddr, info.dstPort)) | 0;
    // No VLAN in the hash: the two sides of one flow may carry different VLANs (see the file comment).
    return (Math.imul(h ^ (h >>> 16), 0x7feb352d) ^ Math.imul(info.proto + 1, 0x846ca68b)) >>> 0;
  }

  /** Whether the packet comes from side a (`fromA`) of `f` with the VLAN that side carries, or that side is unbound
   *  and the packet carries the other side's VLAN (the usual case: one VLAN both ways). */
  private static sameVlan(f: Flow, info: PacketInfo, fromA: boolean): boolean {
    // Plain branches, no tuple: this runs per packet and the table allocates nothing per packet.
    const own = fromA ? f.vlanA : f.vlanB;
    if (own !== VLAN_UNBOUND) return own === info.vlan && (fromA ? f.vlanAInner : f.vlanBInner) === info.vlanInner;
    return fromA ? f.vlanB === info.vlan && f.vlanBInner === info.vlanInner : f.vlanA === info.vlan && f.vlanAInner === info.vlanInner;
  }

  /** Whether the packet's side of `f` has not sent yet, so it may carry a VLAN of its own. */
  private static unboundSide(f: Flow, fromA: boolean): boolean {
    return (fromA ? f.vlanA : f.vlanB) === VLAN_UNBOUND;
  }

  private static bindSide(f: Flow, info: PacketInfo, fromA: boolean): void {
    if (fromA) {
      if (f.vlanA !== VLAN_UNBOUND) return;
      f.vlanA = info.vlan;
      f.vlanAInner = info.vlanInner;
    } else {
      if (f.vlanB !== VLAN_UNBOUND) return;
      f.vlanB = info.vlan;
      f.vlanBInner = info.vlanInner;
    }
  }

  private found(f: Flow, info: PacketInfo, fromA: boolean, acrossVlans: boolean): Flow {
    FlowTable.bindSide(f, info, fromA);
    this.lastJoinedAcrossVlans = acrossVlans;
    this.lastOut = fromA;
    this.lastCreated = false;
    return f;
  }

  /** Find the packet's flow, or create one with the packet's sender as initiator (unless `senderIsResponder`). */
  lookup(info: PacketInfo, senderIsResponder: boolean, nowTs: number): Flow {
    const hash = FlowTable.hashOf(info);
    const bucket = hash & this.mask;
    // A flow whose unbound side this packet would bind to another VLAN than the other side's: taken only when no
    // flow matches the packet's VLAN outright.
    let crossVlan: Flow | null = null;
    let crossFromA = false;
    for (let f = this.buckets[bucket] ?? null; f !== null; f = f.bucketNext) {
      if (f.hash !== hash || f.proto !== info.proto) continue;
      let fromA: boolean;
      if (f.aPort === info.srcPort && f.bPort === info.dstPort && isA(f, info.srcAddr) && isB(f, info.dstAddr)) fromA = true;
      else if (f.aPort === info.dstPort && f.bPort === info.srcPort && isA(f, info.dstAddr) && isB(f, info.srcAddr)) fromA = false;
      else continue;
      if (FlowTable.sameVlan(f, info, fromA)) return this.found(f, info, fromA, false);
      if (crossVlan === null && FlowTable.unboundSide(f, fromA)) {
        crossVlan = f;
        crossFromA = fromA;
      }
    }
    if (crossVlan !== null) return this.found(crossVlan, info, crossFromA, true);
    if (this.size >= this.maxFlows) this.evictOldest();
    const f = this.pool.pop() ?? new Flow();
    f.proto = info.proto;
    f.vlan = info.vlan;
    f.vlanInner = info.vlanInner;
    FlowTable.bindSide(f, info, !senderIsResponder);
    f.ipVersion = info.ipVersion;
    f.hash = hash;
    if (senderIsResponder) {
      setA(f, info.dstAddr);
      setB(f, info.srcAddr);
      f.aPort = info.dstPort;
      f.bPort = info.srcPort;
    } else {
      setA(f, info.srcAddr);
      setB(f, info.dstAddr);
      f.aPort = info.srcPort;
      f.bPort = info.dstPort;
    }
    f.lastTs = nowTs;
    f.bucketNext = this.buckets[bucket] ?? null;
    this.buckets[bucket] = f;
    this.size++;
    this.lastOut = !senderIsResponder;
    this.lastCreated = true;
    this.lastJoinedAcrossVlans = false;
    f.listClass = FlowListClass.Other;
    this.append(f);
    return f;
  }

  /** Mark the flow as just seen, moving it to the tail of the list for its (maybe new) class. */
  touch(f: Flow, cls: FlowListClass): void {
    const list = this.lists[f.listClass];
    if (list === undefined) return;
    if (f.listClass === cls && list.tail === f) return;
    this.unlink(f);
    f.listClass = cls;
    this.append(f);
  }

  /** Expire every flow idle longer than its class's timeout at capture time `nowTs` (seconds). */
  expireIdle(nowTs: number): void {
    const t = this.timeouts;
    this.expireList(FlowListClass.TcpClosed, nowTs - t.tcpClosedSec);
    this.expireList(FlowListClass.TcpOpen, nowTs - t.tcpOpenSec);
    this.expireList(FlowListClass.Udp, nowTs - t.udpSec);
    this.expireList(FlowListClass.Other, nowTs - t.otherSec);
  }

  /** Remove one flow now (a new connection reuses its 5-tuple), handing it to onExpire. */
  end(f: Flow): void {
    this.remove(f);
    this.onExpire(f);
    this.release(f);
  }

  /** Expire everything (end of capture), oldest first. */
  drain(): void {
    for (;;) {
      const f = this.oldest();
      if (f === null) return;
      this.end(f);
    }
  }

  private expireList(cls: FlowListClass, cutoff: number): void {
    const list = this.lists[cls];
    if (list === undefined) return;
    while (list.head !== null && list.head.lastTs < cutoff) this.end(list.head);
  }

  private oldest(): Flow | null {
    let best: Flow | null = null;
    for (const l of this.lists) if (l.head !== null && (best === null || l.head.lastTs < best.lastTs)) best = l.head;
    return best;
  }

  /** The table is full: closed TCP flows go first, then the least recently seen of any kind. */
  private evictOldest(): void {
    const closed = this.lists[FlowListClass.TcpClosed]?.head ?? null;
    const victim = closed ?? this.oldest();
    if (victim === null) return;
    this.evictions++;
    this.end(victim);
  }

  private remove(f: Flow): void {
    this.unlink(f);
    const bucket = f.hash & this.mask;
    let p = this.buckets[bucket] ?? null;
    if (p === f) this.buckets[bucket] = f.bucketNext;
    else {
      while (p !== null && p.bucketNext !== f) p = p.bucketNext;
      if (p !== null) p.bucketNext = f.bucketNext;
    }
    this.size--;
  }

  private release(f: Flow): void {
    f.reset();
    if (this.pool.length < 4096) this.pool.push(f);
  }

  private append(f: Flow): void {
    const list = this.lists[f.listClass];
    if (list === undefined) return;
    f.prev = list.tail;
    f.next = null;
    if (list.tail !== null) list.tail.next = f;
    else list.head = f;
    list.tail = f;
  }

  private unlink(f: Flow): void {
    const list = this.lists[f.listClass];
    if (list === undefined) return;
    if (f.prev !== null) f.prev.next = f.next;
    else if (list.head === f) list.head = f.next;
    if (f.next !== null) f.next.prev = f.prev;
    else if (list.tail === f) list.tail = f.prev;
    f.prev = f.next = null;
  }
}
