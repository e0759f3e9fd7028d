/** Inventory devices as FHIR R4 Device resources in a collection Bundle (hl7.org/fhir/R4/device.html, bundle.html). */
import { createHash } from 'node:crypto';
import type { DeviceJson } from '../types.js';
import type { FhirBundle, FhirCodeableConcept, FhirDevice, FhirDeviceNameType, FhirIdentifier } from './fhir-types.js';

/**
 * Identifier systems for values only wardwatch (or the hospital) assigns. No registered namespace exists for them, so
 * the default sits under the reserved `.invalid` TLD (RFC 2606 §2): valid URIs that can never collide with a real
 * one. A site that publishes its own NamingSystem passes its base as `systemBase`.
 */
export const DEFAULT_SYSTEM_BASE = 'https://wardwatch.invalid/fhir/sid';

/** Ethernet MAC type code, HL7 Terminology CodeSystem ContinuaDeviceIdentifiers (Personal Health Device IG 2.0.0). */
const ETHMAC: FhirCodeableConcept = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/ContinuaDeviceIdentifiers', code: 'ETHMAC', display: 'Ethernet MAC address' }],
  text: 'MAC address',
};
/** Serial number type code, HL7 v2 table 0203 as FHIR uses it (R4 AuditEvent example: v2-0203 SNO). */
const SNO: FhirCodeableConcept = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'SNO' }], text: 'Serial number' };
/** UCUM's unity `1` for a dimensionless ratio (confidence 0..1). */
const UCUM = 'http://unitsofmeasure.org';

export interface FhirExportOptions {
  /** Bundle.timestamp (an R4 `instant`): when the export was made. */
  generatedAt: Date;
  systemBase?: string;
}

/** FHIR `string` forbids control characters other than tab, CR and LF, and empty values (ele-1); R4 datatypes.html#string. */
function str(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  // eslint-disable-next-line no-control-regex -- stripping exactly the control characters FHIR forbids
  const clean = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  return clean === '' ? undefined : clean;
}

/** Annotation.text is markdown: escape what a renderer would take as markup in free text from the wire. */
function markdownText(value: string): string {
  return value.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/^[-+#]/, (c) => `\\${c}`);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Store ids are UUIDs already; anything else gets a stable name-based one so `urn:uuid:` stays well-formed. */
function uuidOf(id: string): string {
  const lower = id.toLowerCase();
  if (UUID_RE.test(lower)) return lower;
  const h = createHash('sha1').update(`wardwatch:device:${id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

function identifiers(d: DeviceJson, base: string, id: string): FhirIdentifier[] {
  const out: FhirIdentifier[] = [{ use: 'usual', system: `${base}/device-id`, value: id }];
  const tag = str(d.assetTag);
  if (tag !== undefined) out.push({ use: 'official', type: { text: 'Asset tag' }, system: `${base}/asset-tag`, value: tag });
  const serial = str(d.serial);
  if (serial !== undefined) out.push({ type: SNO, system: `${base}/serial`, value: serial });
  const mac = str(d.mac);
  if (mac !== undefined) out.push({ type: ETHMAC, system: `${base}/mac`, value: mac.toLowerCase() });
  // Addresses move with DHCP, so they are `temp` identifiers, as FHIR R4 Identifier.use defines for identifiers that may change (https://hl7.org/fhir/R4/valueset-identifier-use.html).
  for (const ip of d.ips) {
    const v = str(ip);
    if (v === undefined) continue;
    const six = v.includes(':');
    out.push({ use: 'temp', type: { text: six ? 'IPv6 address' : 'IPv4 address' }, system: `${base}/${six ? 'ipv6' : 'ipv4'}`, value: v });
  }
  return out;
}

function deviceNames(d: DeviceJson): { name: string; type: FhirDeviceNameType }[] {
  const out: { name: string; type: FhirDeviceNameType }[] = [];
  const seen = new Set<string>();
  const add = (raw: string | null, type: FhirDeviceNameType): void => {
    const name = str(raw);
    if (name === undefined || seen.has(`${type}\u0000${name}`)) return;
    seen.add(`${type}\u0000${name}`);
    out.push({ name, type });
  };
  // A hostname is the name a device announces on the network for discovery: R4's user-friendly-name.
  for (const h of d.hostnames) add(h, 'user-friendly-name');
  add(d.model, 'model-name');
  for (const ae of d.dicom.aeTitles) add(ae, 'other');
  return out;
}

function versions(d: DeviceJson): { type: FhirCodeableConcept; value: string }[] {
  const out: { type: FhirCodeableConcept; value: string }[] = [];
  const osName = str(d.os.label) ?? str(d.os.name);
  const osVersion = str(d.os.version);
  const os = osName !== undefined && osVersion !== undefined && !osName.includes(osVersion) ? `${osName} (${osVersion})` : (osName ?? osVersion);
  if (os !== undefined) out.push({ type: { text: 'os' }, value: os });
  const fw = str(d.firmware);
  if (fw !== undefined) out.push({ type: { text: 'firmware' }, value: fw });
  const dicom = str(d.dicom.implementationVersionName);
  if (dicom !== undefined) out.push({ type: { text: 'dicom-implementation-version' }, value: dicom });
  return out;
}

function notes(d: DeviceJson): { text: string }[] {
  const lines: string[] = [];
  const dept = str(d.department);
  if (dept !== undefined) lines.push(`Department: ${dept}`);
  if (d.os.endOfLife === true) lines.push('Operating system is past end of life');
  const support = str(d.supportStatus);
  if (support !== undefined) lines.push(`Support status: ${support}`);
  const supportEnd = str(d.supportEnd);
  if (supportEnd !== undefined) lines.push(`Support ends: ${supportEnd}`);
  if (d.retiredAt !== null) lines.push(`Retired (unseen) since: ${d.retiredAt}`);
  lines.push(`Seen on the network from ${d.firstSeen} to ${d.lastSeen}`);
  return lines.map((l) => ({ text: markdownText(l) }));
}

/** One inventory device as an R4 Device. Codes appear only where a published code system defines them. */
export function toFhirDevice(d: DeviceJson, systemBase: string = DEFAULT_SYSTEM_BASE): FhirDevice {
  const id = uuidOf(d.id);
  const device: FhirDevice = {
    resourceType: 'Device',
    id,
    identifier: identifiers(d, systemBase, id),
    status: d.retiredAt === null ? 'active' : 'inactive',
  };
  const manufacturer = str(d.vendor);
  if (manufacturer !== undefined) device.manufacturer = manufacturer;
  const serial = str(d.serial);
  if (serial !== undefined) device.serialNumber = serial;
  const names = deviceNames(d);
  if (names.length > 0) device.deviceName = names;
  const model = str(d.model);
  if (model !== undefined) device.modelNumber = model;
  const type = str(d.type);
  if (type !== undefined) device.type = { text: type };
  const vs = versions(d);
  if (vs.length > 0) device.version = vs;
  device.property = [
    { type: { text: 'wardwatch category' }, valueCode: [{ text: d.category }] },
    { type: { text: 'wardwatch identification confidence' }, valueQuantity: [{ value: d.confidence, unit: 'ratio', system: UCUM, code: '1' }] },
  ];
  const protocols = d.protocols.map(str).filter((p): p is string => p !== undefined);
  if (protocols.length > 0) device.property.push({ type: { text: 'network protocols seen' }, valueCode: protocols.map((p) => ({ text: p })) });
  const owner = str(d.owner);
  if (owner !== undefined) device.owner = { type: 'Organization', display: owner };
  const location = str(d.location);
  if (location !== undefined) device.location = { type: 'Location', display: location };
  device.note = notes(d);
  return device;
}

/** The whole inventory as one R4 `collection` Bundle; each entry's fullUrl is `urn:uuid:<device id>`. */
export function toFhirBundle(devices: readonly DeviceJson[], options: FhirExportOptions): FhirBundle {
  const base = options.systemBase ?? DEFAULT_SYSTEM_BASE;
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: options.generatedAt.toISOString(),
    entry: devices.map((d) => {
      const resource = toFhirDevice(d, base);
      return { fullUrl: `urn:uuid:${resource.id}`, resource };
    }),
  };
}
