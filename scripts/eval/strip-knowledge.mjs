// Leave-one-vendor-out: a copy of the knowledge directory with every entry that names a vendor removed. Generic over
// the files' formats (other engineers add files and fields): every JSON file under the directory is walked, and an
// array element whose JSON text names the vendor (or one of its aliases) at word boundaries is dropped, as is an
// object property whose key names it, or, in a map-like object (many keys), whose value does. The IEEE registry's
// entries in oui.json are kept: the registry is a public fact, not our knowledge.
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Objects with at least this many keys are maps (key -> entry), whose entries may go one by one. */
const MAP_MIN_KEYS = 12;
/** Fields of an alias entry that are prose, not names. */
const PROSE = /source|url|note|comment|description|reason|why|evidence/i;

/** A case-insensitive pattern naming any of `names` between non-letters; punctuation and spaces inside a name are loose ("B. Braun" = "B.Braun"). */
export function namePattern(names) {
  const alts = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))].map((n) => n.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]{0,3}'));
  if (alts.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/** `value` without what names the vendor; `counter.removed` counts what went. */
export function strip(value, re, counter = { removed: 0 }) {
  if (Array.isArray(value)) {
    const kept = value.filter((el) => {
      const drop = re.test(JSON.stringify(el));
      if (drop) counter.removed++;
      return !drop;
    });
    return kept.map((el) => strip(el, re, counter));
  }
  if (value !== null && typeof value === 'object') {
    const mapLike = Object.keys(value).length >= MAP_MIN_KEYS;
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (re.test(k) || (mapLike && re.test(JSON.stringify(v)))) {
        counter.removed++;
        continue;
      }
      out[k] = strip(v, re, counter);
    }
    return out;
  }
  return value;
}

function jsonFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

/** String leaves of an alias entry that are names (not prose fields). */
function nameLeaves(value, key = '') {
  if (typeof value === 'string') return PROSE.test(key) || value.includes('://') || value.length > 80 ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => nameLeaves(v, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nameLeaves(v, k));
  return [];
}

/** `names` plus every name an alias file groups with one of them (alias files: a file name containing "alias"). */
export function expandAliases(dataDir, names) {
  let all = [...names];
  for (let round = 0; round < 2; round++) {
    const re = namePattern(all);
    if (re === null) break;
    for (const file of jsonFiles(dataDir).filter((f) => /alias/i.test(basename(f)))) {
      let json;
      try {
        json = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        continue;
      }
      const walk = (v) => {
        if (Array.isArray(v)) for (const el of v) (re.test(JSON.stringify(el)) && typeof el === 'object' ? all.push(...nameLeaves(el)) : walk(el));
        else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) walk(x);
      };
      walk(json);
    }
    all = [...new Set(all)];
  }
  return all;
}

/** Data files that hold settings rather than knowledge of makers: never stripped. */
const NOT_KNOWLEDGE = new Set(['risk-weights.json']);

/** A temporary copy of `dataDir` without any knowledge of `names`; returns the directory, the names used and the entries removed. */
export function dataWithout(dataDir, names) {
  const used = expandAliases(dataDir, names);
  const re = namePattern(used);
  const dir = mkdtempSync(join(tmpdir(), 'ww-lovo-'));
  cpSync(dataDir, dir, { recursive: true });
  const counter = { removed: 0 };
  if (re === null) return { dir, names: used, removed: 0 };
  for (const file of jsonFiles(dir)) {
    // Risk weights are settings, not knowledge of makers (a reason text naming a maker must not drop a weight).
    if (NOT_KNOWLEDGE.has(basename(file))) continue;
    let json;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      continue; // not JSON after all: left as it is
    }
    let out;
    if (basename(file) === 'oui.json' && json !== null && typeof json === 'object' && !Array.isArray(json)) {
      // The registry's prefixes stay; whatever else the file carries (our lists of makers) is knowledge.
      out = {};
      for (const [k, v] of Object.entries(json)) out[k] = k === 'entries' ? v : strip(v, re, counter);
    } else out = strip(json, re, counter);
    writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
  }
  return { dir, names: used, removed: counter.removed };
}
