/**
 * What could not be matched and why: devices without advisories (no vendor, no model, vendor unknown to
 * the advisories, product not named, version outside) and advisories without devices (vendor or product absent).
 */
import type { DeviceJson } from '../inventory/types.js';
import { canonicalVendor, vendorCandidates } from './match/name-match.js';
import type { IndexedProduct } from './match/product-index.js';
import type { MatchOutcome } from './match/match-query.js';
import { vendorKey, type AliasTables } from './normalise/aliases.js';
import type { ProductQuery } from './types.js';

const MAX_NAMES = 4;

export interface UnmatchedReport {
  devices: { deviceId: string; name: string; reasons: string[] }[];
  advisories: { advisoryId: string; reason: string }[];
}

export function deviceName(d: DeviceJson): string {
  return d.hostnames[0] ?? d.ips[0] ?? d.mac ?? d.id;
}

function listNames(names: readonly string[]): string {
  const unique = [...new Set(names)];
  return unique.length <= MAX_NAMES ? unique.map((n) => `"${n}"`).join(', ') : `${unique.slice(0, MAX_NAMES).map((n) => `"${n}"`).join(', ')} and ${unique.length - MAX_NAMES} more`;
}

/** Reasons for one device; [] when it matched with a known version. */
export function deviceReasons(d: DeviceJson, q: ProductQuery, outcome: MatchOutcome | null): string[] {
  const name = `device ${deviceName(d)}`;
  if (q.vendor === null) return [`${name}: vendor unknown — no advisory vendor to compare`];
  if (q.product === null) return [`${name}: vendor ${q.vendor} model unknown — no product to compare`];
  if (outcome === null) return [];
  if (outcome.matches.length > 0) {
    return q.version === null && outcome.matches.some((m) => m.versionUnknown)
      ? [`${name}: ${q.vendor} ${q.product} matched, but its software version is unknown, so the matches are unconfirmed`]
      : [];
  }
  if (outcome.vendorProducts === 0) return [`${name}: no imported advisory names vendor ${q.vendor}`];
  const head = `${name}: ${q.vendor} "${q.product}"${q.version === null ? '' : ` ${q.version}`} is none of the ${outcome.vendorProducts} products the ${q.vendor} advisories name`;
  return outcome.misses.length === 0 ? [head] : [`${name}: ${q.vendor} "${q.product}" ${q.version ?? ''} matches by name only:`.replace(/ +:/, ':'), ...outcome.misses.map((m) => `  ${m}`)];
}

/** Advisories no device matched: is the vendor absent, or only the products? */
export function advisoryReasons(matched: ReadonlySet<string>, products: readonly IndexedProduct[], devices: readonly DeviceJson[], tables: AliasTables): UnmatchedReport['advisories'] {
  const byAdvisory = new Map<string, IndexedProduct[]>();
  for (const p of products) byAdvisory.set(p.advisoryId, [...(byAdvisory.get(p.advisoryId) ?? []), p]);
  const deviceVendors = new Map<string, DeviceJson[]>();
  for (const d of devices) {
    if (d.vendor === null) continue;
    const key = vendorKey(canonicalVendor(d.vendor, tables));
    deviceVendors.set(key, [...(deviceVendors.get(key) ?? []), d]);
  }
  const out: UnmatchedReport['advisories'] = [];
  for (const [advisoryId, ps] of [...byAdvisory].sort(([a], [b]) => a.localeCompare(b))) {
    if (matched.has(advisoryId)) continue;
    const vendorNames = [...new Set(ps.map((p) => p.vendor))];
    const sameVendor = [...new Set(ps.flatMap((p) => [...p.vendorKeys]))].flatMap((k) => deviceVendors.get(k) ?? []);
    if (sameVendor.length === 0) {
      const canon = [...new Set(ps.flatMap((p) => [...vendorCandidates(p.vendor, tables).values()]))];
      out.push({ advisoryId, reason: `${advisoryId}: no device of vendor ${listNames(vendorNames)}${canon.some((c) => !vendorNames.includes(c)) ? ` (${listNames(canon)})` : ''} in the inventory` });
      continue;
    }
    const models = sameVendor.map((d) => d.model).filter((m): m is string => m !== null);
    const products = ps.map((p) => p.product);
    out.push({
      advisoryId,
      reason: models.length === 0
        ? `${advisoryId}: ${sameVendor.length} device(s) of vendor ${listNames(vendorNames)}, none with a known model (advisory products ${listNames(products)})`
        : `${advisoryId}: ${sameVendor.length} device(s) of vendor ${listNames(vendorNames)} (models ${listNames(models)}), none of them ${listNames(products)} in an affected version`,
    });
  }
  return out;
}
