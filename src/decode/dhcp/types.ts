/** DHCPv4 / BOOTP record shape (RFC 2131 §2, RFC 2132) with the field names docs/architecture.md fixes. */
import type { RecordBody } from '../types.js';

export interface DhcpRecord extends RecordBody {
  /** Message type from option 53 (`discover` … `inform`), or `bootp-request` / `bootp-reply` without it. */
  kind: string;
  /** Transaction id, 8 hex digits. */
  xid: string;
  /** chaddr, when htype 1 (Ethernet) and hlen 6. */
  clientMac?: string;
  hostname?: string;
  vendorClass?: string;
  /** Option 55 as comma-joined decimal option numbers, in the client's order. */
  paramRequestList?: string;
  /** Option 61 as lower-case hex (type byte first). */
  clientId?: string;
  requestedIp?: string;
  /** yiaddr of an offer / ack (or a BOOTP reply). */
  assignedIp?: string;
  /** ciaddr when non-zero. */
  clientIp?: string;
  /** giaddr when non-zero (a relay forwarded this). */
  relayIp?: string;
  serverId?: string;
  leaseTimeSec?: number;
  fqdn?: string;
  maxMessageSize?: number;
  /** Option 82 sub-option 1: often names a switch and port. Text when printable, else hex. */
  relayCircuitId?: string;
  /** Option 82 sub-option 2. */
  relayRemoteId?: string;
  routers?: string[];
  dnsServers?: string[];
  domainName?: string;
  userClass?: string;
}
