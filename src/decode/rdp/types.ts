/** RDP connection-sequence records (MS-RDPBCGR §2.2.1.1 X.224 Connection Request, §2.2.1.2 Connection Confirm). */
import type { RecordBody } from '../types.js';

export interface RdpConnectRequestRecord extends RecordBody {
  kind: 'connect-request';
  /** The user name of `Cookie: mstshash=USER` (§2.2.1.1 cookie), or null. */
  cookie: string | null;
  /** A load-balancer routing token (`Cookie: msts=…`) was sent instead of a user cookie. */
  routingToken: boolean;
  /** RDP_NEG_REQ requestedProtocols by name (§2.2.1.1.1): `rdp` (0), `ssl`, `hybrid`, `rdstls`, `hybrid_ex`. */
  requestedProtocols: string[] | null;
  requestedProtocolsMask: number | null;
}

export interface RdpConnectConfirmRecord extends RecordBody {
  kind: 'connect-confirm';
  /** RDP_NEG_RSP selectedProtocol by name (§2.2.1.2.1); null without a negotiation response (old servers). */
  selectedProtocol: string | null;
  /** RDP_NEG_FAILURE failureCode (§2.2.1.2.2), e.g. 1 = SSL_REQUIRED_BY_SERVER. */
  failureCode: number | null;
}

export type RdpRecord = RdpConnectRequestRecord | RdpConnectConfirmRecord;

/** Only the first TPKT of each direction is read; the rest (TLS, MCS) is skipped. */
export interface RdpState {
  readonly tag: 'rdp';
  outDone: boolean;
  inDone: boolean;
}

export function createRdpState(): RdpState {
  return { tag: 'rdp', outDone: false, inDone: false };
}

export function isRdpState(s: unknown): s is RdpState {
  return typeof s === 'object' && s !== null && (s as { tag?: unknown }).tag === 'rdp';
}
