/** How device lists are ordered and why a device is what it is, shared by `devices` and analyze's summary. */
import type { DeviceJson } from '../inventory/types.js';

/** Medical categories before IT: what a clinical engineer looks at first when risks tie. */
export const CATEGORY_ORDER: readonly string[] = ['life-support', 'infusion', 'patient-monitoring', 'imaging', 'laboratory', 'imaging-infrastructure', 'clinical-system', 'network', 'it', 'iot', 'unknown'];

function categoryRank(category: string): number {
  const at = CATEGORY_ORDER.indexOf(category);
  return at < 0 ? CATEGORY_ORDER.length : at;
}

/** Highest risk first (unscored last), then category, then confidence, then id (a stable order). */
export function byRiskThenCategory(a: DeviceJson, b: DeviceJson): number {
  return (b.risk?.score ?? -1) - (a.risk?.score ?? -1)
    || categoryRank(a.category) - categoryRank(b.category)
    || b.confidence - a.confidence
    || a.id.localeCompare(b.id);
}

/** Category, then confidence, then id: the summary's order, where a device list comes before the findings. */
export function byCategory(a: DeviceJson, b: DeviceJson): number {
  return categoryRank(a.category) - categoryRank(b.category) || b.confidence - a.confidence || a.id.localeCompare(b.id);
}

const CLASSIFYING = new Set(['vendor', 'model', 'type', 'osName', 'osVersion']);

/** The distinct sources of the evidence behind vendor, model, type and OS, first `max` of them. */
export function evidenceSources(d: DeviceJson, max: number): string[] {
  const out: string[] = [];
  for (const e of d.evidence) {
    if (out.length >= max) break;
    if (CLASSIFYING.has(e.attribute) && !out.includes(e.source)) out.push(e.source);
  }
  return out;
}
