// Leave-one-vendor-out (`npm run eval -- --lovo`): for each vendor present in a family, wardwatch re-reads the family's
// capture with every knowledge entry naming that vendor (or an alias) removed (strip-knowledge.mjs, through
// WARDWATCH_DATA_DIR), and that vendor's devices are scored: what stays correct, what falls back to unknown, and what
// turns WRONG — which must be 0: without its knowledge a device should be unknown or get a correct generic answer.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ingest, node } from './family.mjs';
import { ATTRIBUTES, answer, match, score } from './score.mjs';
import { dataWithout } from './strip-knowledge.mjs';

/** Per attribute: right, unknown (truth known, no answer) and wrong, over `pairs`. */
function tally(pairs, sameVendor) {
  const { rows, wrongs } = score(pairs, sameVendor);
  const out = {};
  for (const r of rows) {
    const known = pairs.filter((p) => p.truth[r.attr] !== null);
    const answered = known.filter((p) => answer(p.dev, r.attr) !== null).length;
    out[r.attr] = { right: r.correct + r.extra, wrong: r.wrong, unknown: known.length - answered };
  }
  return { out, wrongs };
}

export async function runLovo(root, families) {
  const t0 = Date.now();
  const dataDir = join(root, 'data');
  const allWrongs = [];
  const lines = [];
  let failures = 0;
  const cell = (x) => `${x.right}/${x.unknown}/${x.wrong}`.padStart(9);
  for (const fam of families) {
    const gen = node(root, [fam.generator, fam.dir]);
    if (!gen.ok) throw new Error(`${fam.label}: generator failed: ${gen.why}`);
    const truth = JSON.parse(readFileSync(join(fam.dir, 'ground-truth.json'), 'utf8'));
    const pcap = join(fam.dir, 'scenario.pcap');
    const db = join(fam.dir, 'lovo.db');
    const site = fam.site ?? null;
    const base = match(truth.devices, ingest(root, pcap, db, { site }).inventory);
    const vendors = [...new Set(truth.devices.map((d) => d.vendor).filter((v) => v !== null))].sort();
    for (const vendor of vendors) {
      const own = truth.devices.filter((d) => d.vendor === vendor);
      const names = [vendor, ...own.flatMap((d) => d.vendorAliases ?? [])];
      const stripped = dataWithout(dataDir, names);
      let inventory;
      try {
        inventory = ingest(root, pcap, db, { site, env: { WARDWATCH_DATA_DIR: stripped.dir } }).inventory;
      } catch (err) {
        // Knowledge that no longer loads once an entry is gone is itself a finding: reported, and the next vendor runs.
        lines.push(`${fam.label.padEnd(11)} ${vendor.slice(0, 26).padEnd(26)} ${String(own.length).padStart(3)} ${String(stripped.removed).padStart(5)}  ingest failed: ${err.message}`);
        failures++;
        continue;
      } finally {
        rmSync(stripped.dir, { recursive: true, force: true });
      }
      const pairs = match(own, inventory);
      const before = tally(base.filter((p) => p.truth.vendor === vendor), fam.sameVendor).out;
      const { out, wrongs } = tally(pairs, fam.sameVendor);
      const wrong = ATTRIBUTES.reduce((a, k) => a + out[k].wrong, 0);
      const newly = wrongs.filter((w) => !tally(base.filter((p) => p.truth.name === w.device), fam.sameVendor).wrongs.some((b) => b.attr === w.attr));
      for (const w of wrongs) allWrongs.push({ family: fam.label, vendor, ...w, alreadyWrong: !newly.includes(w) });
      lines.push(`${fam.label.padEnd(11)} ${vendor.slice(0, 26).padEnd(26)} ${String(own.length).padStart(3)} ${String(stripped.removed).padStart(5)}  ${ATTRIBUTES.map((a) => `${cell(out[a])} (${String(before[a].right).padStart(2)})`).join(' ')}  ${wrong === 0 ? '' : `WRONG ${wrong}`}`);
    }
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  }
  console.log('\nleave-one-vendor-out: each vendor\'s knowledge removed from a copy of data/ (oui.json\'s IEEE entries kept), its devices re-identified');
  console.log('cells: right/unknown/wrong without the vendor\'s knowledge (right with all knowledge in brackets); wrong must be 0\n');
  console.log(`family      vendor                     dev  rm'd  ${ATTRIBUTES.map((a) => a.padEnd(14)).join(' ')}`);
  for (const l of lines) console.log(l);
  const total = allWrongs.length;
  console.log(`\nwrong answers without the vendor's knowledge: ${total} (${allWrongs.filter((w) => !w.alreadyWrong).length} not wrong with it); vendors whose stripped knowledge failed to ingest: ${failures}`);
  for (const w of allWrongs) console.log(`  ${w.family.padEnd(11)} ${w.device.padEnd(16)} ${w.attr.padEnd(9)} expected ${JSON.stringify(w.expected)}, got ${JSON.stringify(w.got)}${w.alreadyWrong ? '  (wrong with all knowledge too)' : ''}`);
  console.log(`\nleave-one-vendor-out took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
