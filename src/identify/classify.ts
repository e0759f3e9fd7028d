/** Classification: evidence about one device -> its docs/architecture.md profile (vendor, model, type, category, OS …) with reasons. */
import { vote, type Vote } from './combine.js';
import { computerRoleEvidence } from './computer-role.js';
import { firmwareVoters } from './firmware.js';
import { vendorEvidence, votingEvidence, withoutDerived, withoutServedOnDesktop } from './host-rules.js';
import type { KnowledgeBase } from './knowledge/kb-types.js';
import { canonicalVendor, isMedicalMakerName, matchRules, normaliseVendorKey } from './knowledge/lookup.js';
import { osNameKey } from './os-family.js';
import { lifecycleOf } from './os-lifecycle.js';
import { roleEvidence } from './role-rules.js';
import { DEVICE_CATEGORIES, type DeviceCategory, type DeviceProfile, type Evidence, type EvidenceAttribute } from './types.js';

/** An attribute is filled only when the vote's confidence reaches this: unknown is better than wrong. */
export const FILL_THRESHOLD = 0.5;

export interface ClassifyOptions {
  /** The date end-of-life is judged at (the capture's time or now, chosen by the caller). */
  asOf: Date;
  threshold?: number;
}

function byAttribute(evidence: readonly Evidence[]): Map<EvidenceAttribute, Evidence[]> {
  const m = new Map<EvidenceAttribute, Evidence[]>();
  for (const e of evidence) {
    const list = m.get(e.attribute);
    if (list === undefined) m.set(e.attribute, [e]);
    else list.push(e);
  }
  return m;
}

/** Type/category evidence derived from the winning identity values through data/device-types.json rules. */
function derived(kb: KnowledgeBase, values: Record<string, string | null>, tsMs: number): Evidence[] {
  const out: Evidence[] = [];
  for (const [field, value] of Object.entries(values)) {
    if (value === null) continue;
    for (const hit of matchRules(kb, 'device-types', field, value)) {
      for (const [attr, v] of Object.entries(hit.values)) {
        out.push({ attribute: attr as EvidenceAttribute, value: v, source: `rule.device-types.${field}`, detail: `${field} "${value}" ~ /${hit.rule.match}/ (${hit.rule.source})`, confidence: hit.rule.confidence, tsMs });
      }
    }
  }
  return out;
}

function asCategory(v: string | null): DeviceCategory {
  return DEVICE_CATEGORIES.find((c) => c === v) ?? 'unknown';
}

/**
 * Combines evidence into a profile. Deterministic: the same evidence in any order gives the same profile
 * (evidence is sorted, votes use a total order). The returned evidence keeps every piece, winners and losers.
 */
export function classifyDevice(evidence: readonly Evidence[], kb: KnowledgeBase, options: ClassifyOptions): DeviceProfile {
  const threshold = options.threshold ?? FILL_THRESHOLD;
  const sorted = withoutDerived(evidence).sort(compareEvidence);
  let groups = byAttribute(sorted);
  const pick = (attr: EvidenceAttribute, normalise?: (v: string) => string): Vote => vote(groups.get(attr) ?? [], normalise);
  const filled = (v: Vote): string | null => (v.winner !== null && v.confidence >= threshold ? v.winner.value : null);

  // OS first: whether the host shows itself as a computer decides what a PC maker's OUI may say about it.
  groups = byAttribute(votingEvidence(sorted));
  const osNameVote = pick('osName', osNameKey);
  const osName = filled(osNameVote);
  const osVersion = osName === null ? null : filled(vote(towardsSpecific(groups.get('osVersion') ?? [])));
  const osLabelHint = osName === null ? null : filled(pick('osLabel'));
  const lastTs = sorted.reduce((m, e) => Math.max(m, e.tsMs), 0);
  // What a plain computer is used as (workstation, server): it also tells a PC maker's OUI it may name the host.
  const computerRole = computerRoleEvidence(kb, sorted, { name: osName, version: osVersion, label: osLabelHint }, lastTs);
  const itType = filled(vote([...(groups.get('category') ?? []), ...computerRole.filter((e) => e.attribute === 'category')])) === 'it';

  const vendorNorm = (v: string): string => normaliseVendorKey(canonicalVendor(kb, v));
  const hardware = vendorEvidence(kb, withoutServedOnDesktop(groups.get('vendor') ?? [], osName), sorted, { osName, itType });
  const vendorVote = vote(hardware.vote, vendorNorm);
  const vendor = filled(vendorVote) === null ? null : canonicalVendor(kb, filled(vendorVote) ?? '');
  const model = filled(pick('model'));
  const hostnames = (pick('hostname').ranked).filter((c) => c.strength >= 0.5).map((c) => c.value);
  const extra = derived(kb, {
    vendor,
    vendorModel: vendor !== null && model !== null ? `${vendor} ${model}` : null,
    aeTitle: filled(pick('aeTitle')),
    hl7Application: filled(pick('hl7Application')),
  }, lastTs);
  const all = [...sorted, ...computerRole, ...hardware.added, ...extra, ...roleEvidence(kb, sorted, lastTs)].sort(compareEvidence);
  groups = byAttribute(votingEvidence(all, { osName, medicalMaker: vendor !== null && isMedicalMakerName(kb, vendor) }));

  const typeVote = pick('type');
  const type = filled(typeVote);
  let category = asCategory(filled(pick('category')));
  if (category === 'unknown' && type !== null) {
    // A known type implies its category: the first rule naming that type says which.
    const rule = kb.rules['device-types'].find((r) => r.set.type?.toLowerCase() === type.toLowerCase() && r.set.category !== undefined);
    category = asCategory(rule?.set.category ?? null);
  }

  const life = osName === null ? { label: null, endOfLife: null } : lifecycleOf(kb, osName, osVersion, osLabelHint, options.asOf, type);

  const scores = [vendorVote, typeVote, osNameVote].filter((v) => filled(v) !== null).map((v) => v.confidence);
  const mean = scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length;
  const confidence = Math.round(mean * (0.5 + scores.length / 6) * 100) / 100;

  return {
    vendor,
    model,
    type,
    category,
    os: { name: osName, version: osVersion, label: life.label ?? osLabelHint, endOfLife: life.endOfLife },
    firmware: filled(vote(firmwareVoters(groups.get('firmware') ?? [], model !== null))),
    serial: filled(pick('serial')),
    hostnames,
    confidence,
    evidence: all,
  };
}

/**
 * Version evidence that says less counts for the one that says more: "10.0" (a User-Agent) supports "10.0.19045"
 * (NTLMSSP) instead of competing with it. A value is moved only when every longer value it prefixes lies on one line
 * (each a prefix of the longest); "10.0" beside both 10.0.17763 and 10.0.19045 stays as it is.
 */
export function towardsSpecific(evidence: readonly Evidence[]): Evidence[] {
  const values = [...new Set(evidence.map((e) => e.value.trim()))];
  const extends_ = (long: string, short: string): boolean => long.startsWith(`${short}.`);
  const target = new Map<string, string>();
  for (const v of values) {
    const longer = values.filter((w) => extends_(w, v));
    if (longer.length === 0) continue;
    const longest = longer.reduce((a, b) => (b.length > a.length ? b : a));
    if (longer.every((w) => w === longest || extends_(longest, w))) target.set(v, longest);
  }
  if (target.size === 0) return [...evidence];
  return evidence.map((e) => {
    const to = target.get(e.value.trim());
    return to === undefined ? e : { ...e, value: to, detail: `${e.detail} (a less specific form of ${to})` };
  });
}

/** Total order over evidence so that classification never depends on arrival order. */
export function compareEvidence(a: Evidence, b: Evidence): number {
  return cmp(a.attribute, b.attribute) || b.confidence - a.confidence || cmp(a.value, b.value) || cmp(a.source, b.source) || cmp(a.detail, b.detail) || a.tsMs - b.tsMs;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
