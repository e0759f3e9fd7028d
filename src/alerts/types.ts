/**
 * The alert event model: what wardwatch tells a SIEM or a webhook receiver. Every field is one that is safe to send
 * outside the sensor (identifiers, addresses, vocabulary words, numbers); build-event.ts is the only producer.
 */
import type { DeviceCategory } from '../identify/types.js';
import type { FindingKind, FindingStatus, Severity } from '../findings/types.js';
import type { ZoneName } from '../segmentation/types.js';

/** Event kinds a rule can name; `test` is sent only by the test-message function, never routed by rules. */
export const ALERT_KINDS = [
  'device-new',
  'device-changed',
  'finding-new',
  'finding-reopened',
  'segmentation-violation',
  'ingest-status',
  'test',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The project's risk levels (docs/architecture.md `risk.level`, finding `severity`), highest first. */
export type RiskLevel = Severity;

/** A device as an alert shows it: identity and place, never evidence. */
export interface AlertDevice {
  id: string;
  mac: string | null;
  /** The most recent address. */
  ip: string | null;
  hostname: string | null;
  vendor: string | null;
  model: string | null;
  type: string | null;
  category: DeviceCategory;
  /** The segmentation zone; today the device's category (src/segmentation/types.ts). */
  zone: ZoneName;
  riskScore: number | null;
}

/** The attributes a device-changed event reports; other history (serial, owner …) is not alert-worthy. */
export const CHANGE_ATTRIBUTES = ['firmware', 'os', 'address', 'zone'] as const;
export type ChangeAttribute = (typeof CHANGE_ATTRIBUTES)[number];

export interface AlertChange {
  attribute: ChangeAttribute;
  /** The history row's own name (`osVersion`, `ip`, `mac`, `category` …). */
  field: string;
  from: string | null;
  to: string | null;
}

/** A finding reduced to its vocabulary and numbers: no title, detail, evidence or key (they may name a user). */
export interface AlertFinding {
  id: string;
  kind: FindingKind;
  severity: Severity;
  status: FindingStatus;
  riskScore: number | null;
  cves: string[];
  kev: boolean;
  /** `telnet/23`, `dicom/104`: protocol and port, checked against that shape. */
  service: string | null;
  firstSeen: string;
  lastSeen: string;
  count: number;
}

export interface AlertConduit {
  fromZone: ZoneName;
  toZone: ZoneName;
  proto: string;
  port: number | null;
  app: string | null;
  flows: number;
  bytes: number;
}

export interface IngestStatus {
  state: 'running' | 'stopped' | 'error';
  packetsPerSec: number | null;
  /** Packets the capture tool reported dropped (tcpdump's "dropped by kernel"). */
  drops: number | null;
  /** The last capture file read, as a base name only. */
  lastFile: string | null;
}

interface EventBase {
  /** Unique per event (a UUID): receivers de-duplicate retries on it. */
  id: string;
  tsMs: number;
  level: RiskLevel;
  /** One sentence made from the fields below, never from free text a device sent. */
  summary: string;
}

export type AlertEvent =
  | (EventBase & { kind: 'device-new'; device: AlertDevice })
  | (EventBase & { kind: 'device-changed'; device: AlertDevice; changes: AlertChange[] })
  | (EventBase & { kind: 'finding-new' | 'finding-reopened'; device: AlertDevice | null; finding: AlertFinding })
  | (EventBase & { kind: 'segmentation-violation'; client: AlertDevice | null; server: AlertDevice | null; conduit: AlertConduit })
  | (EventBase & { kind: 'ingest-status'; ingest: IngestStatus })
  | (EventBase & { kind: 'test' });
