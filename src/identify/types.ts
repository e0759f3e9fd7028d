/** Evidence about a device: one fact, where it came from, how sure it makes us (docs/architecture.md "devices[].evidence"). */

/** What a piece of evidence is about. Device fields of docs/architecture.md plus the identifiers that name a device. */
export type EvidenceAttribute =
  | 'vendor'
  | 'model'
  | 'type'
  | 'category'
  | 'osName'
  | 'osVersion'
  | 'osLabel'
  | 'firmware'
  | 'serial'
  | 'hostname'
  | 'aeTitle'
  | 'hl7Application'
  | 'hl7Facility'
  | 'dicomImplementationClassUid'
  | 'dicomImplementationVersionName'
  | 'location'
  | 'department'
  | 'switchPort'
  | 'switchName'
  | 'vlan'
  | 'udi'
  | 'eui64'
  /** TLS ClientHello fingerprint (JA4, else JA3 hash) of the client. */
  | 'tlsClientFingerprint'
  /** A server name the client asked for in TLS SNI (what it talks to, e.g. a vendor cloud). */
  | 'tlsServerName';

export interface Evidence {
  attribute: EvidenceAttribute;
  value: string;
  /** The record field or table that gave it: `dicom.implementationClassUid`, `mac.oui`, `dhcp.vendorClass` … */
  source: string;
  /** The raw observation behind the value (the UID, the banner, the OUI), for a person to check. */
  detail: string;
  /** 0..1: how strongly this one piece of evidence supports the value. */
  confidence: number;
  /** Capture time it was seen, ms since the epoch. */
  tsMs: number;
}

/** Which device an observation is about: its MAC when the link layer showed it, else its IP. */
export interface DeviceKey {
  mac: string | null;
  ip: string | null;
}

export interface Observation {
  key: DeviceKey;
  evidence: Evidence;
}

/** Operating system as docs/architecture.md reports it. */
export interface OsInfo {
  name: string | null;
  version: string | null;
  label: string | null;
  endOfLife: boolean | null;
}

/** The classified view of one device: each attribute with the evidence that won, and the rest kept for the record. */
export interface DeviceProfile {
  vendor: string | null;
  model: string | null;
  type: string | null;
  category: DeviceCategory;
  os: OsInfo;
  firmware: string | null;
  serial: string | null;
  hostnames: string[];
  confidence: number;
  evidence: Evidence[];
}

export const DEVICE_CATEGORIES = [
  'imaging',
  'imaging-infrastructure',
  'patient-monitoring',
  'infusion',
  'life-support',
  'laboratory',
  'clinical-system',
  'it',
  'network',
  'iot',
  'unknown',
] as const;
export type DeviceCategory = (typeof DEVICE_CATEGORIES)[number];
