/** NTP record shape (RFC 5905 §7.3; control messages RFC 9327; mode 7 from ntpd's ntp_request.h). */
import type { RecordBody } from '../types.js';

export interface NtpRecord extends RecordBody {
  /** From the mode: `symmetric-active`, `symmetric-passive`, `client`, `server`, `broadcast`, `control`, `private`. */
  kind: string;
  version: number;
  /** Leap indicator 0-3 (3 = clock unsynchronised). */
  leap?: number;
  stratum?: number;
  /** Stratum 0/1: the ASCII reference / kiss code (`GPS`, `RATE`); otherwise the reference's IPv4 (or IPv6 hash). */
  refId?: string;
  /** Mode 6: opcode (2 = read variables); mode 7: request code (42 = MON_GETLIST_1, "monlist"). */
  opcode?: number;
  requestCode?: number;
  response?: boolean;
}
