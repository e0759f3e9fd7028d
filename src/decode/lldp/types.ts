/** LLDP record shape (IEEE 802.1AB-2016 §8.5 TLVs; 802.1 Annex D org TLVs; ANSI/TIA-1057 LLDP-MED inventory). */
import type { RecordBody } from '../types.js';

export interface LldpRecord extends RecordBody {
  kind: 'announce';
  /** MAC (subtype 4) as aa:bb:…, network address (subtype 5) as text, else the printable string or hex. */
  chassisId: string | null;
  chassisIdSubtype: number | null;
  portId: string | null;
  portIdSubtype: number | null;
  ttl: number | null;
  portDescription: string | null;
  systemName: string | null;
  systemDescription: string | null;
  /** The first management address (IPv4/IPv6 as text, others hex). */
  managementAddress: string | null;
  managementAddresses: string[];
  /** System capabilities by name (§8.5.8.1): `bridge`, `router`, `telephone`, `station-only` … */
  capabilities: string[];
  enabledCapabilities: string[];
  /** 802.1 port VLAN id (org TLV 00-80-C2 subtype 1), and VLAN names (subtype 3). */
  portVlanId?: number;
  vlanNames?: string[];
  /** LLDP-MED inventory (org TLV 00-12-BB subtypes 5-11). */
  hardwareRevision?: string;
  firmwareRevision?: string;
  softwareRevision?: string;
  serialNumber?: string;
  manufacturer?: string;
  model?: string;
  assetId?: string;
}
