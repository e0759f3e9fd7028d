/** Syslog record shape (RFC 5424 §6, RFC 3164 §4.1). The message text is never kept (it can carry PHI). */
import type { RecordBody } from '../types.js';

export interface SyslogRecord extends RecordBody {
  kind: 'message';
  /** `rfc5424` or `rfc3164` (BSD, including the many loose variants). */
  format: string;
  /** 0-23 (RFC 5424 §6.2.1 table 1). */
  facility: number;
  /** 0 emergency … 7 debug. */
  severity: number;
  hostname?: string;
  /** RFC 5424 APP-NAME, or the RFC 3164 TAG. */
  appName?: string;
  procId?: string;
  msgId?: string;
  /** RFC 5424 structured-data element ids only (their values are not kept). */
  sdIds?: string[];
  /** RFC 5424 §7.2 `origin` software / swVersion: identify the sender's product. */
  originSoftware?: string;
  originSwVersion?: string;
  /** Bytes of MSG (the free text), which is dropped. */
  messageLength: number;
}
