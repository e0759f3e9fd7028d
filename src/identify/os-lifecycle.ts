/** OS label and end-of-life from the lifecycle table (data/os-lifecycle.json), at a date passed in (no clock reads). */
import type { KnowledgeBase, LifecycleEntry } from './knowledge/kb-types.js';

export interface LifecycleAnswer {
  label: string | null;
  endOfLife: boolean | null;
}

function versionMatches(entry: string, seen: string): boolean {
  // "6.1" (from a User-Agent) matches 6.1.7600 and 6.1.7601; "10.0.19045.3803" matches 10.0.19045.
  return entry === seen || entry.startsWith(`${seen}.`) || seen.startsWith(`${entry}.`);
}

function labelMatches(e: LifecycleEntry, label: string): boolean {
  const l = label.toLowerCase();
  return l.startsWith(e.family.toLowerCase()) || e.label.toLowerCase().startsWith(l);
}

/**
 * Candidates by name and version, narrowed by a label hint (e.g. "Windows 7" from a User-Agent) when that keeps any.
 * The label is the single candidate's, else the candidates' shared family, else all families joined with " / ".
 * endOfLife: true when every candidate's support ended before `asOf`, false when none did, null when they disagree.
 */
export function lifecycleOf(kb: KnowledgeBase, name: string | null, version: string | null, labelHint: string | null, asOf: Date): LifecycleAnswer {
  let cands = kb.lifecycle.filter((e) => (name === null || e.name.toLowerCase() === name.toLowerCase()) && (version === null || versionMatches(e.version, version)));
  if (version === null && labelHint === null) return { label: null, endOfLife: null };
  if (labelHint !== null) {
    const narrowed = cands.filter((e) => labelMatches(e, labelHint));
    if (narrowed.length > 0) cands = narrowed;
  }
  if (cands.length === 0) return { label: labelHint, endOfLife: null };
  const families = [...new Set(cands.map((e) => e.family))];
  const label = cands.length === 1 ? (cands[0]?.label ?? null) : families.length === 1 ? (families[0] ?? null) : families.join(' / ');
  const ended = cands.map((e) => Date.parse(`${e.endOfSupport}T23:59:59Z`) < asOf.getTime());
  const endOfLife = ended.every(Boolean) ? true : ended.some(Boolean) ? null : false;
  return { label: labelHint !== null && cands.length > 1 && families.length === 1 ? labelHint : label, endOfLife };
}
