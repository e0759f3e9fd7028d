/** VNC/RFB handshake records (RFC 6143 §7.1.1 ProtocolVersion, §7.1.2 Security) and per-direction framing state. */
import type { RecordBody } from '../types.js';

/** One per side: the server's record lists the offered types, the client's the one it chose. */
export interface VncHandshakeRecord extends RecordBody {
  kind: 'handshake';
  side: 'server' | 'client';
  /** `3.8` from `RFB 003.008\n`. */
  rfbVersion: string;
  /** Server: offered security types by name (RFC 6143 §8.1.2 registry), 3.3: the one the server imposed. */
  securityTypes?: string[];
  /** Client: the chosen type (3.7+), null for 3.3 where the server decides. */
  securityType?: string | null;
  /** Security type None (1) offered by the server or chosen by the client: no authentication at all. */
  noAuth: boolean;
  /** Server refused the connection (zero types), with its reason text. */
  failureReason?: string;
}

export type VncPhase = 'version' | 'security' | 'done';

export interface VncState {
  readonly tag: 'vnc';
  out: VncPhase;
  in: VncPhase;
  serverVersion: string | null;
  clientVersion: string | null;
  /** Minor version the session uses (the client's answer): 3 means the RFB 3.3 security message. */
  minor: number;
}

export function createVncState(): VncState {
  return { tag: 'vnc', out: 'version', in: 'version', serverVersion: null, clientVersion: null, minor: 8 };
}

export function isVncState(s: unknown): s is VncState {
  return typeof s === 'object' && s !== null && (s as { tag?: unknown }).tag === 'vnc';
}
