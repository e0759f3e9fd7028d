/**
 * Vendor names in free text (docs/architecture.md "identify"): data/vendor-aliases.json compiled once into a token map, then
 * matched on token boundaries of any field (SNMP sysDescr, banners, HL7 MSH-3, certificate names …).
 */
import { foldAccents, isLegalSuffix, tokenise, type Tokens } from './vendor-tokens.js';

/**
 * What a maker makes. `medical`: medical devices (its OUI alone names a device's maker); `clinical-software`: EHR, LIS,
 * PACS, interface engines (named in text like a medical maker, but an OUI under its name is another company's); `it`:
 * computers, network, printers; `platform`: its name in text names software (Microsoft-IIS), never the device.
 */
export type VendorKind = 'medical' | 'clinical-software' | 'it' | 'platform';

/** How freely an alias may be matched in running text. */
export type AliasScope = 'free' | 'restricted' | 'conglomerate';

export interface VendorEntry {
  canonical: string;
  aliases: readonly string[];
  kind: VendorKind;
  /** Short or ambiguous names (GE, HP, BD): only as the whole field, before a company word, or beside another name of the maker. */
  restricted: readonly string[];
  /** A parent group's name (Siemens, General Electric): only as the whole field or beside another name; its OUIs are not the maker's. */
  conglomerate: readonly string[];
}

interface AliasDef {
  canonical: string;
  alias: string;
  /** The alias's words, folded and lower-cased, legal suffixes dropped ("B. Braun Melsungen AG" -> b, braun, melsungen). */
  tokens: readonly string[];
  kind: VendorKind;
  scope: AliasScope;
}

export interface VendorMention {
  canonical: string;
  /** The dictionary alias that matched. */
  alias: string;
  /** The words of the field that matched (accents folded). */
  text: string;
  kind: VendorKind;
  scope: AliasScope;
}

export interface VendorDictionary {
  /** First alias word -> aliases starting with it, most words first. */
  byFirst: ReadonlyMap<string, readonly AliasDef[]>;
  /** Per-text results, bounded: the same banners and descriptions repeat across records. */
  memo: Map<string, readonly VendorMention[]>;
}

/** Detail prefixes of vendor evidence found by name in free text (evidence/free-text.ts), read by host-rules.ts. */
export const VENDOR_MENTION = 'vendor name ';
export const HOST_NAME_MENTION = 'vendor name in host name ';

/** Vendor evidence that free text gave by naming a maker (any field, host names included). */
export function isVendorMention(e: { attribute: string; detail: string }): boolean {
  return e.attribute === 'vendor' && e.detail.startsWith(VENDOR_MENTION);
}

/** Vendor evidence that a host name gave: it never names a vendor alone. */
export function isHostNameMention(e: { attribute: string; detail: string }): boolean {
  return e.attribute === 'vendor' && e.detail.startsWith(HOST_NAME_MENTION);
}

const MEMO_LIMIT = 4096;
/** Most camel-case pieces one alias word may span ("McKesson" = Mc + Kesson). */
const MAX_JOIN = 4;

/** Words after a restricted name that show it is a company: "GE Inc", "HP Company" (legal suffixes are in vendor-tokens.ts). */
const COMPANY_WORDS: ReadonlySet<string> = new Set(['company', 'group', 'holdings', 'international']);

function aliasTokens(alias: string): string[] {
  // Within an alias only separators split words: "McKesson" is one word, matched against Mc + Kesson in the text.
  const words = foldAccents(alias).toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
  const kept = words.filter((w) => !isLegalSuffix(w));
  return kept.length > 0 ? kept : words;
}

/** Builds the token map. An alias claimed by two entries keeps the first (user entries come first). */
export function compileVendorDictionary(entries: readonly VendorEntry[]): VendorDictionary {
  const byFirst = new Map<string, AliasDef[]>();
  const seen = new Set<string>();
  for (const e of entries) {
    const restricted = new Set(e.restricted.map((a) => aliasTokens(a).join(' ')));
    const conglomerate = new Set(e.conglomerate.map((a) => aliasTokens(a).join(' ')));
    for (const alias of [e.canonical, ...e.aliases]) {
      const tokens = aliasTokens(alias);
      const key = tokens.join(' ');
      const first = tokens[0];
      if (first === undefined || seen.has(key)) continue;
      seen.add(key);
      const scope: AliasScope = conglomerate.has(key) ? 'conglomerate' : restricted.has(key) ? 'restricted' : 'free';
      const list = byFirst.get(first) ?? [];
      list.push({ canonical: e.canonical, alias, tokens, kind: e.kind, scope });
      byFirst.set(first, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { byFirst, memo: new Map() };
}

/** Where alias word `word` ends when it starts at piece `j` (it may span soft-joined pieces), or -1. */
function wordEnd(t: Tokens, j: number, word: string): number {
  let off = 0;
  let m = j;
  while (m < t.count && (m === j || !t.hard[m])) {
    const p = t.text[m] ?? '';
    if (!word.startsWith(p, off)) return -1;
    off += p.length;
    m++;
    if (off === word.length) return m;
  }
  return -1;
}

/** End (exclusive piece index) of `def` matched from piece `j` on, its first word already ending at `j`; or -1. */
function restEnd(t: Tokens, def: AliasDef, j: number): number {
  let at = j;
  for (let w = 1; w < def.tokens.length; w++) {
    // "Siemens AG, Healthcare Sector" still says Siemens Healthcare: legal suffixes between words are skipped.
    while (at < t.count && t.hard[at] && isLegalSuffix(t.text[at] ?? '')) at++;
    // The next word may follow a separator or a case change: "GE Healthcare" and "GEHealthcare".
    if (at >= t.count) return -1;
    at = wordEnd(t, at, def.tokens[w] ?? '');
    if (at < 0) return -1;
  }
  return at;
}

interface Hit {
  def: AliasDef;
  start: number;
  end: number;
}

/** Longest alias starting at piece `i`, or null. Only whole pieces are looked up: "Geode" never yields "GE". */
function longestAt(dict: VendorDictionary, t: Tokens, i: number): Hit | null {
  let best: Hit | null = null;
  let cat = '';
  for (let k = i; k < t.count && k < i + MAX_JOIN; k++) {
    if (k > i && t.hard[k]) break;
    cat += t.text[k] ?? '';
    const defs = dict.byFirst.get(cat);
    if (defs === undefined) continue;
    for (const def of defs) {
      const end = def.tokens.length === 1 ? k + 1 : restEnd(t, def, k + 1);
      if (end > 0 && (best === null || end > best.end)) best = { def, start: i, end };
    }
  }
  return best;
}

/** Ends on a word boundary (every name starts on one): a restricted name is never the head of a camel-case word. */
function endsWord(t: Tokens, h: Hit): boolean {
  return h.end >= t.count || t.hard[h.end] === true;
}

/** A restricted or conglomerate name stands on its own here: whole field, or (restricted) a company word after it. */
function standsAlone(t: Tokens, h: Hit): boolean {
  let last = t.count;
  while (last > h.end && isLegalSuffix(t.text[last - 1] ?? '')) last--;
  if (h.start === 0 && h.end === last) return true;
  if (h.def.scope === 'conglomerate') return false;
  const next = t.text[h.end];
  return next !== undefined && (isLegalSuffix(next) || COMPANY_WORDS.has(next));
}

function scan(dict: VendorDictionary, text: string): VendorMention[] {
  const t = tokenise(text);
  const hits: Hit[] = [];
  for (let i = 0; i < t.count; i++) {
    // A name starts a word ("DrägerService" yes, "LaRoche" no); it may end at a case change.
    if (!t.hard[i]) continue;
    const h = longestAt(dict, t, i);
    if (h === null) continue;
    hits.push(h);
    i = h.end - 1;
  }
  const out: VendorMention[] = [];
  for (const h of hits) {
    if (h.def.scope !== 'free') {
      if (!endsWord(t, h)) continue;
      // Beside another name of the same maker ("Siemens ACUSON"), an ambiguous name is no longer ambiguous.
      if (!standsAlone(t, h) && !hits.some((o) => o !== h && o.def.canonical === h.def.canonical && o.def.alias !== h.def.alias)) continue;
    }
    out.push({ canonical: h.def.canonical, alias: h.def.alias, text: t.source.slice(t.start[h.start], t.end[h.end - 1]), kind: h.def.kind, scope: h.def.scope });
  }
  return out;
}

/** Every vendor name in `text`, left to right, longest alias first. Memoised per dictionary; never throws. */
export function vendorMentions(dict: VendorDictionary, text: string): readonly VendorMention[] {
  const hit = dict.memo.get(text);
  if (hit !== undefined) return hit;
  const found = text.length > 2000 ? scan(dict, text.slice(0, 2000)) : scan(dict, text);
  if (dict.memo.size >= MEMO_LIMIT) dict.memo.clear();
  dict.memo.set(text, found);
  return found;
}

/**
 * The one maker a field names, or null: platform makers (Microsoft-IIS) never name a device; of several
 * makers, a single medical (or clinical-software) one wins (the product maker over the PC or platform); otherwise the field is ambiguous.
 */
export function soleMaker(mentions: readonly VendorMention[], kinds: ReadonlySet<VendorKind>): VendorMention | null {
  let one: VendorMention | null = null;
  let several = false;
  let medical: VendorMention | null = null;
  let severalMedical = false;
  for (const m of mentions) {
    if (!kinds.has(m.kind)) continue;
    if (one === null) one = m;
    else if (one.canonical !== m.canonical) several = true;
    if (m.kind !== 'medical' && m.kind !== 'clinical-software') continue;
    if (medical === null) medical = m;
    else if (medical.canonical !== m.canonical) severalMedical = true;
  }
  if (!several) return one;
  return severalMedical ? null : medical;
}
