/**
 * Test helper: a compact structural check of FHIR R4 (4.0.1) Device resources and Bundles, written from the published
 * StructureDefinition facts: element names, types, cardinality and required bindings.
 * Sources: http://hl7.org/fhir/R4/device.html (StructureDefinition/Device|4.0.1), http://hl7.org/fhir/R4/datatypes.html,
 * http://hl7.org/fhir/R4/bundle.html, http://hl7.org/fhir/R4/json.html (arrays for 0..*, no nulls, no empty values).
 */

type Primitive = 'string' | 'code' | 'id' | 'uri' | 'markdown' | 'dateTime' | 'instant' | 'decimal' | 'boolean' | 'base64Binary';
type Complex = 'Identifier' | 'CodeableConcept' | 'Coding' | 'Reference' | 'Annotation' | 'Quantity' | 'Period' | 'Extension' | 'Opaque';
interface Element {
  type: Primitive | Complex | Structure;
  min: 0 | 1;
  many: boolean;
  /** A required binding: the only codes allowed. */
  codes?: readonly string[];
}
type Structure = Readonly<Record<string, Element>>;

const opt = (type: Element['type'], codes?: readonly string[]): Element => (codes === undefined ? { type, min: 0, many: false } : { type, min: 0, many: false, codes });
const req = (type: Element['type'], codes?: readonly string[]): Element => (codes === undefined ? { type, min: 1, many: false } : { type, min: 1, many: false, codes });
const list = (type: Element['type']): Element => ({ type, min: 0, many: true });

// datatypes.html: the regular expressions of the R4 primitive types.
const PRIMITIVE_RE: Record<Exclude<Primitive, 'decimal' | 'boolean'>, RegExp> = {
  string: /^[ \r\n\t\S]+$/u,
  code: /^[^\s]+( [^\s]+)*$/u,
  id: /^[A-Za-z0-9\-.]{1,64}$/,
  uri: /^\S*$/u,
  markdown: /^[\s\S]+$/u,
  dateTime: /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/,
  instant: /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/,
  base64Binary: /^(\s*([0-9a-zA-Z+=/]){4}\s*)+$/,
};
// datatypes.html#string: no characters below U+0020 other than tab, CR and LF.
// eslint-disable-next-line no-control-regex -- the check is exactly about control characters
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

const ELEMENT_BASE: Structure = { id: opt('string'), extension: list('Extension') };
const BACKBONE_BASE: Structure = { ...ELEMENT_BASE, modifierExtension: list('Extension') };
const COMPLEX: Record<Exclude<Complex, 'Opaque' | 'Extension'>, Structure> = {
  Identifier: {
    ...ELEMENT_BASE,
    use: opt('code', ['usual', 'official', 'temp', 'secondary', 'old']),
    type: opt('CodeableConcept'),
    system: opt('uri'),
    value: opt('string'),
    period: opt('Period'),
    assigner: opt('Reference'),
  },
  CodeableConcept: { ...ELEMENT_BASE, coding: list('Coding'), text: opt('string') },
  Coding: { ...ELEMENT_BASE, system: opt('uri'), version: opt('string'), code: opt('code'), display: opt('string'), userSelected: opt('boolean') },
  Reference: { ...ELEMENT_BASE, reference: opt('string'), type: opt('uri'), identifier: opt('Identifier'), display: opt('string') },
  Annotation: { ...ELEMENT_BASE, authorReference: opt('Reference'), authorString: opt('string'), time: opt('dateTime'), text: req('markdown') },
  Quantity: { ...ELEMENT_BASE, value: opt('decimal'), comparator: opt('code', ['<', '<=', '>=', '>']), unit: opt('string'), system: opt('uri'), code: opt('code') },
  Period: { ...ELEMENT_BASE, start: opt('dateTime'), end: opt('dateTime') },
};

/** StructureDefinition/Device|4.0.1: every element of the resource, with its type and cardinality. */
export const R4_DEVICE: Structure = {
  resourceType: req('code', ['Device']),
  id: opt('id'),
  meta: opt('Opaque'),
  implicitRules: opt('uri'),
  language: opt('code'),
  text: opt('Opaque'),
  contained: list('Opaque'),
  ...BACKBONE_BASE,
  identifier: list('Identifier'),
  definition: opt('Reference'),
  udiCarrier: list({
    ...BACKBONE_BASE,
    deviceIdentifier: opt('string'),
    issuer: opt('uri'),
    jurisdiction: opt('uri'),
    carrierAIDC: opt('base64Binary'),
    carrierHRF: opt('string'),
    entryType: opt('code'),
  }),
  status: opt('code', ['active', 'inactive', 'entered-in-error', 'unknown']),
  statusReason: list('CodeableConcept'),
  distinctIdentifier: opt('string'),
  manufacturer: opt('string'),
  manufactureDate: opt('dateTime'),
  expirationDate: opt('dateTime'),
  lotNumber: opt('string'),
  serialNumber: opt('string'),
  deviceName: list({
    ...BACKBONE_BASE,
    name: req('string'),
    type: req('code', ['udi-label-name', 'user-friendly-name', 'patient-reported-name', 'manufacturer-name', 'model-name', 'other']),
  }),
  modelNumber: opt('string'),
  partNumber: opt('string'),
  type: opt('CodeableConcept'),
  specialization: list({ ...BACKBONE_BASE, systemType: req('CodeableConcept'), version: opt('string') }),
  version: list({ ...BACKBONE_BASE, type: opt('CodeableConcept'), component: opt('Identifier'), value: req('string') }),
  property: list({ ...BACKBONE_BASE, type: req('CodeableConcept'), valueQuantity: list('Quantity'), valueCode: list('CodeableConcept') }),
  patient: opt('Reference'),
  owner: opt('Reference'),
  contact: list('Opaque'),
  location: opt('Reference'),
  url: opt('uri'),
  note: list('Annotation'),
  safety: list('CodeableConcept'),
  parent: opt('Reference'),
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkValue(v: unknown, el: Element, path: string, issues: string[]): void {
  const t = el.type;
  if (typeof t === 'object') {
    checkStructure(v, t, path, issues);
    return;
  }
  if (t === 'Opaque' || t === 'Extension') {
    if (!isRecord(v) || Object.keys(v).length === 0) issues.push(`${path}: expected a non-empty object`);
    else if (t === 'Extension' && typeof v.url !== 'string') issues.push(`${path}.url: required`);
    return;
  }
  if (t in COMPLEX) {
    checkStructure(v, COMPLEX[t as keyof typeof COMPLEX], path, issues);
    return;
  }
  if (t === 'boolean') {
    if (typeof v !== 'boolean') issues.push(`${path}: expected boolean`);
    return;
  }
  if (t === 'decimal') {
    if (typeof v !== 'number' || !Number.isFinite(v)) issues.push(`${path}: expected a finite number`);
    return;
  }
  if (typeof v !== 'string') issues.push(`${path}: expected ${t} (a JSON string)`);
  else if (!PRIMITIVE_RE[t as keyof typeof PRIMITIVE_RE].test(v)) issues.push(`${path}: not a valid ${t}: ${JSON.stringify(v)}`);
  else if (CONTROL_RE.test(v)) issues.push(`${path}: control character in ${t}`);
  else if (el.codes !== undefined && !el.codes.includes(v)) issues.push(`${path}: '${v}' is not in the required value set (${el.codes.join(' | ')})`);
}

function checkStructure(v: unknown, structure: Structure, path: string, issues: string[]): void {
  if (!isRecord(v)) {
    issues.push(`${path}: expected an object`);
    return;
  }
  for (const key of Object.keys(v)) if (!(key in structure)) issues.push(`${path}.${key}: not an element of this R4 type`);
  for (const [key, el] of Object.entries(structure)) {
    const value = v[key];
    const at = `${path}.${key}`;
    if (value === undefined) {
      if (el.min === 1) issues.push(`${at}: required (min 1)`);
      continue;
    }
    if (el.many) {
      if (!Array.isArray(value)) issues.push(`${at}: 0..* element must be a JSON array`);
      else if (value.length === 0) issues.push(`${at}: empty array (json.html: omit it instead)`);
      else value.forEach((item: unknown, i) => { checkValue(item, el, `${at}[${i}]`, issues); });
    } else if (Array.isArray(value)) issues.push(`${at}: 0..1 element must not be an array`);
    else checkValue(value, el, at, issues);
  }
}

/** Every structural problem of one Device resource, as `path: problem` lines (empty when valid). */
export function checkR4Device(resource: unknown): string[] {
  const issues: string[] = [];
  checkStructure(resource, R4_DEVICE, 'Device', issues);
  return issues;
}

// Typed on its own: inline, the literal is also checked against the string members of Element['type'] (String#link).
const BUNDLE_ENTRY: Structure = { ...BACKBONE_BASE, link: list('Opaque'), fullUrl: opt('uri'), resource: opt('Opaque'), search: opt('Opaque'), request: opt('Opaque'), response: opt('Opaque') };

const R4_BUNDLE_TYPES = ['document', 'message', 'transaction', 'transaction-response', 'batch', 'batch-response', 'history', 'searchset', 'collection'];

/** A Bundle of Devices: bundle type from the required set, instant timestamp, unique fullUrls (bdl-7), each resource a valid Device. */
export function checkR4DeviceBundle(bundle: unknown): string[] {
  if (!isRecord(bundle)) return ['Bundle: expected an object'];
  const issues: string[] = [];
  const shape: Structure = {
    resourceType: req('code', ['Bundle']),
    id: opt('id'),
    meta: opt('Opaque'),
    implicitRules: opt('uri'),
    language: opt('code'),
    identifier: opt('Identifier'),
    type: req('code', R4_BUNDLE_TYPES),
    timestamp: opt('instant'),
    // total (unsignedInt) is only for searchset/history (bdl-1); wardwatch writes collections, so it is not modelled.
    link: list('Opaque'),
    signature: opt('Opaque'),
    entry: list(BUNDLE_ENTRY),
  };
  checkStructure(bundle, shape, 'Bundle', issues);
  const entries = Array.isArray(bundle.entry) ? (bundle.entry as unknown[]) : [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (!isRecord(e)) return;
    if (typeof e.fullUrl === 'string') {
      if (seen.has(e.fullUrl)) issues.push(`Bundle.entry[${i}].fullUrl: duplicate (bdl-7)`);
      seen.add(e.fullUrl);
    }
    issues.push(...checkR4Device(e.resource).map((m) => `Bundle.entry[${i}].resource${m.slice('Device'.length)}`));
  });
  return issues;
}
