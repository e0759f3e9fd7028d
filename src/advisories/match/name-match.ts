/**
 * Vendor and product name matching with reasons: vendor aliases ("GE", "GE Healthcare", "General
 * Electric (GE)", CPE "gehealthcare" are one vendor), product names compared as word sets after dropping both
 * vendors' own words and generic words, device-class words that a model number makes optional, abbreviations in
 * parentheses, and product aliases from data/advisory-aliases.json.
 */
import { fold, vendorKey, type AliasTables } from '../normalise/aliases.js';

/** Words that say what kind of thing it is, not which product: never enough alone to match. */
const GENERIC = new Set([
  'the', 'and', 'of', 'with', 'for', 'a', 'an', 'in', 'on', 'model', 'models', 'number', 'series', 'version', 'versions',
  'firmware', 'software', 'all', 'system', 'systems', 'device', 'devices', 'unit', 'units', 'monitor', 'monitors', 'patient',
  'medical', 'server', 'station', 'application', 'app', 'based', 'product', 'products', 'family', 'including', 'inc',
]);

/**
 * Words naming the class of device ("Resting Electrocardiograph", "Infusion Pump"): a model usually leaves them out,
 * so they are optional when the advisory name keeps a model number without them ("ELI 380"); they never match alone.
 */
const CLASS = new Set([
  'resting', 'electrocardiograph', 'electrocardiographs', 'cardiograph', 'cardiographs', 'ecg', 'ekg', 'infusion', 'pump', 'pumps',
  'scanner', 'scanners', 'workstation', 'workstations', 'ultrasound', 'analyzer', 'analyzers', 'analyser', 'analysers',
  'ventilator', 'ventilators', 'defibrillator', 'defibrillators',
]);

/** A model-number range in a product name: "MX400-MX850", "MX400-550" (same letters, numbers lo..hi). */
export interface ModelRange { prefix: string; lo: number; hi: number; ends: readonly string[] }

export interface NameVariant {
  tokens: ReadonlySet<string>;
  ranges: readonly ModelRange[];
  label: string;
  /** Set when the variant came from the alias table (its source, for the reason). */
  aliasSource: string | null;
  /** The advisory vendor's words (dropped from the name, so from the model too: "ELI" of "Hillrom and ELI"). */
  vendorWords: ReadonlySet<string>;
}

export function words(text: string): string[] {
  return fold(text).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter((w) => w !== '');
}

function significant(text: string, drop: ReadonlySet<string>): Set<string> {
  return new Set(words(text).filter((w) => !GENERIC.has(w) && !drop.has(w)));
}

/** The vendors an advisory vendor string names: whole, without "(GE)", the abbreviation, and each of a list. */
export function vendorCandidates(name: string, tables: AliasTables): Map<string, string> {
  const out = new Map<string, string>();
  const bare = name.replace(/\([^)]*\)/g, ' ').trim();
  const parts = [name, bare, ...[...name.matchAll(/\(([^)]*)\)/g)].map((m) => m[1] ?? ''), ...bare.split(/,|;|\/| and | & /)];
  for (const part of parts) {
    const key = vendorKey(part);
    if (key === '') continue;
    const canonical = tables.vendors.get(key);
    const canonicalKey = canonical === undefined ? key : vendorKey(canonical);
    if (!out.has(canonicalKey)) out.set(canonicalKey, canonical ?? part.trim());
  }
  return out;
}

export function canonicalVendor(name: string, tables: AliasTables): string {
  return tables.vendors.get(vendorKey(name)) ?? name.trim();
}

/** Why the device vendor is the advisory's vendor, or null. */
export function vendorReason(deviceVendor: string, advisoryVendor: string, advisoryVendorKeys: ReadonlySet<string>, advisoryProduct: string, tables: AliasTables): string | null {
  const canonical = canonicalVendor(deviceVendor, tables);
  if (advisoryVendorKeys.has(vendorKey(canonical))) {
    if (vendorKey(deviceVendor) === vendorKey(advisoryVendor)) return `vendor "${deviceVendor}" is the advisory's vendor "${advisoryVendor}"`;
    return `vendor "${deviceVendor}" and the advisory's vendor "${advisoryVendor}" are both ${canonical} (vendor aliases)`;
  }
  // A brand sold under its new owner's name: Hillrom's and Baxter's advisories list "Welch Allyn Connex …".
  const productWords = words(advisoryProduct).join(' ');
  for (const brand of new Set([deviceVendor, canonical])) {
    const b = words(brand).join(' ');
    if (b.length >= 3 && (productWords === b || productWords.startsWith(`${b} `))) {
      return `advisory product "${advisoryProduct}" (vendor "${advisoryVendor}") carries the device vendor's brand "${brand}"`;
    }
  }
  return null;
}

/** Name variants of an advisory product: as written, without parentheses, the abbreviation in them, and aliases. */
export function productVariants(product: string, vendorNames: readonly string[], vendorKeys: ReadonlySet<string>, tables: AliasTables): NameVariant[] {
  const drop = new Set(vendorNames.flatMap(words));
  const out: NameVariant[] = [];
  const add = (label: string, aliasSource: string | null): void => {
    const tokens = significant(label, drop);
    if (tokens.size > 0) out.push({ tokens, ranges: modelRanges(label), label, aliasSource, vendorWords: drop });
  };
  add(product, null);
  // "MX700/800" lists MX700 and MX800.
  const expanded = product.replace(/\b([A-Za-z]{1,4})(\d+)((?:\/\d+)+)\b/g, (_m, prefix: string, first: string, rest: string) => [first, ...rest.split('/').filter((x) => x !== '')].map((n) => `${prefix}${n}`).join('/'));
  if (expanded !== product) add(expanded, null);
  const bare = product.replace(/\([^)]*\)/g, ' ').trim();
  if (bare !== product) add(bare, null);
  for (const m of product.matchAll(/\(([A-Za-z][A-Za-z0-9]{1,9})\)/g)) add(m[1] ?? '', null);
  // "Xhibit Telemetry Receiver (XTR) Model number 96280": the catalogue number qualifies the product, it is not its name.
  const unqualified = bare.replace(/[-–,]?\s*\bmodel(?:\s+(?:number|no\.?))?\s*[:#]?\s*[A-Za-z0-9-]*\d[A-Za-z0-9-]*/gi, ' ').trim();
  if (unqualified !== bare && unqualified !== '') add(unqualified, null);
  const key = words(product).join(' ');
  for (const group of tables.products) {
    if (!vendorKeys.has(group.vendorKey)) continue;
    if (!group.names.some((n) => words(n).join(' ') === key)) continue;
    for (const n of group.names) add(n, group.source);
  }
  return out;
}

function modelRanges(label: string): ModelRange[] {
  const out: ModelRange[] = [];
  for (const m of fold(label).toLowerCase().matchAll(/\b([a-z]{1,4})(\d{1,5})\s*-\s*([a-z]{0,4})(\d{1,5})\b/g)) {
    const [, prefix = '', lo = '', prefix2 = '', hi = ''] = m;
    if (prefix2 !== '' && prefix2 !== prefix) continue;
    if (Number(lo) < Number(hi)) out.push({ prefix, lo: Number(lo), hi: Number(hi), ends: [`${prefix}${lo}`, `${prefix2}${hi}`] });
  }
  return out;
}

function inRange(token: string, r: ModelRange): boolean {
  const m = /^([a-z]+)(\d+)$/.exec(token);
  return m !== null && m[1] === r.prefix && Number(m[2]) >= r.lo && Number(m[2]) <= r.hi;
}

/** The advisory name has this device token, itself or inside one of its model ranges. */
function hasToken(v: NameVariant, tokens: ReadonlySet<string>, token: string): boolean {
  return tokens.has(token) || v.ranges.some((r) => inRange(token, r));
}

/** Every required advisory token is in the model; a range's end points count as present when a model token is in the range. */
function namedIn(v: NameVariant, required: ReadonlySet<string>, d: ReadonlySet<string>): boolean {
  for (const t of required) {
    if (d.has(t)) continue;
    const range = v.ranges.find((r) => r.ends.includes(t));
    if (range === undefined || ![...d].some((x) => inRange(x, range))) return false;
  }
  return true;
}

const hasDigit = (t: string): boolean => /\d/.test(t);

/** Some token other than a class word names a product: a model number or a word of four letters or more. */
function distinctive(tokens: ReadonlySet<string>): boolean {
  for (const t of tokens) if (!CLASS.has(t) && (hasDigit(t) || t.length >= 4)) return true;
  return false;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const t of a) if (!b.has(t)) return false;
  return true;
}

/**
 * An advisory name as compared with one device: `core` without the device vendor's words (its brand: "Welch Allyn
 * Connex …" for a Welch Allyn device), `required` also without class words when a model number remains to name the
 * product ("ELI 380 Resting Electrocardiograph" needs "380"; "Alaris Pump Module" keeps "pump", lest it be a syringe
 * module); null when nothing but class words would be left.
 */
function compared(v: NameVariant, deviceVendorWords: ReadonlySet<string>): { core: Set<string>; required: Set<string> } | null {
  const core = new Set([...v.tokens].filter((t) => !deviceVendorWords.has(t)));
  const product = new Set([...core].filter((t) => !CLASS.has(t)));
  if (product.size === 0) return null;
  return { core, required: [...product].some(hasDigit) ? product : core };
}

/** Why the device model is this advisory product, or null. Exact names first, then a name inside the other. */
export function productReason(model: string, advisoryProduct: string, variants: readonly NameVariant[], deviceVendorNames: readonly string[]): string | null {
  const deviceVendorWords = new Set(deviceVendorNames.flatMap(words));
  const via = (v: NameVariant): string => (v.aliasSource === null ? '' : ` (product alias "${v.label}": ${v.aliasSource})`);
  const forms = variants.flatMap((v) => {
    const c = compared(v, deviceVendorWords);
    // The model loses the words of either vendor's name, as the advisory name did.
    return c === null ? [] : [{ v, ...c, d: significant(model, new Set([...deviceVendorWords, ...v.vendorWords])) }];
  });
  for (const { v, required, d } of forms) {
    if (d.size === 0 || !sameSet(d, required)) continue;
    if (v.aliasSource === null) return `model "${model}" is the advisory product "${advisoryProduct}"${v.label === advisoryProduct ? '' : ` ("${v.label}")`}`;
    return `model "${model}" is another name of the advisory product "${advisoryProduct}"${via(v)}`;
  }
  for (const { v, required, d } of forms) {
    if (distinctive(required) && namedIn(v, required, d)) return `the advisory product "${advisoryProduct}" is named in model "${model}"${via(v)}`;
  }
  for (const { v, core, d } of forms) {
    const digits = [...d].some(hasDigit);
    const named = [...d].filter((t) => !CLASS.has(t));
    if (!distinctive(d) || (named.length < 2 && !digits)) continue;
    // "Alaris PC Unit" is not "Alaris 8000 PC unit": without a model number of its own the device may be another model.
    if (!digits && [...core].some(hasDigit)) continue;
    if ([...d].every((t) => hasToken(v, core, t))) return `model "${model}" is part of the advisory product name "${advisoryProduct}"${via(v)}`;
  }
  return null;
}
