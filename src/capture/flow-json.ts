/** A Flow as the `wardwatch flows` contract prints it (docs/architecture.md "Flows"). */
import { ipText, isoTime, macText } from './addr.js';
import { flowStateName } from './engine.js';
import type { Flow, SynSignature } from './flow.js';
import { IpProto } from './link-types.js';

export interface FlowJson {
  proto: string;
  src: string;
  sport: number | null;
  dst: string;
  dport: number | null;
  vlan: number | null;
  vlanInner?: number;
  first: string;
  last: string;
  packetsOut: number;
  bytesOut: number;
  packetsIn: number;
  bytesIn: number;
  state: 'established' | 'closed' | 'reset' | 'partial' | null;
  app: string | null;
  srcMac: string | null;
  dstMac: string | null;
  syn?: SynSignature;
  synAck?: SynSignature;
}

export function protoName(proto: number): string {
  switch (proto) {
    case IpProto.Tcp:
      return 'tcp';
    case IpProto.Udp:
      return 'udp';
    case IpProto.Icmp:
      return 'icmp';
    case IpProto.Icmpv6:
      return 'icmp6';
    case IpProto.Igmp:
      return 'igmp';
    default:
      return `ip-${proto}`;
  }
}

export function flowSrcText(f: Flow): string {
  f.aText ??= ipText(f.ipVersion, [f.a0, f.a1, f.a2, f.a3]);
  return f.aText;
}

export function flowDstText(f: Flow): string {
  f.bText ??= ipText(f.ipVersion, [f.b0, f.b1, f.b2, f.b3]);
  return f.bText;
}

export function flowToJson(f: Flow): FlowJson {
  const hasPorts = f.proto === IpProto.Tcp || f.proto === IpProto.Udp;
  const json: FlowJson = {
    proto: protoName(f.proto),
    src: flowSrcText(f),
    sport: hasPorts ? f.aPort : null,
    dst: flowDstText(f),
    dport: hasPorts ? f.bPort : null,
    vlan: f.vlan >= 0 ? f.vlan : null,
    first: isoTime(f.firstSec, f.firstNsec),
    last: isoTime(f.lastSec, f.lastNsec),
    packetsOut: f.packetsOut,
    bytesOut: f.bytesOut,
    packetsIn: f.packetsIn,
    bytesIn: f.bytesIn,
    state: f.proto === IpProto.Tcp ? flowStateName(f) : null,
    app: f.app,
    srcMac: macText(f.macA),
    dstMac: macText(f.macB),
  };
  if (f.vlanInner >= 0) json.vlanInner = f.vlanInner;
  if (f.synOut !== null) json.syn = f.synOut;
  if (f.synAckIn !== null) json.synAck = f.synAckIn;
  return json;
}
