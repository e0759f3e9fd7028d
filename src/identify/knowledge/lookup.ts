/** Lookups over the knowledge base: OUI, DICOM UID roots, regex rules, vendor aliases, SYN signatures. */
import type { EvidenceAttribute } from '../types.js';
import type { DicomRoot, KnowledgeBase, PatternRule, RuleSetName, TcpSignature } from './kb-types.js';
import { soleMaker, vendorMentions, type VendorKind } from '../vendor-mentions.js';
import { foldAccents } from '../vendor-tokens.js';

const LEGAL_SUFFIX = /\b(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|gmbh|ag|sa|bv|ab|oy|plc|kg|pty|spa)\b/g;

/** Accents folded, lower-case, punctuation and legal suffixes dropped: "GE MEDICAL SYSTEMS, Inc." -> "ge medical systems". */
export function normaliseVendorKey(name: string): string {
  return foldAccents(name).toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(LEGAL_SUFFIX, ' ').replace(/\s+/g, ' ').trim();
}

const ANY_KIND: ReadonlySet<VendorKind> = new Set(['medical', 'clinical-software', 'it', 'platform']);

/**
 * Canonical vendor name: the alias when the whole name is one, else the one maker the name mentions ("Siemens
 * Healthcare Diagnostics Manufacturing" -> Siemens Healthineers), else the name as given (trimmed).
 */
export function canonicalVendor(kb: KnowledgeBase, name: string): string {
  const exact = kb.vendorAliases.get(normaliseVendorKey(name));
  if (exact !== undefined) return exact;
  return soleMaker(vendorMentions(kb.vendorDictionary, name), ANY_KIND)?.canonical ?? name.trim();
}

/**
 * An OUI owner that is a medical device maker (data/vendor-aliases.json kind "medical"), named by the maker's own
 * name, not by a parent group's ("Siemens Building Technologies" is not Siemens Healthineers).
 */
export function isMedicalMakerName(kb: KnowledgeBase, owner: string): boolean {
  const m = soleMaker(vendorMentions(kb.vendorDictionary, owner), ANY_KIND);
  return m !== null && m.kind === 'medical' && m.scope !== 'conglomerate';
}

/**
 * An OUI owner that is an IT maker of whole devices (data/vendor-aliases.json deviceMaker: printers, cameras, UPS,
 * network gear), named by its own name. PC/server/VM makers, NIC and chip makers carry no such flag.
 */
export function isDeviceMakerName(kb: KnowledgeBase, owner: string): boolean {
  const m = soleMaker(vendorMentions(kb.vendorDictionary, owner), ANY_KIND);
  return m !== null && m.scope !== 'conglomerate' && kb.deviceMakers.has(normaliseVendorKey(m.canonical));
}

export interface OuiOwner {
  vendor: string;
  oui: string;
  /** An embedded network-module maker (data/oui.json moduleMakers): says little about the device. */
  moduleMaker: boolean;
  /** A medical device maker: its OUI is on its own devices. */
  medicalMaker: boolean;
  /** An IT maker of whole devices (printer, camera, UPS, network gear): its OUI is on its own devices. */
  deviceMaker: boolean;
}

/** 'aa:bb:cc:…' -> organisation, or null for unknown, multicast, locally administered or all-zero MACs. */
/** Owners by MAC prefix text, per knowledge base: every flow asks for both ends, and a site has few makers. */
const ownerMemos = new WeakMap<KnowledgeBase, Map<string, OuiOwner | null>>();
const OWNER_MEMO_LIMIT = 65_536;

export function ouiVendor(kb: KnowledgeBase, mac: string): OuiOwner | null {
  let memo = ownerMemos.get(kb);
  if (memo === undefined) {
    memo = new Map();
    ownerMemos.set(kb, memo);
  }
  const prefix = mac.slice(0, 8);
  const hit = memo.get(prefix);
  if (hit !== undefined) return hit;
  const owner = ouiOwner(kb, mac);
  if (memo.size >= OWNER_MEMO_LIMIT) memo.clear();
  memo.set(prefix, owner);
  return owner;
}

/** `ouiVendor` without the memo. The first 8 characters of a MAC text ("aa:bb:cc" or "aabbccdd") include its OUI. */
function ouiOwner(kb: KnowledgeBase, mac: string): OuiOwner | null {
  const hex = mac.replace(/[:-]/g, '').toUpperCase();
  if (hex.length < 6) return null;
  const first = Number.parseInt(hex.slice(0, 2), 16);
  if (Number.isNaN(first) || (first & 0x03) !== 0) return null; // group or locally administered bit (IEEE 802 §8.2)
  const oui = hex.slice(0, 6);
  const vendor = kb.oui.get(oui);
  if (vendor === undefined) return null;
  const moduleMaker = kb.ouiModuleMakers.has(oui);
  const medicalMaker = !moduleMaker && (kb.ouiMedicalMakers.has(oui) || isMedicalMakerName(kb, vendor));
  return { vendor, oui, moduleMaker, medicalMaker, deviceMaker: !moduleMaker && !medicalMaker && isDeviceMakerName(kb, vendor) };
}

export function dicomRootOf(kb: KnowledgeBase, uid: string): DicomRoot | null {
  for (const r of kb.dicomRoots) if (uid === r.root || uid.startsWith(`${r.root}.`)) return r;
  return null;
}

export interface RuleHit {
  rule: PatternRule;
  values: Partial<Record<EvidenceAttribute, string>>;
}

/** Every rule of the set for this field whose regex matches, with $n filled from the match. */
export function matchRules(kb: KnowledgeBase, set: RuleSetName, field: string, value: string): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const rule of kb.rules[set]) {
    if (rule.field !== field) continue;
    const m = rule.re.exec(value);
    if (m === null) continue;
    const values: Partial<Record<EvidenceAttribute, string>> = {};
    for (const [k, v] of Object.entries(rule.set)) {
      const filled = v.replace(/\$(\d)/g, (_s, d: string) => m[Number(d)] ?? '').trim();
      if (filled !== '') values[k as EvidenceAttribute] = filled;
    }
    hits.push({ rule, values });
  }
  return hits;
}

/** Initial TTL as p0f guesses it: the next common starting value at or above the observed one. */
export function initialTtl(ttl: number): number {
  if (ttl <= 32) return 32;
  if (ttl <= 64) return 64;
  if (ttl <= 128) return 128;
  return 255;
}

export interface SynFacts {
  ttl: number;
  window: number;
  mss: number | null;
  windowScale: number | null;
  options: string;
}

function windowMatches(sigWindow: string, window: number, mss: number | null): boolean {
  if (sigWindow === '*') return true;
  if (sigWindow.startsWith('mss*')) return mss !== null && mss > 0 && window === mss * Number(sigWindow.slice(4));
  return Number(sigWindow) === window;
}

/** First signature (data order) matching a SYN (`request`) or SYN+ACK (`response`). */
export function matchTcpSignature(kb: KnowledgeBase, direction: 'request' | 'response', syn: SynFacts): TcpSignature | null {
  const ttl = initialTtl(syn.ttl);
  for (const s of kb.tcp) {
    if (s.direction !== direction || s.ttl !== ttl) continue;
    if (!windowMatches(s.window, syn.window, syn.mss)) continue;
    if (s.windowScale !== '*' && Number(s.windowScale) !== (syn.windowScale ?? 0)) continue;
    if (s.options !== '*' && s.options !== syn.options) continue;
    return s;
  }
  return null;
}

/**
 * The maker an SNMP agent's enterprise number names: the dictionary's own `pens` first, else the IANA registry's
 * organisation where the dictionary knows it as a maker of devices (penMakerNames). A PC, server or OS maker's
 * number, or an organisation only a short or group name matches, names none. Looked up per number, not at load.
 */
export function penMaker(kb: KnowledgeBase, pen: number): string | null {
  const listed = kb.pens.get(pen);
  if (listed !== undefined) return listed;
  const org = kb.penRegistry.get(pen);
  return org === undefined ? null : (kb.penMakerNames.get(normaliseVendorKey(org)) ?? null);
}
