/**
 * Version comparison for advisory ranges: dotted numbers, letters (Philips "B.02", B. Braun "L81"), build suffixes,
 * and wildcard segments ("2.X", "12.2.x.x") as CISA's CSAF files write them. Loose on purpose: device firmware
 * strings follow no scheme (semver would reject most of them).
 */

export type VersionToken = number | string;
export const WILDCARD = '*';

/** Words that may appear inside a version ("1.8.4 Service Pack 01", "1.3.1 Build 13"); any other word means "not a version". */
const VERSION_WORDS = new Set(['build', 'b', 'sp', 'service', 'pack', 'rev', 'r', 'release', 'update', 'patch', 'v', 'version', 'x']);
const PRERELEASE = new Set(['alpha', 'a', 'beta', 'rc', 'pre', 'dev']);

/** Split into number and letter runs: "1.8.4 SP01" -> [1, 8, 4, 'sp', 1]; "2.X" -> [2, '*']. */
export function tokenize(version: string): VersionToken[] {
  const out: VersionToken[] = [];
  for (const m of version.toLowerCase().matchAll(/\d+|[a-z]+|\*/g)) {
    const t = m[0];
    if (/^\d/.test(t)) out.push(Number.parseInt(t, 10));
    else if (t === 'x' || t === '*') out.push(WILDCARD);
    else out.push(t);
  }
  // "v2.1" and "version 2.1" mean 2.1.
  while (out[0] === 'v' || out[0] === 'version') out.shift();
  return out;
}

/** True when the text reads as a version, not as prose ("july 1 2017", "Accu-Chek Inform II"). */
export function looksLikeVersion(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > 64) return false;
  if (t === '*') return true;
  if (!/\d/.test(t) && !/^[A-Za-z]{1,2}$/.test(t)) return false;
  for (const word of t.toLowerCase().match(/[a-z]{3,}/g) ?? []) if (!VERSION_WORDS.has(word)) return false;
  return true;
}

function cmpToken(a: VersionToken, b: VersionToken): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return typeof a === 'number' ? 1 : -1; // 1.0 > 1.rc: a number outranks a word in the same place
}

/**
 * Compare a device version with a bound: -1, 0, 1. A wildcard in either ends the comparison as equal ("2.5" = "2.X").
 * Missing trailing parts count as zero ("1.0" = "1.0.0"); a trailing pre-release word sorts lower ("1.0rc" < "1.0").
 */
export function compareVersions(a: string, b: string): number {
  return compareTokens(tokenize(a), tokenize(b));
}

export function compareTokens(ta: readonly VersionToken[], tb: readonly VersionToken[]): number {
  const n = Math.max(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === WILDCARD || y === WILDCARD) return 0;
    if (x === undefined) return tailSign(tb, i, -1);
    if (y === undefined) return tailSign(ta, i, 1);
    const c = cmpToken(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

/** The longer side's extra tokens: zeros are equal, a pre-release word is lower, anything else is higher. */
function tailSign(longer: readonly VersionToken[], from: number, sign: number): number {
  const rest = longer.slice(from);
  if (rest.every((t) => t === 0)) return 0;
  const first = rest[0];
  if (typeof first === 'string' && PRERELEASE.has(first)) return -sign;
  return sign;
}
