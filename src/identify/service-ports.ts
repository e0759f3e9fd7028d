/**
 * The SERVER of a completed exchange on a port that one class of device serves (data/device-types.json `servicePort`
 * rules, each citing its IANA registration and protocol spec): JetDirect/IPP/LPD printers, RTSP cameras, RMCP BMCs.
 * TCP needs the handshake seen from both ends and payload from the server (RFC 9293 §3.5: a SYN+ACK alone, as a
 * firewall's SYN proxy or a half-open scan gives, says nothing of what listens); UDP needs an answer from the port.
 */
import type { FlowJson } from '../capture/flow-json.js';
import type { SynSignature } from '../capture/flow.js';
import { Emitter } from './evidence/common.js';
import type { KnowledgeBase } from './knowledge/kb-types.js';
import type { DeviceKey, Observation } from './types.js';

/** Source of server-side service-port evidence: it never outvotes a device's own statement (host-rules.ts). */
export const SERVICE_PORT_SOURCE = 'flow.servicePort';

/** Largest TCP header a SYN+ACK can carry (RFC 9293 §3.1: data offset ≤ 15 words). */
const MAX_TCP_HEADER = 60;
/** Smallest Ethernet frame without FCS (IEEE 802.3 §3.2.8): shorter frames are padded. */
const MIN_FRAME = 60;

/** Bytes of one header-only server segment, from what its SYN+ACK shows (IP version and options, TCP timestamps). */
function headerFrame(flow: FlowJson, synAck: SynSignature): { ack: number; synAck: number } {
  const link = 14 + (flow.vlan === null ? 0 : 4) + (flow.vlanInner === undefined ? 0 : 4);
  const ip = (synAck.ipVersion === 6 ? 40 : 20) + synAck.ipOptionsLength;
  const tcp = 20 + (synAck.options.split(',').includes('ts') ? 12 : 0);
  return { ack: Math.max(MIN_FRAME, link + ip + tcp), synAck: Math.max(MIN_FRAME, link + ip + MAX_TCP_HEADER) };
}

/**
 * The server sent payload: its bytes exceed a SYN+ACK of the largest size plus header-only segments for the rest.
 * Conservative: one-octet answers (LPD's acknowledgements, RFC 1179 §6) can hide in that allowance.
 */
export function serverSentData(flow: FlowJson): boolean {
  if (flow.proto !== 'tcp' || flow.synAck === undefined || flow.syn === undefined) return false;
  if (flow.state !== 'established' && flow.state !== 'closed') return false;
  if (flow.packetsOut < 2 || flow.packetsIn < 2) return false;
  const f = headerFrame(flow, flow.synAck);
  return flow.bytesIn > f.synAck + (flow.packetsIn - 1) * f.ack;
}

/** A UDP exchange the server answered: a request out and at least one datagram back from the port. */
function udpAnswered(flow: FlowJson): boolean {
  return flow.proto === 'udp' && flow.packetsOut >= 1 && flow.packetsIn >= 1 && flow.sport !== flow.dport;
}

/**
 * Type/category evidence about the server of `flow` from `servicePort` rules. The value is `tcp/9100`, or
 * `tcp/631:http` when a decoder recognised the application: a rule for raw print data on 9100 must not match the
 * HTTP of a metrics exporter that chose the same port.
 */
export function servicePortObservations(out: Observation[], kb: KnowledgeBase, server: DeviceKey, tsMs: number, flow: FlowJson): void {
  if (flow.dport === null || flow.sport === null) return;
  if (!(flow.proto === 'tcp' ? serverSentData(flow) : udpAnswered(flow))) return;
  const e = new Emitter(out, server, tsMs);
  if (!e.empty) e.rules(kb, 'device-types', 'servicePort', `${flow.proto}/${String(flow.dport)}${flow.app === null ? '' : `:${flow.app}`}`, SERVICE_PORT_SOURCE);
}
