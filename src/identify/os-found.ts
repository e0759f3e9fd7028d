/** What one OS grammar (os-windows.ts, os-unix.ts, os-rtos.ts) found in a text, before the field's confidence. */

export interface OsFound {
  osName: string;
  osVersion: string | null;
  osLabel: string | null;
  /** How specific the mention is, 0..1: a version makes it 1, a bare family word less. */
  specificity: number;
  /** Where in the text the mention starts and ends, to judge its context (a target named after "for" …). */
  start: number;
  end: number;
}

/** One grammar rule: a regex (global flag not needed) and what a match means. */
export interface OsPattern {
  re: RegExp;
  read: (m: RegExpExecArray) => Omit<OsFound, 'start' | 'end'> | null;
}

/** Each pattern's regex with the global flag, compiled once (scan runs for every free-text field of every record). */
const globalRes = new WeakMap<OsPattern, RegExp>();

function globalRe(p: OsPattern): RegExp {
  let re = globalRes.get(p);
  if (re === undefined) {
    re = new RegExp(p.re.source, p.re.flags.includes('g') ? p.re.flags : `${p.re.flags}g`);
    globalRes.set(p, re);
  }
  re.lastIndex = 0;
  return re;
}

/** Every non-overlapping match of each pattern, first pattern first (a later one never re-reads claimed text). */
export function scan(text: string, patterns: readonly OsPattern[]): OsFound[] {
  const out: OsFound[] = [];
  for (const p of patterns) {
    const re = globalRe(p);
    let guard = 0;
    for (let m = re.exec(text); m !== null && guard < 16; m = re.exec(text), guard++) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((f) => start < f.end && end > f.start)) continue;
      const r = p.read(m);
      if (r !== null) out.push({ ...r, start, end });
    }
  }
  return out;
}
