// `npm run eval`: generates the eval scenario, ingests it with wardwatch into a fresh .eval/eval.db (with the
// scenario's site file), lists the devices as JSON and prints precision and recall per attribute plus every wrong
// answer; then imports the corpus advisories (CISA ICSMA CSAF, KEV) and scores the findings per kind
// (score-findings.mjs). Figures only: it never fails on a low score (exit 1 only when ingest itself fails).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFindingsScore, scoreFindings } from './score-findings.mjs';
import { ATTRIBUTES, match, score, vendorNormaliser } from './score.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, '.eval');
const db = join(dir, 'eval.db');
const site = join(dir, 'site.json');
const cli = join(root, 'bin', 'wardwatch.js');
const corpus = join(root, '..', 'shared', 'corpus');
const advisorySources = [join(corpus, 'csaf_icsma'), join(corpus, 'kev_nvd', 'known_exploited_vulnerabilities.json')].filter((f) => existsSync(f));

function run(args, capture = false) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit' });
  if (r.status !== 0) {
    console.error(`error: node ${args.join(' ')} exited ${r.status}`);
    process.exit(1);
  }
  return r.stdout;
}

/** A step the findings score needs but the identification score does not: its failure is reported, not fatal. */
function tryRun(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  return { ok: r.status === 0, stdout: r.stdout ?? '', why: (r.stderr ?? '').trim().split('\n').filter((l) => l.startsWith('error')).slice(-1)[0] ?? `exit ${r.status}` };
}

run([join(root, 'scripts', 'eval', 'generate-scenario.mjs'), dir]);
for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
const t0 = Date.now();
// The site file names the biomed management network, which exposed-management findings are judged against.
const withSite = tryRun([cli, 'analyze', join(dir, 'scenario.pcap'), '--db', db, '--site', site]);
if (!withSite.ok) {
  console.log(`analyze --site failed (${withSite.why}); ingesting without the site file`);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  run([cli, 'analyze', join(dir, 'scenario.pcap'), '--db', db], true);
}
const seconds = (Date.now() - t0) / 1000;
const inventory = JSON.parse(run([cli, 'devices', '--db', db, '--format', 'json'], true)).devices;
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

// ---- findings: known vulnerabilities come from the corpus advisories, matched against the inventory
console.log('\nfindings (precision = correct / (correct + wrong); recall = expected ones found / expected; "bonus" = true but not shown by the wire, not scored)');
const imported = advisorySources.length === 0 ? { ok: false, why: 'no corpus advisories in ../shared/corpus' } : tryRun([cli, 'advisories', 'import', ...advisorySources, '--db', db]);
const summary = imported.stdout.split('\n').filter((l) => /^(imported|assessed)/.test(l));
console.log(`advisories: ${summary.length > 0 ? summary.join('; ') : 'none imported'}${imported.ok ? '' : ` (${imported.why}; known-vulnerability findings may be missing)`}`);
const listed = tryRun([cli, 'findings', '--db', db, '--format', 'json', '--all']);
let findings = null;
try {
  findings = listed.ok ? JSON.parse(listed.stdout).findings : null;
} catch {
  findings = null;
}
if (!Array.isArray(findings)) console.log(`findings: not available (${listed.ok ? 'unexpected output' : listed.why})`);
else {
  console.log(`${findings.length} findings\n`);
  for (const line of formatFindingsScore(scoreFindings(pairs, inventory, findings, truth.otherHosts ?? []))) console.log(line);
}
