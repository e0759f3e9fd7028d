/**
 * The JSON the console reads: the server's own types (the firm contract of docs/architecture.md), imported as types
 * only so the console cannot drift from what the API sends. Shapes the server builds inline are spelled out here.
 */
import type { FindingJson } from '../../../src/findings/types.js';
import type { ConduitJson, DeviceJson, EvidenceJson, ExternalPeerJson, HistoryEntry, RiskJson } from '../../../src/inventory/types.js';

export type { DeviceJson, EvidenceJson, FindingJson, HistoryEntry, RiskJson };

export type RiskLevel = RiskJson['level'];
export const RISK_LEVELS: readonly RiskLevel[] = ['critical', 'high', 'medium', 'low', 'info'];

export type Role = 'viewer' | 'analyst' | 'admin';
const ROLE_ORDER: readonly Role[] = ['viewer', 'analyst', 'admin'];

/** Whether `role` may do what needs `needed` (viewer < analyst < admin, as src/server/route-table.ts). */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(needed);
}

/** GET /api/me and POST /api/login (the console's login contract). */
export interface SessionInfo {
  user: string;
  role: Role;
  csrfToken: string | null;
  /** When the session ends if left idle (each request moves it on); null for an API token. */
  expiresAt: string | null;
}

export interface DevicePage {
  devices: DeviceJson[];
  nextCursor: string | null;
}

export type ConduitWithZones = ConduitJson & { clientZone: string; serverZone: string };
export type PeerWithZone = ExternalPeerJson & { deviceZone?: string };

export interface ZoneConduit {
  fromZone: string;
  toZone: string;
  proto: string;
  port: number | null;
  app: string | null;
  flows: number;
  bytes: number;
  clients: number;
  servers: number;
  firstSeen: string;
  lastSeen: string;
}

export interface PolicyRule {
  clientIps: string[];
  serverIps: string[];
  proto: string;
  port: number | null;
  app: string | null;
  fromZone: string;
  toZone: string;
  flows: number;
  lastSeen: string;
  comment: string;
}

export interface ChangesReport {
  since: string;
  newDevices: { id: string; ip: string | null; vendor: string | null; type: string | null; firstSeen: string }[];
  changedAttributes: { deviceId: string; attribute: string; oldValue: string | null; newValue: string | null; changedAt: string }[];
  newFindings: { id: string; kind: string; deviceId: string; severity: string; risk: string; title: string }[];
  closedFindings: { id: string; kind: string; deviceId: string; title: string }[];
}

/** Statuses a person sets (src/server/routes/findings.ts); `not-affected` comes only from a vendor's VEX. */
export type PersonStatus = 'open' | 'acknowledged' | 'mitigated' | 'risk-accepted';
