/**
 * The tokeniser of vendor-mentions.ts: accents folded (Unicode NFKD), words split on non-alphanumerics (hard
 * boundaries) and on case or letter/digit changes inside a word (soft boundaries: "DrägerService", "SYSMEX_XN1000").
 */

/** Pieces of one text. Arrays are reused between calls (one text at a time): read them before tokenising again. */
export interface Tokens {
  /** The text the offsets refer to (accents folded). */
  source: string;
  count: number;
  /** Lower-cased pieces. */
  text: string[];
  /** True when a separator (or the start) precedes the piece; false for a case or digit change inside a word. */
  hard: boolean[];
  start: number[];
  end: number[];
}

const SPECIAL: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L' };

/** "Drägerwerk" -> "Dragerwerk", "bioMérieux" -> "bioMerieux"; ASCII text is returned as is (no allocation). */
export function foldAccents(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return s;
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[ßæÆøØœŒđĐłŁ]/g, (c) => SPECIAL[c] ?? c);
}

const LEGAL: ReadonlySet<string> = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'ltd', 'limited', 'llc', 'gmbh', 'ag', 'sa', 'bv', 'ab', 'oy', 'oyj', 'plc',
  'kg', 'kgaa', 'pty', 'spa', 'kk', 'nv', 'srl', 'sas', 'aps',
]);

/** A company-form word ("Inc", "GmbH", "AG" …): it never names a maker, and after a short name it shows one. */
export function isLegalSuffix(word: string): boolean {
  return LEGAL.has(word);
}

const SEP = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;

function classOf(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 97 && c <= 122) return LOWER;
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 48 && c <= 57) return DIGIT;
  if (c < 128 || Number.isNaN(c)) return SEP;
  // Letters left after folding (CJK, Greek …) are word characters without case; symbols (©, –, ™) separate.
  return /\p{L}|\p{N}/u.test(s[i] ?? '') ? LOWER : SEP;
}

const scratch: Tokens = { source: '', count: 0, text: [], hard: [], start: [], end: [] };

function push(t: Tokens, from: number, to: number, hard: boolean): void {
  const n = t.count++;
  t.text[n] = t.source.slice(from, to).toLowerCase();
  t.hard[n] = hard;
  t.start[n] = from;
  t.end[n] = to;
}

/** Splits `text` into pieces (see the file comment). */
export function tokenise(text: string): Tokens {
  const s = foldAccents(text);
  const t = scratch;
  t.source = s;
  t.count = 0;
  let from = -1;
  let hard = true;
  let prev = SEP;
  for (let i = 0; i < s.length; i++) {
    const c = classOf(s, i);
    if (c === SEP) {
      if (from >= 0) push(t, from, i, hard);
      from = -1;
      hard = true;
      prev = SEP;
      continue;
    }
    if (from < 0) {
      from = i;
    } else {
      const camel = prev === LOWER && c === UPPER;
      const digits = (prev === DIGIT) !== (c === DIGIT);
      const acronym = prev === UPPER && c === UPPER && i + 1 < s.length && classOf(s, i + 1) === LOWER;
      if (camel || digits || acronym) {
        push(t, from, i, hard);
        from = i;
        hard = false;
      }
    }
    prev = c;
  }
  if (from >= 0) push(t, from, s.length, hard);
  return t;
}
