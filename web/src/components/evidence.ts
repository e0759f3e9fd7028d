/**
 * A device's attributes as its page lists them, each with the evidence behind it: the evidence attribute names the
 * identify stage writes (src/identify) grouped under the attribute a person reads.
 */
import type { DeviceJson, EvidenceJson } from '../api/types.js';
import { categoryLabel } from './labels.js';

export interface AttributeRow {
  label: string;
  value: string;
  evidence: EvidenceJson[];
}

interface AttributeSpec {
  label: string;
  value: (d: DeviceJson) => string | null;
  /** Evidence attributes that support it. */
  from: readonly string[];
}

const join = (xs: readonly string[]): string | null => (xs.length === 0 ? null : xs.join(', '));

const SPECS: readonly AttributeSpec[] = [
  { label: 'Vendor', value: (d) => d.vendor, from: ['vendor'] },
  { label: 'Model', value: (d) => d.model, from: ['model'] },
  { label: 'Type', value: (d) => d.type, from: ['type'] },
  { label: 'Category / zone', value: (d) => categoryLabel(d.category), from: ['category'] },
  { label: 'Operating system', value: (d) => d.os.label ?? d.os.name, from: ['osLabel', 'osName', 'osVersion'] },
  { label: 'OS end of life', value: (d) => (d.os.endOfLife === null ? null : d.os.endOfLife ? 'yes' : 'no'), from: ['osEndOfLife'] },
  { label: 'Firmware', value: (d) => d.firmware, from: ['firmware', 'softwareVersion'] },
  { label: 'Host names', value: (d) => join(d.hostnames), from: ['hostname'] },
  { label: 'IP addresses', value: (d) => join(d.ips), from: ['ip'] },
  { label: 'MAC', value: (d) => d.mac, from: ['mac'] },
  { label: 'Protocols', value: (d) => join(d.protocols), from: ['protocol'] },
  { label: 'DICOM AE titles', value: (d) => join(d.dicom.aeTitles), from: ['aeTitle'] },
  { label: 'DICOM implementation', value: (d) => d.dicom.implementationClassUid, from: ['dicomImplementationClassUid', 'dicomImplementationVersionName'] },
  { label: 'HL7 applications', value: (d) => join(d.hl7.applications), from: ['hl7Application', 'hl7Facility', 'hl7Version'] },
  { label: 'Serial', value: (d) => d.serial, from: ['serial'] },
  { label: 'Location', value: (d) => d.location, from: ['location'] },
  { label: 'Department', value: (d) => d.department, from: ['department'] },
  { label: 'Asset tag', value: (d) => d.assetTag, from: ['assetTag'] },
  { label: 'Owner', value: (d) => d.owner, from: ['owner'] },
  { label: 'Support', value: (d) => (d.supportStatus === null ? null : `${d.supportStatus}${d.supportEnd !== null ? ` until ${d.supportEnd}` : ''}`), from: ['supportStatus', 'supportEnd'] },
];

/** Every attribute with a value or evidence, then any evidence the list above does not name (nothing is hidden). */
export function attributeRows(d: DeviceJson): AttributeRow[] {
  const used = new Set<string>();
  const rows: AttributeRow[] = [];
  for (const spec of SPECS) {
    const evidence = d.evidence.filter((e) => spec.from.includes(e.attribute)).sort((a, b) => b.confidence - a.confidence);
    for (const a of spec.from) used.add(a);
    const value = spec.value(d);
    if (value !== null || evidence.length > 0) rows.push({ label: spec.label, value: value ?? '—', evidence });
  }
  const rest = new Map<string, EvidenceJson[]>();
  for (const e of d.evidence) if (!used.has(e.attribute)) rest.set(e.attribute, [...(rest.get(e.attribute) ?? []), e]);
  for (const [attribute, evidence] of rest) rows.push({ label: attribute, value: evidence[0]?.value ?? '—', evidence });
  return rows;
}
