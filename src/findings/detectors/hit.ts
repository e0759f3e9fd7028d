/**
 * What a detector reports before devices are known: a fact about the host at an address, which the
 * findings collector aggregates per (host, kind, key) and later turns into a FindingInput for the resolved device.
 */
import type { RecordEnvelope } from '../../decode/records.js';
import type { FieldValue } from '../../decode/types.js';
import type { DeviceCategory } from '../../identify/types.js';
import type { FindingFacts, FindingKind, Severity } from '../types.js';

export interface Hit {
  /** The host the finding is about. */
  ip: string;
  mac: string | null;
  kind: FindingKind;
  /** No secrets, no PHI: a protocol and user name, a version, a service. */
  key: string;
  severity: Severity;
  title: string;
  detail: string;
  /** One sentence a person can check: who, to whom, which service, which fields (no values of PHI or passwords). */
  evidence: string;
  tsMs: number;
  /** The other end (kept up to a few per finding). */
  peer?: string;
  facts?: FindingFacts;
  /** Only a finding on a medical device (exposure, egress); others are dropped, or lowered to this severity. */
  medicalOnly?: boolean;
  nonMedicalSeverity?: Severity;
  /** Device categories on which this is no finding (judged at the end, from the inventory). */
  notOn?: readonly DeviceCategory[];
  /**
   * The site-side end of the session when this host may be outside the site (a login's client, a TLS server's
   * client): when the host is on the internet or a vendor network, the finding is this end's. Without it, a hit on a
   * host outside the site is dropped (no finding, so no device, for an internet host).
   */
  client?: { ip: string; mac: string | null };
  /** How the finding reads once it moved to `client` (key and title); absent: unchanged. */
  asClient?: { key: string; title: string };
  /** No management zone: the finding stands only if this client counts as a non-management host (client-judge.ts). */
  judgeClient?: { ip: string; mac: string | null };
}

/** docs/architecture.md categories that are not clinical equipment: the rest are "medical" for exposure and egress. */
const NON_MEDICAL: ReadonlySet<DeviceCategory> = new Set(['it', 'network', 'iot', 'unknown']);

export function isMedical(category: DeviceCategory): boolean {
  return !NON_MEDICAL.has(category);
}

export function str(v: FieldValue | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

export function strList(v: FieldValue | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function mac(v: string | null | undefined): string | null {
  return v ?? null;
}

/** `ip:port` or the ip alone. */
export function at(ip: string, port: number | null): string {
  return port === null ? ip : ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export function tsOf(rec: RecordEnvelope): number {
  return Date.parse(rec.ts);
}

/** The record's sender as the host of a hit. */
export function sender(rec: RecordEnvelope): { ip: string; mac: string | null } {
  return { ip: rec.src, mac: mac(rec.srcMac) };
}

export function receiver(rec: RecordEnvelope): { ip: string; mac: string | null } {
  return { ip: rec.dst, mac: mac(rec.dstMac) };
}
