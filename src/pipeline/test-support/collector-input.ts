/** Test helpers: flows and records as the engine hands them to the collectors, with only what a test changes. */
import type { FlowJson } from '../../capture/flow-json.js';
import type { SynSignature } from '../../capture/flow.js';
import type { ProtocolRecord, RecordBody } from '../../decode/types.js';

export const T0 = Date.parse('2025-03-01T08:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

/** A SYN as a stack sends it, `ttl` as it arrived (initial minus hops). */
export function syn(ttl: number): SynSignature {
  return { ttl, window: 64240, mss: 1460, windowScale: 8, options: 'mss,nop,ws,nop,nop,sok', ipVersion: 4, ipOptionsLength: 0 };
}

export function flowOf(over: Partial<FlowJson> & Pick<FlowJson, 'src' | 'dst'>, atMs = T0): FlowJson {
  return {
    proto: 'tcp', sport: 40000, dport: 443, vlan: null, first: iso(atMs), last: iso(atMs + 2000), packetsOut: 6, bytesOut: 900, packetsIn: 5,
    bytesIn: 1400, state: 'closed', app: null, srcMac: null, dstMac: null, ...over,
  };
}

export function recordOf(body: RecordBody & Pick<ProtocolRecord, 'proto' | 'src' | 'dst'> & Partial<ProtocolRecord>, atMs = T0): ProtocolRecord {
  return { ts: iso(atMs), sport: 40000, dport: 443, srcMac: null, dstMac: null, ...body };
}
