/**
 * Vendor remote-service hosts recognised by name (data/remote-service-endpoints.json, each entry sourced): a name
 * under a published remote-service domain, a name carrying a vendor's remote-service product label next to a label
 * naming that vendor, or a label naming a medical vendor next to a generic remote-service word (`remote`, `vpn` …).
 * Vendors are named through the knowledge base's aliases (vendor-aliases.json); makers of general-purpose
 * computers (Microsoft, Dell …) are left out, their remote words name IT services, not medical device service.
 */
import { readFileSync } from 'node:fs';
import type { KnowledgeBase } from '../../identify/knowledge/kb-types.js';
import { normaliseVendorKey } from '../../identify/knowledge/lookup.js';
import { shippedDataFile } from '../../util/shipped-data.js';

export const REMOTE_ENDPOINTS_FILE = shippedDataFile('remote-service-endpoints.json');

export interface EndpointMatch {
  /** `GE InSite`, or `Philips remote service` for a vendor and a generic word. */
  service: string;
  vendor: string | null;
  /** Why the name was recognised, for evidence. */
  why: string;
}

interface Entry {
  service: string;
  vendor: string;
  labels: string[];
  domains: string[];
  source: string;
}

/** The vendors the knowledge base knows: alias keys without spaces (a DNS label has none) to canonical names. */
export type VendorNames = Pick<KnowledgeBase, 'vendorAliases' | 'computerMakers'>;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase()) : [];
}

function load(file: string): { entries: Entry[]; words: Set<string> } {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { entries?: unknown; remoteWords?: { words?: unknown } };
  const entries = (Array.isArray(doc.entries) ? doc.entries : []).map((e: unknown, i): Entry => {
    const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
    if (typeof o.service !== 'string' || typeof o.vendor !== 'string' || typeof o.source !== 'string') throw new Error(`${file}: entry ${i} needs service, vendor and source`);
    return { service: o.service, vendor: o.vendor, labels: strings(o.labels), domains: strings(o.domains), source: o.source };
  });
  // A product's label is a remote-service word too: `insite` next to another medical vendor still names a service.
  return { entries, words: new Set([...strings(doc.remoteWords?.words), ...entries.flatMap((e) => e.labels)]) };
}

const DATA = load(REMOTE_ENDPOINTS_FILE);

/** A label that is a remote word, maybe numbered (`remote2`, `vpn01`). */
function isRemoteWord(label: string, words: ReadonlySet<string>): boolean {
  return words.has(label.replace(/\d+$/, ''));
}

/** Aliases this short ("ge", "bd") name a vendor only next to that vendor's own product label, never a generic word. */
const MIN_GENERIC_VENDOR_LABEL = 3;

/** Shortest alias that may start a compound DNS label. */
const MIN_COMPOUND_ALIAS = 5;
/** Second-level labels under which a country's registrable names sit (`vendor.co.uk`, `vendor.com.au`). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'go']);

/** The label a registrant chose: `gehealthcare` in `insite.gehealthcare.com`, `siemens` in `x.siemens.co.uk`. */
function registrableLabel(parts: readonly string[]): string | null {
  if (parts.length < 2) return null;
  const second = parts[parts.length - 2] ?? '';
  if (parts.length >= 3 && SECOND_LEVEL.has(second) && (parts[parts.length - 1]?.length ?? 0) === 2) return parts[parts.length - 3] ?? null;
  return second === '' ? null : second;
}

export class RemoteEndpoints {
  private readonly vendorByLabel = new Map<string, string>();

  constructor(kb: VendorNames | null) {
    if (kb === null) return;
    const computers = kb.computerMakers;
    for (const [key, canonical] of kb.vendorAliases) {
      if (!computers.has(normaliseVendorKey(canonical))) this.vendorByLabel.set(key.replace(/ /g, ''), canonical);
    }
  }

  /**
   * A vendor name that starts a compound label (`abbottlink`, `draegerservice`): the longest alias of at least
   * MIN_COMPOUND_ALIAS letters the label begins with, so a two-letter alias never names a vendor this way.
   */
  private compoundVendor(label: string): string | undefined {
    let best: string | undefined;
    for (let n = MIN_COMPOUND_ALIAS; n < label.length; n++) {
      const head = label.slice(0, n);
      if (this.vendorByLabel.has(head)) best = head;
    }
    return best;
  }

  /** The remote-service endpoint a host name names, or null. */
  match(name: string): EndpointMatch | null {
    const host = name.toLowerCase().replace(/\.$/, '');
    for (const e of DATA.entries) {
      const d = e.domains.find((x) => host === x || host.endsWith(`.${x}`));
      if (d !== undefined) return { service: e.service, vendor: e.vendor, why: `${host} is under ${d} (${e.service})` };
    }
    const parts = host.split('.');
    const labels = [...parts, ...parts.flatMap((p) => (p.includes('-') ? [p.replace(/-/g, ''), ...p.split('-')] : []))];
    // The vendor must own the name: only the registrable label (`insite.<vendor>.com`) may name it, never a label
    // someone else's domain put in front (`remote.<vendor>.com.evil.example`).
    const owner = registrableLabel(parts);
    const ownerLabels = owner === null ? [] : [owner, ...(owner.includes('-') ? [owner.replace(/-/g, ''), ...owner.split('-')] : [])];
    const named = ownerLabels.filter((l) => this.vendorByLabel.has(l));
    const compound = named.length > 0 || owner === null ? undefined : this.compoundVendor(owner.replace(/-/g, ''));
    if (compound !== undefined) named.push(compound);
    if (named.length === 0) return null;
    const vendors = named.map((l) => this.vendorByLabel.get(l));
    for (const e of DATA.entries) {
      const label = e.labels.find((l) => labels.includes(l));
      if (label !== undefined && vendors.includes(e.vendor)) return { service: e.service, vendor: e.vendor, why: `${host} names ${e.vendor} and its ${e.service} ('${label}')` };
    }
    const word = labels.find((l) => isRemoteWord(l, DATA.words));
    const vendor = named.filter((l) => l.length >= MIN_GENERIC_VENDOR_LABEL).map((l) => this.vendorByLabel.get(l))[0];
    if (word === undefined || vendor === undefined) return null;
    return { service: `${vendor} remote service`, vendor, why: `${host} names ${vendor} and '${word}'` };
  }
}
