/** CDP record shape (Cisco Discovery Protocol v1/v2 TLVs, as Wireshark's packet-cdp.c documents them). */
import type { RecordBody } from '../types.js';

export interface CdpRecord extends RecordBody {
  kind: 'announce';
  version: number;
  ttl: number;
  /** Device ID (TLV 1); also given as `systemName`, the LLDP-shaped field identify reads. */
  deviceId: string | null;
  systemName: string | null;
  portId: string | null;
  platform: string | null;
  softwareVersion: string | null;
  /** Same text as `softwareVersion` (LLDP's name for it). */
  systemDescription: string | null;
  /** First management address (TLV 0x16), else the first of the Addresses TLV (2). */
  managementAddress: string | null;
  addresses: string[];
  capabilities: string[];
  nativeVlan: number | null;
  vtpDomain: string | null;
}
