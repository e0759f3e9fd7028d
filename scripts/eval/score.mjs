// Scores wardwatch's inventory against the eval ground truth: per attribute correct / wrong / unknown, precision
// (correct / (correct + wrong)) and recall (correct among knowable / knowable). Vendors are compared after alias
// normalisation (data/vendor-aliases.json), OS by family, end of life as a boolean.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ATTRIBUTES = ['vendor', 'category', 'type', 'osFamily', 'endOfLife'];

/** Lower-case, punctuation and company suffixes gone: "HOLOGIC, Inc." -> "hologic". */
export function squash(s) {
  return s.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\b(inc|corp|corporation|co|ltd|llc|ag|kk|gmbh|s a|sa|the|company|and)\b/g, ' ').replace(/\s+/g, ' ').trim();
}

export function vendorNormaliser(root) {
  const aliases = JSON.parse(readFileSync(join(root, 'data', 'vendor-aliases.json'), 'utf8')).entries;
  const canon = new Map();
  for (const e of aliases) for (const a of [e.canonical, ...e.aliases]) canon.set(squash(a), squash(e.canonical));
  const norm = (v) => canon.get(squash(v)) ?? squash(v);
  /** Same maker: equal after aliases, or one name is the other plus words ("philips" / "philips patient monitoring"). */
  return (a, b) => {
    const x = norm(a);
    const y = norm(b);
    return x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `);
  };
}

/**
 * The held-out family's comparison: the truth's own vendor, its aliases and the other right answers (`vendorAlso`),
 * independent of wardwatch's alias file; one name may be the other plus words ("abbott" / "abbott diagnostics").
 */
export function truthVendorMatcher() {
  return (want, got, t) => {
    const y = squash(got);
    return [want, ...(t?.vendorAliases ?? []), ...(t?.vendorAlso ?? [])].some((n) => {
      const x = squash(n);
      return x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `);
    });
  };
}

/** Types compared as plain names: case, British/American spelling and a plural aside. */
export function sameType(want, got) {
  const n = (s) => String(s).toLowerCase().replace(/analyser/g, 'analyzer').replace(/s$/, '').trim();
  return n(want) === n(got);
}

/** OS family from whatever name/label wardwatch reports. */
export function osFamily(name) {
  if (name === null || name === undefined || name === '') return null;
  const s = name.toLowerCase();
  if (/windows ce|wince|windows embedded compact/.test(s)) return 'Windows CE';
  if (s.startsWith('windows')) return 'Windows';
  if (/nx-os/.test(s)) return 'Cisco NX-OS';
  // Apple's iOS / iPadOS are spelt with a small i; Cisco's IOS (IOS XE) is upper case or follows "Cisco". Lower-casing
  // first read "iOS" as Cisco IOS.
  if (/\bi(Pad)?OS\b/.test(name)) return 'iOS';
  if (/\bIOS\b/.test(name) || /\bcisco ios\b|ios-xe|ios xe/.test(s)) return 'Cisco IOS';
  if (/junos/.test(s)) return 'Junos';
  if (/arubaos|aos-cx/.test(s)) return 'ArubaOS';
  if (/android/.test(s)) return 'Android';
  if (/linux|ubuntu|debian|red hat|centos|yocto/.test(s)) return 'Linux';
  if (/mac ?os|os x/.test(s)) return 'macOS';
  if (/vxworks/.test(s)) return 'VxWorks';
  if (/qnx/.test(s)) return 'QNX';
  return name;
}

/** What wardwatch said for one attribute of a device, in ground-truth terms (null: it did not say). */
export function answer(dev, attr) {
  if (dev === undefined) return null;
  if (attr === 'vendor') return dev.vendor ?? null;
  if (attr === 'category') return dev.category === 'unknown' ? null : dev.category ?? null;
  if (attr === 'type') return dev.type ?? null;
  if (attr === 'osFamily') return osFamily(dev.os?.name ?? null);
  const eol = dev.os?.endOfLife;
  return typeof eol === 'boolean' ? eol : null;
}

/** Ground-truth devices matched to inventory devices by MAC, else by IP. */
export function match(truth, inventory) {
  const byMac = new Map(inventory.filter((d) => d.mac).map((d) => [d.mac.toLowerCase(), d]));
  // A device seen only behind a router has no MAC of its own in the truth (null): it is found by address.
  const byIp = new Map();
  for (const d of inventory) for (const ip of d.ips ?? []) if (!byIp.has(ip)) byIp.set(ip, d);
  return truth.map((t) => ({ truth: t, dev: byMac.get(t.mac) ?? byIp.get(t.ip) }));
}

export function score(pairs, sameVendor) {
  const rows = [];
  const wrongs = [];
  const unscored = [];
  const unknowns = [];
  for (const attr of ATTRIBUTES) {
    const r = { attr, knowable: 0, correct: 0, wrong: 0, unknown: 0, extra: 0 };
    for (const { truth, dev } of pairs) {
      const want = truth[attr];
      const got = answer(dev, attr);
      const knowable = truth.knowable[attr];
      if (knowable) r.knowable++;
      if (want === null) {
        // Nobody can check an answer here (e.g. the OS of a pump): listed, not scored.
        if (got !== null) unscored.push({ device: truth.name, attr, got });
        continue;
      }
      if (got === null) {
        if (knowable) {
          r.unknown++;
          unknowns.push({ device: truth.name, attr, expected: want });
        }
        continue;
      }
      const ok = attr === 'vendor' ? sameVendor(want, got, truth) : attr === 'type' ? [want, ...(truth.typeAlso ?? [])].some((x) => sameType(x, got)) : want === got;
      if (ok) {
        if (knowable) r.correct++;
        else r.extra++;
      } else {
        r.wrong++;
        wrongs.push({ device: truth.name, mac: truth.mac, attr, expected: want, got, knowable });
      }
    }
    const answeredRight = r.correct + r.extra;
    r.precision = answeredRight + r.wrong === 0 ? null : answeredRight / (answeredRight + r.wrong);
    r.recall = r.knowable === 0 ? null : r.correct / r.knowable;
    rows.push(r);
  }
  return { rows, wrongs, unscored, unknowns };
}
