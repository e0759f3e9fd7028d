// `npm run eval`: generates the eval scenario, ingests it with wardwatch into a fresh .eval/eval.db, lists the
// devices as JSON and prints precision and recall per attribute plus every wrong answer. Figures only: it never
// fails on a low score (exit 1 only when a step itself fails).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ATTRIBUTES, match, score, vendorNormaliser } from './score.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, '.eval');
const db = join(dir, 'eval.db');

function run(args, capture = false) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit' });
  if (r.status !== 0) {
    console.error(`error: node ${args.join(' ')} exited ${r.status}`);
    process.exit(1);
  }
  return r.stdout;
}

run([join(root, 'scripts', 'eval', 'generate-scenario.mjs'), dir]);
for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
const t0 = Date.now();
run([join(root, 'bin', 'wardwatch.js'), 'analyze', join(dir, 'scenario.pcap'), '--db', db], true);
const seconds = (Date.now() - t0) / 1000;
const inventory = JSON.parse(run([join(root, 'bin', 'wardwatch.js'), 'devices', '--db', db, '--format', 'json'], true)).devices;
const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'));

const pairs = match(truth.devices, inventory);
const missing = pairs.filter((p) => p.dev === undefined).map((p) => p.truth.name);
const { rows, wrongs, unscored, unknowns } = score(pairs, vendorNormaliser(root));

const pct = (x) => (x === null ? '   n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);
console.log(`\nwardwatch eval: ${truth.devices.length} devices in ground truth, ${inventory.length} in the inventory, ${missing.length} not found; analyze took ${seconds.toFixed(1)} s; EOL as of ${truth.eolAsOf}`);
console.log('precision = correct / (correct + wrong), over every device whose true value is known; recall = correct / knowable');
console.log('"unknown" = knowable but wardwatch said nothing; "bonus" = right on an attribute the wire does not really show\n');
console.log('attribute   knowable  correct  bonus  wrong  unknown  precision  recall');
for (const r of rows) {
  console.log(`${r.attr.padEnd(11)} ${String(r.knowable).padStart(8)} ${String(r.correct).padStart(8)} ${String(r.extra).padStart(6)} ${String(r.wrong).padStart(6)} ${String(r.unknown).padStart(8)}     ${pct(r.precision)}  ${pct(r.recall)}`);
}
if (missing.length > 0) console.log(`\nnot in the inventory: ${missing.join(', ')}`);
console.log(`\nwrong answers (${wrongs.length}):`);
const show = (v) => (v === null ? '-' : String(v));
for (const attr of ATTRIBUTES) {
  for (const w of wrongs.filter((x) => x.attr === attr)) {
    console.log(`  ${w.device.padEnd(14)} ${w.mac}  ${attr.padEnd(9)} expected ${JSON.stringify(show(w.expected))}, got ${JSON.stringify(show(w.got))}${w.knowable ? '' : '  (not knowable from the wire)'}`);
  }
}
console.log(`\nknowable but unknown (${unknowns.length}), by attribute:`);
for (const attr of ATTRIBUTES) {
  const u = unknowns.filter((x) => x.attr === attr);
  if (u.length > 0) console.log(`  ${attr}: ${u.map((x) => `${x.device} (${show(x.expected)})`).join(', ')}`);
}
if (unscored.length > 0) {
  console.log(`\nanswers nobody can check (true value unknown), ${unscored.length}:`);
  for (const u of unscored) console.log(`  ${u.device.padEnd(14)} ${u.attr.padEnd(9)} ${JSON.stringify(u.got)}`);
}
