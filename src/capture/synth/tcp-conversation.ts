/** Description of one synthetic TCP conversation (endpoints, messages, ending), as played by `TcpSession`. */

import type { TcpStackProfile } from './tcp-profile.js';

/** One application message; consecutive chunks are sent as one byte stream (a header plus a shared body buffer). */
export interface TcpMessage {
  fromClient: boolean;
  data: Uint8Array | readonly Uint8Array[];
  /** Pause before its first segment (think time), µs. Default: half the RTT. */
  delayUs?: number;
}

/** How the conversation ends: FIN both ways, an abortive RST from the client, a RST answering the SYN, or not at all. */
export type TcpEnding = 'fin' | 'rst' | 'refused' | 'open';

export interface TcpSessionSpec {
  clientMac: Uint8Array;
  /** MAC the server's frames come from (a router's when the capture point is across a routed hop). */
  serverMac: Uint8Array;
  clientIp: Uint8Array;
  serverIp: Uint8Array;
  clientPort: number;
  serverPort: number;
  vlan: number | null;
  messages: readonly TcpMessage[];
  end: TcpEnding;
  /** Initial sequence numbers (take them from a seeded PRNG for realism). */
  clientIsn: number;
  serverIsn: number;
  /** Stack behaviour of each side (default LINUX_TCP); options are used only when both sides offer them. */
  client?: TcpStackProfile;
  server?: TcpStackProfile;
  rttUs?: number;
  clientTtl?: number;
  serverTtl?: number;
}
