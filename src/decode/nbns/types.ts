/** NetBIOS name service (RFC 1002 §4.2) and datagram service browser (MS-BRWS) record shapes. */
import type { RecordBody } from '../types.js';

export interface NbnsNameEntry {
  [k: string]: string | boolean;
  name: string;
  group: boolean;
}

export interface NbnsRecord extends RecordBody {
  /** `query`, `registration`, `release`, `response`, `node-status` (a node status answer). */
  kind: string;
  id: number;
  /** `query`, `registration`, `release`, `wack`, `refresh`, `multi-homed-registration`. */
  opcode: string;
  /** The question's (or, without one, the first RR's) name, `NAME<xx>`. */
  name?: string;
  /** `NB` or `NBSTAT`. */
  qtype?: string;
  broadcast?: boolean;
  rcode?: number;
  /** IPv4 addresses from NB resource records (answers, registrations). */
  addresses?: string[];
  /** Node status: the remote name table. */
  names?: NbnsNameEntry[];
  /** Node status: the unit id (MAC) the responder reports. */
  mac?: string;
}

export interface NbdgmRecord extends RecordBody {
  /** `browser-announce` for host / domain / local master announcements, else `datagram`. */
  kind: string;
  /** `direct-unique`, `direct-group`, `broadcast`, `error`, `query-request` … */
  msgType: string;
  sourceName?: string;
  destinationName?: string;
  mailslot?: string;
  /** Browser opcode name (`host-announcement`, `election-request` …). */
  browserCommand?: string;
  /** Announcing host (for a domain announcement: the master browser's name). */
  hostname?: string;
  /** Domain announcements: the workgroup / domain announced. */
  domain?: string;
  /** Windows major.minor the host reports (`6.1` = Windows 7 / Server 2008 R2). */
  osVersion?: string;
  /** MS-BRWS §2.2.1.1 server type bits as 8 hex digits, and their names. */
  serverType?: string;
  serverRoles?: string[];
  browserVersion?: string;
  comment?: string;
}
