/** OS label and end-of-life from the lifecycle table (data/os-lifecycle.json), at a date passed in (no clock reads). */
import type { KnowledgeBase, LifecycleEntry } from './knowledge/kb-types.js';
import { lifecycleFamily } from './os-family.js';

export interface LifecycleAnswer {
  label: string | null;
  endOfLife: boolean | null;
}

/**
 * Dotted versions compared component by component: "6.1" (from a User-Agent) matches 6.1.7600 and 6.1.7601;
 * "10.0.19045.3803" matches 10.0.19045; a series row "4.14" matches kernel 4.14.98 and a row "6" VxWorks 6.9, but
 * "4.1" never matches 4.14.
 */
function versionMatches(entry: string, seen: string): boolean {
  const e = entry.toLowerCase();
  const s = seen.toLowerCase();
  return e === s || e.startsWith(`${s}.`) || s.startsWith(`${e}.`);
}

function labelMatches(e: LifecycleEntry, label: string): boolean {
  const l = label.toLowerCase();
  return l.startsWith(e.family.toLowerCase()) || e.label.toLowerCase().startsWith(l);
}

/** "Embedded Linux" reads the Linux rows; its labels say what it is ("Embedded Linux 4.14"). */
function shown(name: string | null, label: string | null): string | null {
  if (name === null || label === null) return label;
  const family = lifecycleFamily(name);
  return family !== name && label.startsWith(family) ? `${name}${label.slice(family.length)}` : label;
}

/**
 * Candidates by name and version, narrowed by a label hint (e.g. "Windows 7" from a User-Agent) when that keeps any.
 * The label is the single candidate's (the hint's when the row is a whole series and the hint is more exact), else
 * the candidates' shared family, else all families joined with " / ". Without a version, a hint that names no row
 * says nothing about support. endOfLife: true when every candidate's support ended before `asOf`, false when none
 * did, null when they disagree or nothing matched. A host already known as a workstation or a server (NetBIOS server
 * type, domain-controller bits, a browser) keeps only the editions of that kind: build 10.0.17763 is Windows 10 1809
 * (ended) and Windows Server 2019 (supported), and a domain controller on it is only the latter. A host known as
 * anything but a workstation (a PACS, a modality) also drops general client editions (`generalEdition` rows).
 */
export function lifecycleOf(kb: KnowledgeBase, name: string | null, version: string | null, labelHint: string | null, asOf: Date, hostType: string | null = null): LifecycleAnswer {
  if (version === null && labelHint === null) return { label: null, endOfLife: null };
  const family = name === null ? null : lifecycleFamily(name).toLowerCase();
  let cands = kb.lifecycle.filter((e) => (family === null || e.name.toLowerCase() === family) && (version === null || versionMatches(e.version, version)));
  if (labelHint !== null) {
    const narrowed = cands.filter((e) => labelMatches(e, labelHint));
    if (narrowed.length > 0) cands = narrowed;
    else if (version === null) return { label: labelHint, endOfLife: null };
  }
  if (hostType === 'workstation' || hostType === 'server') {
    const ofKind = cands.filter((e) => e.productType === hostType);
    if (ofKind.length > 0) cands = ofKind;
  }
  if (hostType !== null && hostType !== 'workstation') {
    const lasting = cands.filter((e) => !e.generalEdition);
    if (lasting.length > 0) cands = lasting;
  }
  const only = cands.length === 1 ? cands[0] : undefined;
  if (cands.length === 0) return { label: shown(name, labelHint), endOfLife: null };
  const families = [...new Set(cands.map((e) => e.family))];
  const seriesRow = only !== undefined && version !== null && only.version.toLowerCase() !== version.toLowerCase() && version.toLowerCase().startsWith(`${only.version.toLowerCase()}.`);
  let label = only !== undefined ? (seriesRow && labelHint !== null ? labelHint : only.label) : families.length === 1 ? (families[0] ?? null) : families.join(' / ');
  if (labelHint !== null && cands.length > 1 && families.length === 1) label = labelHint;
  const ended = cands.map((e) => Date.parse(`${e.endOfSupport}T23:59:59Z`) < asOf.getTime());
  const endOfLife = ended.every(Boolean) ? true : ended.some(Boolean) ? null : false;
  return { label: shown(name, label), endOfLife };
}
