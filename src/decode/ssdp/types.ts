/** SSDP record shape (UPnP Device Architecture 2.0 §1.2-§1.3: M-SEARCH, NOTIFY, search responses). */
import type { RecordBody } from '../types.js';

export interface SsdpRecord extends RecordBody {
  kind: 'search' | 'notify' | 'response';
  /** Search target (M-SEARCH and responses). */
  st?: string;
  /** Notification type (NOTIFY). */
  nt?: string;
  /** `ssdp:alive`, `ssdp:byebye`, `ssdp:update`. */
  nts?: string;
  usn?: string;
  location?: string;
  /** `OS/version UPnP/2.0 product/version` of the device. */
  server?: string;
  /** Control points' USER-AGENT (UDA 2.0 §1.3.2). */
  userAgent?: string;
  /** Response status code. */
  status?: number;
}
