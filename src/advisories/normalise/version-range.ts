/**
 * Version ranges of advisories: CSAF 2.0 §3.1.2.3.2 product_version_range (vers "vers:generic/>=1.0|<2.3" or vls text
 * "<= 4.2", "all versions", "prior to 3.1", "2.3.6 and below"), product_version names ("2.X", "4.X | 5.X"), and NVD
 * cpeMatch versionStart/End fields, all normalised to one vers-like form and evaluated against a device version.
 */
import { compareVersions, looksLikeVersion } from './version-compare.js';

export type Comparator = '<' | '<=' | '>' | '>=' | '=' | '!=';
export interface Constraint { op: Comparator; version: string }
export type VersionSpec = { kind: 'all' } | { kind: 'constraints'; constraints: Constraint[] };

const OPS: readonly Comparator[] = ['<=', '>=', '!=', '<', '>', '='];

/** Natural-language forms CISA and vendors write (lower-cased, one space). Order matters: first hit wins. */
const PHRASES: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^(?:versions? )?(?:prior to|before|earlier than|older than|lower than|below) (?:versions? )?(.+)$/i, (m) => `<${m[1] ?? ''}`],
  [/^(?:versions? )?(?:up to|through|to) (?:and including )?(?:versions? )?(.+)$/i, (m) => `<=${m[1] ?? ''}`],
  [/^(?:versions? )?(.+?) (?:and|or) (?:prior|earlier|below|older|lower|before)(?: versions?)?$/i, (m) => `<=${m[1] ?? ''}`],
  [/^(?:versions? )?(.+?) (?:and|or) (?:later|above|newer|higher|after)(?: versions?)?$/i, (m) => `>=${m[1] ?? ''}`],
  [/^(?:versions? )?(?:from|since|starting with) (?:versions? )?(.+)$/i, (m) => `>=${m[1] ?? ''}`],
  [/^(?:versions? )?(\S+) (?:to|through|-) (\S+)$/i, (m) => `>=${m[1] ?? ''}|<=${m[2] ?? ''}`],
  // ICSMA-21-294-01 "A10 < A11": from A10 up to (not including) A11.
  [/^(\S+) ?< ?(\S+)$/i, (m) => `>=${m[1] ?? ''}|<${m[2] ?? ''}`],
];

const ALL = /^(?:\*|all|any|all versions?|any versions?|vers:[a-z0-9.+-]+\/\*)$/;

/** Parse a range or version text; null when it is not one (prose, dates, product names in the version slot). */
export function parseVersionSpec(text: string): VersionSpec | null {
  let t = text.trim().replace(/\s+/g, ' ');
  if (t === '') return null;
  if (ALL.test(t.toLowerCase())) return { kind: 'all' };
  if (/^vers:/i.test(t)) {
    const slash = t.indexOf('/');
    if (slash < 0) return null;
    t = t.slice(slash + 1);
  } else if (!t.includes('|')) {
    for (const [re, to] of PHRASES) {
      const m = t.match(re);
      if (m !== null) {
        t = to(m);
        break;
      }
    }
  }
  const constraints: Constraint[] = [];
  for (const raw of t.split('|')) {
    const item = raw.trim();
    if (item === '') continue;
    const op = OPS.find((o) => item.startsWith(o));
    const version = (op === undefined ? item : item.slice(op.length)).trim();
    if (!looksLikeVersion(version)) return null;
    constraints.push({ op: op ?? '=', version });
  }
  return constraints.length === 0 ? null : { kind: 'constraints', constraints };
}

/** NVD CVE 2.0 cpeMatch: the CPE's own version and the four range fields. */
export interface NvdRange {
  cpeVersion: string | null;
  startIncluding?: string | undefined;
  startExcluding?: string | undefined;
  endIncluding?: string | undefined;
  endExcluding?: string | undefined;
}

export function specFromNvd(r: NvdRange): VersionSpec | null {
  const c: Constraint[] = [];
  if (r.startIncluding !== undefined) c.push({ op: '>=', version: r.startIncluding });
  if (r.startExcluding !== undefined) c.push({ op: '>', version: r.startExcluding });
  if (r.endIncluding !== undefined) c.push({ op: '<=', version: r.endIncluding });
  if (r.endExcluding !== undefined) c.push({ op: '<', version: r.endExcluding });
  if (c.length > 0) return { kind: 'constraints', constraints: c };
  if (r.cpeVersion === null || r.cpeVersion === '*') return { kind: 'all' };
  if (r.cpeVersion === '-') return null; // CPE "NA": no version applies
  return looksLikeVersion(r.cpeVersion) ? { kind: 'constraints', constraints: [{ op: '=', version: r.cpeVersion }] } : null;
}

/** The stored form: `vers:all/*` or `vers:generic/>=1.0|<2.3` (vers drops `=` for equality). */
export function formatSpec(spec: VersionSpec): string {
  if (spec.kind === 'all') return 'vers:all/*';
  return `vers:generic/${spec.constraints.map((c) => (c.op === '=' ? c.version : `${c.op}${c.version}`)).join('|')}`;
}

function satisfies(version: string, c: Constraint): boolean {
  const cmp = compareVersions(version, c.version);
  switch (c.op) {
    case '<': return cmp < 0;
    case '<=': return cmp <= 0;
    case '>': return cmp > 0;
    case '>=': return cmp >= 0;
    case '=': return cmp === 0;
    case '!=': return cmp !== 0;
  }
}

/**
 * Is `version` inside the spec? Equalities are alternatives; a lower bound followed by an upper bound is one interval
 * (vers semantics), a lone bound is open on the other side; `!=` excludes. Reads the constraints in the order given.
 */
export function inSpec(version: string, spec: VersionSpec): boolean {
  if (spec.kind === 'all') return true;
  const cs = spec.constraints;
  if (cs.some((c) => c.op === '!=' && !satisfies(version, c))) return false;
  let any = false;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    if (c === undefined || c.op === '!=') continue;
    if (c.op === '=') {
      any = true;
      if (satisfies(version, c)) return true;
      continue;
    }
    any = true;
    const next = cs[i + 1];
    const lower = c.op === '>' || c.op === '>=';
    if (lower && next !== undefined && (next.op === '<' || next.op === '<=')) {
      if (satisfies(version, c) && satisfies(version, next)) return true;
      i++;
      continue;
    }
    if (satisfies(version, c)) return true;
  }
  return !any; // only `!=` constraints: everything else is in
}

/** Human text of a spec for reasons: "<= 4.2", "any version", ">= 1.0 and < 2.3". */
export function describeSpec(spec: VersionSpec): string {
  if (spec.kind === 'all') return 'all versions';
  return spec.constraints.map((c) => (c.op === '=' ? c.version : `${c.op} ${c.version}`)).join(spec.constraints.every((c) => c.op === '=') ? ' or ' : ', ');
}
