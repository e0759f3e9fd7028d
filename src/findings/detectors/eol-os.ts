/**
 * End-of-life operating systems, from the device profile: identify judged `os.endOfLife` against the
 * lifecycle table (data/os-lifecycle.json) as of the capture's date; the evidence is what the OS was read from.
 */
import type { DeviceJson } from '../../inventory/types.js';
import type { FindingInput } from '../types.js';
import { isMedical } from './hit.js';

/** Most specific first: a version or label says more than a family name. */
const OS_ATTRIBUTES = ['osLabel', 'osVersion', 'osName'];
const MAX_DETAIL = 60;

export function eolOsFinding(d: DeviceJson): FindingInput | null {
  if (d.os.endOfLife !== true) return null;
  const label = d.os.label ?? [d.os.name, d.os.version].filter((x) => x !== null).join(' ');
  const medical = isMedical(d.category);
  const evidence = d.evidence
    .filter((e) => OS_ATTRIBUTES.includes(e.attribute))
    .sort((a, b) => OS_ATTRIBUTES.indexOf(a.attribute) - OS_ATTRIBUTES.indexOf(b.attribute) || b.confidence - a.confidence)
    .slice(0, 6)
    .map((e) => `${e.attribute} '${e.value}' from ${e.source}${e.detail !== '' ? ` (${e.detail.length > MAX_DETAIL ? `${e.detail.slice(0, MAX_DETAIL)}…` : e.detail})` : ''}`);
  return {
    deviceId: d.id, kind: 'eol-os', key: label, severity: medical ? 'high' : 'medium',
    title: `End-of-life operating system: ${label}`,
    detail: `${label} no longer receives security updates from its maker, so new vulnerabilities stay open.${medical ? ' On a medical device, ask the manufacturer for a supported platform or an upgrade path; meanwhile isolate it (allow only the flows it needs).' : ' Upgrade or isolate it.'}`,
    evidence: evidence.length > 0 ? evidence : [`operating system ${label}${d.os.version !== null ? ` (version ${d.os.version})` : ''}`],
    firstSeenMs: Date.parse(d.firstSeen), lastSeenMs: Date.parse(d.lastSeen), count: 1,
    facts: { technicalImpact: 'total' },
  };
}
