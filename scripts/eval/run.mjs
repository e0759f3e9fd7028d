// `npm run eval`: scores wardwatch on seven independently written scenario families, side by side, per attribute,
// per finding kind and for the inventory itself (hosts that should not be devices): development (the scenario of
// generate-scenario.mjs, with its site file), held-out (heldout/, a second hospital no rule was written against, no
// site file), and five families each written by a stranger to the rules, each with other makers and another network
// shape: third (a routed campus), fourth (802.1Q VLANs on a trunk SPAN), fifth (a flat /23 with a NATed satellite
// clinic), sixth (an IPv6-mostly dual-stack VLAN with NAT64), seventh (a statically addressed clinic, no DHCP).
// `--family development|heldout|third|fourth|fifth|sixth|seventh` limits the run to one family; `--lovo` instead runs
// leave-one-vendor-out (lovo.mjs).
// Figures only: exit 1 only when generating or ingesting fails.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFamily } from './family.mjs';
import { formatFindingsScore } from './score-findings.mjs';
import { ATTRIBUTES, truthVendorMatcher, vendorNormaliser } from './score.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

export const FAMILIES = [
  { key: 'development', label: 'development', generator: join(here, 'generate-scenario.mjs'), dir: join(root, '.eval'), site: join(root, '.eval', 'site.json'), sameVendor: vendorNormaliser(root) },
  { key: 'heldout', label: 'held-out', generator: join(here, 'heldout', 'generate.mjs'), dir: join(root, '.eval', 'heldout'), site: null, sameVendor: truthVendorMatcher() },
  { key: 'third', label: 'third', generator: join(here, 'third', 'generate.mjs'), dir: join(root, '.eval', 'third'), site: null, sameVendor: truthVendorMatcher() },
  { key: 'fourth', label: 'fourth', generator: join(here, 'fourth', 'generate.mjs'), dir: join(root, '.eval', 'fourth'), site: null, sameVendor: truthVendorMatcher() },
  { key: 'fifth', label: 'fifth', generator: join(here, 'fifth', 'generate.mjs'), dir: join(root, '.eval', 'fifth'), site: null, sameVendor: truthVendorMatcher() },
  { key: 'sixth', label: 'sixth', generator: join(here, 'sixth', 'generate.mjs'), dir: join(root, '.eval', 'sixth'), site: null, sameVendor: truthVendorMatcher() },
  { key: 'seventh', label: 'seventh', generator: join(here, 'seventh', 'generate.mjs'), dir: join(root, '.eval', 'seventh'), site: null, sameVendor: truthVendorMatcher() },
];

const pct = (x) => (x === null || x === undefined ? '   n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);
const n = (v, w) => String(v).padStart(w);

function identRow(f, attr) {
  const r = f.rows.find((x) => x.attr === attr);
  const unscored = f.unscored.filter((u) => u.attr === attr).length;
  const answered = r.correct + r.extra + r.wrong + unscored;
  return `${n(answered, 8)} ${n(r.correct + r.extra, 7)} ${n(r.wrong, 5)} ${n(r.unknown, 7)}  ${pct(r.precision)}  ${pct(r.recall)}`;
}

function report(fams) {
  console.log(`\nwardwatch eval: ${fams.length === 1 ? 'one scenario family' : `${fams.length} scenario families`} (precision = right / (right + wrong) over devices whose true value is known;`);
  console.log('coverage = right among knowable / knowable; unknown = knowable but not answered; answered counts every answer given)\n');
  for (const f of fams) {
    console.log(`${f.label.padEnd(11)}: ${f.truth.devices.length} devices in ground truth, ${f.inventory.length} in the inventory, ${f.missing.length} not found, ${f.spurious.length} not in the ground truth, ${f.mustNot.length} hosts that must not be devices, ${f.merged.length} folding several true devices; analyze ${f.seconds.toFixed(1)} s; site file ${f.siteUsed ? 'yes' : 'none'}; EOL as of ${f.truth.eolAsOf}${f.note ? `; ${f.note}` : ''}`);
  }
  const head = 'answered correct wrong unknown  precision coverage';
  console.log(`\nattribute    | ${fams.map((f) => f.label.padEnd(head.length)).join(' | ')}`);
  console.log(`             | ${fams.map(() => head).join(' | ')}`);
  for (const attr of ATTRIBUTES) console.log(`${attr.padEnd(12)} | ${fams.map((f) => identRow(f, attr)).join(' | ')}`);

  console.log('\nfindings (precision = correct / (correct + wrong); recall = expected found / expected; maybes found are not scored)');
  const fh = 'expected found correct wrong missed  precision recall';
  console.log(`kind                   | ${fams.map((f) => f.label.padEnd(fh.length)).join(' | ')}`);
  console.log(`                       | ${fams.map(() => fh).join(' | ')}`);
  const kinds = [...new Set(fams.flatMap((f) => (f.fscore?.rows ?? []).map((r) => r.kind)))];
  const cell = (f, kind) => {
    const r = kind === 'all kinds' ? f.fscore?.total : f.fscore?.rows.find((x) => x.kind === kind);
    if (!r) return `${'(no findings listed)'.padEnd(fh.length)}`;
    return `${n(r.expected, 8)} ${n(r.found, 5)} ${n(r.correct, 7)} ${n(r.wrong, 5)} ${n(r.missed, 6)}  ${pct(r.precision)}  ${pct(r.recall)}`;
  };
  for (const k of [...kinds, 'all kinds']) {
    const quiet = fams.every((f) => { const r = f.fscore?.rows.find((x) => x.kind === k); return r === undefined || (r.expected === 0 && r.found === 0); });
    if (!quiet || k === 'all kinds') console.log(`${k.padEnd(22)} | ${fams.map((f) => cell(f, k)).join(' | ')}`);
  }
  for (const f of fams) console.log(`advisories (${f.label}): ${f.advisories}`);
}

function details(f) {
  const show = (v) => (v === null ? '-' : String(v));
  console.log(`\n==== ${f.label}: details`);
  if (f.missing.length > 0) console.log(`not in the inventory: ${f.missing.join(', ')}`);
  if (f.mustNot.length > 0) console.log(`hosts that must not be devices, in the inventory: ${f.mustNot.join('; ')}`);
  if (f.merged.length > 0) console.log(`one inventory device for several true devices: ${f.merged.join('; ')}`);
  if (f.spurious.length > 0) console.log(`inventory devices not in the ground truth (${f.spurious.length}): ${f.spurious.join(', ')}`);
  console.log(`wrong answers (${f.wrongs.length}):`);
  for (const attr of ATTRIBUTES) {
    for (const w of f.wrongs.filter((x) => x.attr === attr)) console.log(`  ${w.device.padEnd(16)} ${attr.padEnd(9)} expected ${JSON.stringify(show(w.expected))}, got ${JSON.stringify(show(w.got))}${w.knowable ? '' : '  (not knowable from the wire)'}`);
  }
  console.log(`knowable but unknown (${f.unknowns.length}):`);
  for (const attr of ATTRIBUTES) {
    const u = f.unknowns.filter((x) => x.attr === attr);
    if (u.length > 0) console.log(`  ${attr}: ${u.map((x) => `${x.device} (${show(x.expected)})`).join(', ')}`);
  }
  if (f.fscore) for (const line of formatFindingsScore(f.fscore).filter((l, i, all) => i > all.findIndex((x) => x.startsWith('false positives')) - 1)) console.log(line);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `--family seventh` (or sixth, fifth, fourth, third, heldout, development) limits the run, or leave-one-vendor-out, to one family.
  const only = process.argv[process.argv.indexOf('--family') + 1];
  const chosen = process.argv.includes('--family') ? FAMILIES.filter((f) => f.key === only) : FAMILIES;
  if (chosen.length === 0) {
    console.error(`error: unknown family ${JSON.stringify(only)}; one of ${FAMILIES.map((f) => f.key).join(', ')}`);
    process.exit(1);
  }
  if (process.argv.includes('--lovo')) {
    const { runLovo } = await import('./lovo.mjs');
    try {
      await runLovo(root, chosen);
    } catch (err) {
      console.error(`error: ${err.message}`);
      process.exit(1);
    }
  } else {
    let fams;
    try {
      fams = chosen.map((f) => runFamily(root, f));
    } catch (err) {
      console.error(`error: ${err.message}`);
      process.exit(1);
    }
    report(fams);
    for (const f of fams) details(f);
  }
}
