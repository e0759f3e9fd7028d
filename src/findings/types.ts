/** Findings (docs/architecture.md "findings[]"): what is wrong with a device, with evidence, deduplicated, tracked. */
import type { RiskJson } from '../inventory/types.js';

/** docs/architecture.md's finding kinds; extend only by appending. */
export const FINDING_KINDS = [
  'default-credentials',
  'cleartext-credentials',
  'cleartext-phi',
  'eol-os',
  'smbv1',
  'weak-tls',
  'snmp-default-community',
  'exposed-management',
  'internet-egress',
  'remote-access',
  'outdated-dicom',
  'outdated-hl7',
  'known-vulnerability',
  'segmentation-violation',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * The workflow a person drives: open -> acknowledged -> mitigated, or risk-accepted (reason, owner and expiry all
 * required; an expired acceptance reads as open again). `not-affected` is set only by a vendor VEX statement.
 */
export const FINDING_STATUSES = ['open', 'acknowledged', 'mitigated', 'risk-accepted', 'not-affected'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Facts the risk stage reads (it never sees bytes). All optional: a detector fills what it knows. */
export interface FindingFacts {
  cves?: string[];
  /** Highest CVSS base score among the CVEs (v4 if given, else v3.x), and its vector. */
  cvssBase?: number;
  cvssVector?: string;
  /** A CVE of this finding is in CISA's Known Exploited Vulnerabilities catalog. */
  kev?: boolean;
  advisoryIds?: string[];
  /** SSVC "automatable": an attacker can repeat the exploit without a person (e.g. a network service, a default login). */
  automatable?: boolean;
  /** SSVC technical impact: total control of the device, or partial. */
  technicalImpact?: 'partial' | 'total';
  /** The service and peers involved (for exposure reasons): `telnet/23`, peer IPs (never more than a few). */
  service?: string;
  peers?: string[];
  /** The peer is outside the hospital's networks (internet). */
  external?: boolean;
}

/** Why a finding is suppressed: a vendor's VEX says the product is not affected. */
export interface Suppression {
  source: string;
  justification: string;
  statement: string | null;
}

/** What a detector emits. (deviceId, kind, key) is the identity: the same fact seen again updates, never duplicates. */
export interface FindingInput {
  deviceId: string;
  kind: FindingKind;
  /** Distinguishes two findings of one kind on one device: `telnet:admin`, `CVE-2021-27410`, `tls1.0`. No secrets, no PHI. */
  key: string;
  severity: Severity;
  title: string;
  detail: string;
  /** Facts a person can check, as short sentences: where, when, which fields (never values of PHI or passwords). */
  evidence: string[];
  firstSeenMs: number;
  lastSeenMs: number;
  /** How many times it was observed in this batch (sessions, messages). */
  count?: number;
  facts?: FindingFacts;
  suppression?: Suppression | null;
}

export interface StatusChange {
  status: FindingStatus;
  /** Required for risk-accepted. */
  reason?: string;
  /** Required for risk-accepted. */
  owner?: string;
  /** ISO date (YYYY-MM-DD); required for risk-accepted. */
  expires?: string;
  by: string;
}

/** docs/architecture.md `findings[]`, extended with count, status, facts and risk. */
export interface FindingJson {
  id: string;
  deviceId: string;
  kind: FindingKind;
  key: string;
  severity: Severity;
  title: string;
  detail: string;
  evidence: string[];
  firstSeen: string;
  lastSeen: string;
  count: number;
  status: FindingStatus;
  statusReason: string | null;
  statusOwner: string | null;
  statusExpires: string | null;
  statusChangedAt: string | null;
  statusBy: string | null;
  facts: FindingFacts;
  suppression: Suppression | null;
  risk: RiskJson | null;
}

export interface FindingQuery {
  deviceId?: string;
  kinds?: readonly FindingKind[];
  statuses?: readonly FindingStatus[];
}

/** One vendor remote-access session (a flow): TeamViewer, AnyDesk, VNC/RDP from outside, a VPN tunnel. */
export interface RemoteSession {
  deviceId: string;
  /** The far end (IP, and host name when TLS named it). */
  peer: string;
  /** `teamviewer/5938`, `anydesk/7070`, `rdp/3389`, `ipsec/4500` … */
  service: string;
  startMs: number;
  endMs: number;
  bytes: number;
  /** Part of a chain of sessions lasting 8 h or more, or present in most of a long capture. */
  alwaysOn: boolean;
}

export interface RemoteSessionJson {
  deviceId: string;
  peer: string;
  service: string;
  start: string;
  end: string;
  durationSeconds: number;
  bytes: number;
  alwaysOn: boolean;
}
