/** Inventory input and output shapes: the ingest batch and docs/architecture.md's `devices[]` JSON (camelCase, firm contract). */
import type { DeviceCategory, DeviceKey, Observation } from '../identify/types.js';

/** What the capture saw of one device apart from evidence: protocols it spoke and when. */
export interface DeviceSighting {
  key: DeviceKey;
  /** Decoder names (`dicom`, `hl7`, `dhcp` …). */
  protocols: readonly string[];
  /** Versions spoken, e.g. `{ protocol: 'hl7', version: '2.5' }`; they fill `hl7.versions`. */
  protocolVersions?: readonly { protocol: string; version: string }[];
  firstSeenMs: number;
  lastSeenMs: number;
}

/**
 * A conduit: traffic seen from a client device to a server device's port, summed over every flow of that kind. The
 * unit of an allow-list rule. Endpoints are device ids (the inventory's); their last addresses ride along for rules.
 */
export interface ConduitJson {
  clientId: string;
  serverId: string;
  /** The addresses the conduit was last seen between (a rule names addresses; devices move). */
  clientIp: string | null;
  serverIp: string | null;
  /** 'tcp', 'udp', 'icmp', … as `wardwatch flows` names it. */
  proto: string;
  /** The server's port; null for protocols without ports. */
  port: number | null;
  /** The application the decoders recognised (`dicom`, `hl7`, `http` …), or null. */
  app: string | null;
  flows: number;
  bytes: number;
  firstSeen: string;
  lastSeen: string;
}

/**
 * Flows of one kind between two device keys, summed (mission §5: conduits). The client opened the flows; `port` is
 * the server's (null for protocols without ports). Both keys are also in the batch's sightings.
 */
export interface ConduitSighting {
  client: DeviceKey;
  server: DeviceKey;
  proto: string;
  port: number | null;
  app: string | null;
  flows: number;
  bytes: number;
  firstSeenMs: number;
  lastSeenMs: number;
}

/**
 * Flows of one kind between a site device and an address outside the site's networks, summed. The peer is no device:
 * it is kept as a peer of the device. `port` is the server's (the peer's when the device opened the flows).
 */
export interface ExternalPeerSighting {
  /** The site's device; it is also in the batch's sightings. */
  device: DeviceKey;
  peerIp: string;
  /** 'out': the device opened the flows; 'in': the peer did. */
  direction: 'out' | 'in';
  proto: string;
  port: number | null;
  app: string | null;
  /** The name the device asked for (TLS SNI, HTTP Host) or that DNS resolved to the peer; null when unknown. */
  serverName: string | null;
  flows: number;
  bytes: number;
  firstSeenMs: number;
  lastSeenMs: number;
}

/** An external peer of a device as `conduits --format json` and the device's `externalPeers` show it. */
export interface ExternalPeerJson {
  deviceId: string;
  /** The device's address the peer was last seen with. */
  deviceIp: string | null;
  peerIp: string;
  serverName: string | null;
  direction: 'out' | 'in';
  proto: string;
  port: number | null;
  app: string | null;
  flows: number;
  bytes: number;
  firstSeen: string;
  lastSeen: string;
}

export interface IngestBatch {
  observations: readonly Observation[];
  sightings: readonly DeviceSighting[];
  /** Traffic between the batch's devices; written once both ends are resolved to devices. */
  conduits?: readonly ConduitSighting[];
  /** Traffic between the batch's devices and addresses outside the site; written once the device is resolved. */
  externalPeers?: readonly ExternalPeerSighting[];
  /** Capture file names (or `-`), kept in ingest_runs. */
  sources?: readonly string[];
  /** The site every device of the batch belongs to (site-id.ts); DEFAULT_SITE_ID when absent. */
  siteId?: string;
}

export interface IngestResult {
  runId: number;
  devicesCreated: number;
  devicesMerged: number;
  ipMoves: number;
  evidenceRows: number;
  /** The device each key of the batch resolved to, keyed by `deviceKeyString(key)`. */
  deviceIds: ReadonlyMap<string, string>;
}

export interface EvidenceJson {
  attribute: string;
  value: string;
  source: string;
  detail: string;
  confidence: number;
}

export interface RiskJson {
  score: number;
  level: 'critical' | 'high' | 'medium' | 'low' | 'info';
  reasons: string[];
}

/** docs/architecture.md `devices[]`; owner, supportEnd, retiredAt and externalPeers extend it. */
export interface DeviceJson {
  id: string;
  mac: string | null;
  ips: string[];
  hostnames: string[];
  vendor: string | null;
  model: string | null;
  type: string | null;
  category: DeviceCategory;
  os: { name: string | null; version: string | null; label: string | null; endOfLife: boolean | null };
  firmware: string | null;
  protocols: string[];
  dicom: { aeTitles: string[]; implementationClassUid: string | null; implementationVersionName: string | null };
  hl7: { applications: string[]; facilities: string[]; versions: string[] };
  location: string | null;
  department: string | null;
  assetTag: string | null;
  owner: string | null;
  serial: string | null;
  supportEnd: string | null;
  supportStatus: string | null;
  confidence: number;
  firstSeen: string;
  lastSeen: string;
  retiredAt: string | null;
  /**
   * The busiest addresses outside the site's networks this device exchanged traffic with (at most
   * EXTERNAL_PEERS_IN_DEVICE); always present in what the store returns, optional for devices built elsewhere.
   */
  externalPeers?: Omit<ExternalPeerJson, 'deviceId'>[];
  evidence: EvidenceJson[];
  risk: RiskJson | null;
}

/** How many external peers a device's JSON lists, busiest first; `conduits --device` lists them all. */
export const EXTERNAL_PEERS_IN_DEVICE = 50;

/** A live device in brief, for views over many devices that need no evidence (segmentation). */
export interface DeviceBrief {
  id: string;
  category: DeviceCategory;
  vendor: string | null;
  model: string | null;
  /** Current addresses, most recently seen first. */
  ips: string[];
  hostnames: string[];
}

/**
 * What risk reads of a device: its identity, role, OS and support. A listing can score devices from these columns
 * alone and take the rest of each device's JSON from its cache (sqlite/device-lines.ts).
 */
export type RiskDevice = Pick<DeviceJson, 'id' | 'vendor' | 'model' | 'type' | 'category' | 'os' | 'supportEnd' | 'supportStatus'>;

export interface HistoryEntry {
  attribute: string;
  oldValue: string | null;
  newValue: string | null;
  changedAt: string;
  origin: 'inferred' | 'user' | 'import';
}

export interface DeviceQuery {
  mac?: string;
  ip?: string;
  hostname?: string;
  serial?: string;
  assetTag?: string;
}

export type DeviceQueryField = keyof DeviceQuery;

/** A device found by findDevices and which of the asked identifiers it matched. */
export interface DeviceMatch {
  device: DeviceJson;
  matchedOn: DeviceQueryField[];
}

export interface ListOptions {
  includeRetired?: boolean;
}

/** Stable text form of a key, for maps: `mac|ip` with empty parts. */
export function deviceKeyString(key: DeviceKey): string {
  return `${key.mac ?? ''}|${key.ip ?? ''}`;
}
