/** Plays a scenario — named hosts plus a timed list of conversations — into frames (the sample capture's engine). */

import { ip, mac } from './addr.js';
import { SynthClock } from './clock.js';
import { buildArpFrame, buildIcmpEchoFrame, buildUdpFrame, newIcmpEchoSpec, newUdpSpec } from './frame-builder.js';
import type { PacketSink } from './pcap-writer.js';
import { Prng } from './prng.js';
import { LINUX_TCP } from './tcp-profile.js';
import type { TcpStackProfile } from './tcp-profile.js';
import { TcpSession, writeTcpConversation } from './tcp-session.js';
import type { TcpEnding, TcpMessage } from './tcp-session.js';

export interface ScenarioHost {
  name: string;
  mac: string;
  /** IPv4 or IPv6 text. */
  ip: string;
  /** Initial TTL the host's stack uses (64 Linux/embedded, 128 Windows, 255 network gear). */
  ttl?: number;
  /** SYN window and options of its TCP stack (default LINUX_TCP); keep it consistent with `ttl`. */
  tcp?: TcpStackProfile;
}

interface Timed {
  /** Seconds after the scenario start; events play in this order and never overlap. */
  at: number;
}

export interface TcpEvent extends Timed {
  kind: 'tcp';
  client: string;
  server: string;
  serverPort: number;
  /** Default: an ephemeral port from the PRNG. */
  clientPort?: number;
  messages: readonly TcpMessage[];
  end?: TcpEnding;
  rttUs?: number;
}

export interface UdpEvent extends Timed {
  kind: 'udp';
  src: string;
  dst: string;
  sport: number;
  dport: number;
  payload: Uint8Array;
  /** Address overrides, e.g. 0.0.0.0 -> 255.255.255.255 and ff:ff:ff:ff:ff:ff for a DHCP DISCOVER. */
  srcIp?: string;
  dstIp?: string;
  dstMac?: string;
}

export interface PingEvent extends Timed {
  kind: 'ping';
  src: string;
  dst: string;
  count: number;
  payloadBytes?: number;
}

/** `src` asks who has `dst`'s address (broadcast); `dst` replies. */
export interface ArpEvent extends Timed {
  kind: 'arp';
  src: string;
  dst: string;
}

export type ScenarioEvent = TcpEvent | UdpEvent | PingEvent | ArpEvent;

export interface Scenario {
  hosts: readonly ScenarioHost[];
  events: readonly ScenarioEvent[];
  /** Unix seconds of the first event. */
  startSec: number;
  seed: number;
}

interface Host {
  mac: Uint8Array;
  ip: Uint8Array;
  ttl: number;
  tcp: TcpStackProfile;
}

const BROADCAST_MAC = mac('ff:ff:ff:ff:ff:ff');

/** What every event player needs: resolved hosts, the PRNG, the clock and one reusable frame buffer. */
interface Player {
  host(name: string): Host;
  prng: Prng;
  clock: SynthClock;
  buf: Uint8Array;
  session: TcpSession;
  sink: PacketSink;
  frames: number;
}

/** Writes every event to `sink` in time order; returns the frame count. Throws RangeError on an unknown host name. */
export function playScenario(scenario: Scenario, sink: PacketSink): number {
  const hosts = new Map<string, Host>(scenario.hosts.map((h) => [h.name, { mac: mac(h.mac), ip: ip(h.ip), ttl: h.ttl ?? 64, tcp: h.tcp ?? LINUX_TCP }]));
  const player: Player = {
    host(name) {
      const h = hosts.get(name);
      if (h === undefined) throw new RangeError(`scenario: unknown host ${name}`);
      return h;
    },
    prng: new Prng(scenario.seed),
    clock: new SynthClock(scenario.startSec),
    buf: new Uint8Array(65536),
    session: new TcpSession(),
    sink,
    frames: 0,
  };
  for (const e of [...scenario.events].sort((a, b) => a.at - b.at)) {
    const whole = Math.floor(e.at);
    player.clock.catchUp(new SynthClock(scenario.startSec + whole, Math.round((e.at - whole) * 1e9)));
    if (e.kind === 'tcp') playTcp(player, e);
    else if (e.kind === 'udp') playUdp(player, e);
    else if (e.kind === 'ping') playPing(player, e);
    else playArp(player, e);
  }
  return player.frames;
}

function put(p: Player, len: number): void {
  p.sink.writePacket(p.buf, 0, len, p.clock.sec, p.clock.nsec);
  p.frames++;
}

function playTcp(p: Player, e: TcpEvent): void {
  const c = p.host(e.client);
  const s = p.host(e.server);
  p.frames += writeTcpConversation({
    clientMac: c.mac, serverMac: s.mac, clientIp: c.ip, serverIp: s.ip, clientTtl: c.ttl, serverTtl: s.ttl, client: c.tcp, server: s.tcp,
    clientPort: e.clientPort ?? p.prng.int(49152, 65535), serverPort: e.serverPort, vlan: null, messages: e.messages,
    end: e.end ?? 'fin', clientIsn: p.prng.u32(), serverIsn: p.prng.u32(), rttUs: e.rttUs ?? 300,
  }, p.sink, p.clock, p.buf, p.session);
}

function playUdp(p: Player, e: UdpEvent): void {
  const s = p.host(e.src);
  const d = p.host(e.dst);
  const u = newUdpSpec();
  u.srcMac = s.mac;
  u.dstMac = e.dstMac === undefined ? d.mac : mac(e.dstMac);
  u.srcIp = e.srcIp === undefined ? s.ip : ip(e.srcIp);
  u.dstIp = e.dstIp === undefined ? d.ip : ip(e.dstIp);
  u.srcPort = e.sport;
  u.dstPort = e.dport;
  u.ttl = s.ttl;
  u.ipId = p.prng.int(0, 0xffff);
  u.dontFragment = false;
  put(p, buildUdpFrame(p.buf, u, e.payload));
}

function playPing(p: Player, e: PingEvent): void {
  const s = p.host(e.src);
  const d = p.host(e.dst);
  const spec = newIcmpEchoSpec();
  const payload = Uint8Array.from({ length: e.payloadBytes ?? 32 }, (_, i) => 0x61 + (i % 23)); // Windows-style a..w
  spec.identifier = p.prng.int(1, 0xffff);
  for (let i = 0; i < e.count; i++) {
    if (i > 0) p.clock.advanceUs(1_000_000);
    Object.assign(spec, { srcMac: s.mac, dstMac: d.mac, srcIp: s.ip, dstIp: d.ip, ttl: s.ttl, reply: false, sequence: i + 1, ipId: p.prng.int(0, 0xffff) });
    put(p, buildIcmpEchoFrame(p.buf, spec, payload));
    p.clock.advanceUs(400);
    Object.assign(spec, { srcMac: d.mac, dstMac: s.mac, srcIp: d.ip, dstIp: s.ip, ttl: d.ttl, reply: true, ipId: p.prng.int(0, 0xffff) });
    put(p, buildIcmpEchoFrame(p.buf, spec, payload));
  }
}

function playArp(p: Player, e: ArpEvent): void {
  const s = p.host(e.src);
  const d = p.host(e.dst);
  put(p, buildArpFrame(p.buf, { srcMac: s.mac, dstMac: BROADCAST_MAC, vlan: null, vlanPriority: 0, op: 1, senderMac: s.mac, senderIp: s.ip, targetMac: new Uint8Array(6), targetIp: d.ip }));
  p.clock.advanceUs(150);
  put(p, buildArpFrame(p.buf, { srcMac: d.mac, dstMac: s.mac, vlan: null, vlanPriority: 0, op: 2, senderMac: d.mac, senderIp: d.ip, targetMac: s.mac, targetIp: s.ip }));
}
