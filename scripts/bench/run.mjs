// `npm run bench`: wardwatch's packet path against tcpdump (the copy floor) and tshark on one synthetic
// capture, then wardwatch alone on a 10x larger one to show its memory does not grow with input size.
// Prints figures only: no assertions, no thresholds.
//   --packets N   size of the main capture (default 2,000,000; the large one is 10x that)
//   --seed S      generator seed (default 1)
//   --no-records  skip the record-level comparison (all decoders on; see RECORD_RUNS), which runs by default
//   --skip-large  do not generate or run the 10x capture
//   --skip-inventory  skip the inventory section (10,000 devices / 1,000,000 flows through the collector, then
//                 `devices --format json` on them, on SQLite and on a throwaway PostgreSQL cluster when its server
//                 binaries are installed); --inventory-only runs that section alone (no capture needed)
//   --inventory-devices N, --inventory-flows F  its size (default 10,000 and 1,000,000)
//   --skip-api    skip the API under load; --api-only runs it alone (api-load.mjs: 10,000 devices, autocannon on the device list, a device, findings)
//   --skip-console  skip the web console; --console-only runs it alone (console.mjs: 10,000 devices in headless chromium,
//                 inventory load + render and filter times)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCapture } from './generate.mjs';
import { failureLine, hasCommand, measure, rssMethod, warmCache } from './measure.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WARDWATCH = join(ROOT, 'bin', 'wardwatch.js');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1].replace(/[_,]/g, '')) : dflt;
};
const packets = option('--packets', 2_000_000);
const seed = option('--seed', 1);

/** The main comparison: one line each, all over the same file. */
const BASE_RUNS = [
  { name: 'wardwatch flows', cmd: process.execPath, args: (f) => [WARDWATCH, 'flows', f] },
  { name: 'tcpdump -r -w /dev/null', cmd: 'tcpdump', args: (f) => ['-r', f, '-w', '/dev/null'] },
  { name: 'tshark -z conv,tcp', cmd: 'tshark', args: (f) => ['-r', f, '-q', '-z', 'conv,tcp'] },
];

/**
 * HOOK: extra runs of the record-level comparison with every decoder on. Add a line
 * here for each further decoder-level comparison (e.g. a Zeek run) and it is measured and printed
 * like the base runs.
 */
const RECORD_FIELDS = [
  'frame.time_epoch', 'ip.src', 'ip.dst', 'ipv6.src', 'ipv6.dst', 'tcp.srcport', 'tcp.dstport', 'udp.srcport', 'udp.dstport',
  'dicom.assoc.ae.calling', 'dicom.assoc.ae.called', 'dicom.userinfo.uid', 'hl7.message.type', 'http.request.method',
  'http.host', 'http.user_agent', 'http.server', 'dns.qry.name', 'dhcp.option.hostname', 'dhcp.option.vendor_class_id',
  'snmp.community', 'smb2.dialect', 'syslog.msg',
];
const RECORD_RUNS = [
  { name: 'wardwatch records', cmd: process.execPath, args: (f) => [WARDWATCH, 'records', f] },
  { name: 'tshark -T fields (decoders)', cmd: 'tshark', args: (f) => ['-r', f, '-d', 'tcp.port==11112,dicom', '-T', 'fields', ...RECORD_FIELDS.flatMap((e) => ['-e', e])] },
];

const log = (m) => console.error(m);
const fmt = (n, digits = 0) => (n === null || n === undefined || !Number.isFinite(n) ? '-' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

function row(cells, widths) {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
}

const WIDTHS = [30, 9, 12, 9, 12, 0];
function printTable(title, results) {
  console.log(`\n${title}`);
  console.log(row(['run', 'wall s', 'packets/s', 'MB/s', 'max RSS MB', 'status'], WIDTHS));
  for (const r of results) {
    const ok = r.result.ok;
    console.log(row([
      r.name, fmt(r.result.wallSec, 2), ok ? fmt(r.packets / r.result.wallSec) : '-', ok ? fmt(r.bytes / 1e6 / r.result.wallSec, 1) : '-',
      r.result.maxRssKb === null ? '-' : fmt(r.result.maxRssKb / 1024, 1), ok ? 'ok' : `FAILED (exit ${r.result.code ?? '?'}): ${failureLine(r.result)}`,
    ], WIDTHS));
  }
}

async function runAll(runs, capture, method) {
  const out = [];
  for (const run of runs) {
    if (!hasCommand(run.cmd)) {
      out.push({ ...run, packets: capture.meta.packets, bytes: capture.meta.bytes, result: { ok: false, code: null, wallSec: NaN, maxRssKb: null, stderrTail: `${run.cmd} not installed` } });
      continue;
    }
    log(`running ${run.name} …`);
    const result = await measure(run.cmd, run.args(capture.path), { method, cwd: ROOT });
    out.push({ ...run, packets: capture.meta.packets, bytes: capture.meta.bytes, result });
  }
  return out;
}

function describeCapture(c) {
  const how = c.reused ? 'reused' : `generated in ${fmt(c.meta.seconds, 1)} s`;
  return `${relative(ROOT, c.path)}: ${fmt(c.meta.packets)} packets, ${fmt(c.meta.bytes / 1e6)} MB (${how})`;
}

function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN;
}

/**
 * The collector ingests N devices / F flows into a fresh SQLite file (measured from outside: wall,
 * max RSS; the child reports its CPU, its time inside the store and its query count), then the whole CLI
 * `wardwatch devices --format json` runs three times on that file; then the same on a fresh PostgreSQL database of a
 * throwaway local cluster (src/test-support/postgres.ts, built by `npm run build:tools`), over its unix socket.
 */
async function inventorySection(method) {
  const devices = option('--inventory-devices', 10_000);
  const flows = option('--inventory-flows', 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'ww-bench-inventory-'));
  try {
    console.log(`
inventory — ${fmt(devices)} devices, ${fmt(flows)} flows`);
    await inventoryLines(method, 'SQLite', join(dir, 'inventory.db'), { devices, flows, dir });
    const cluster = await startBenchPostgres();
    if (typeof cluster === 'string') {
      console.log(`PostgreSQL: not run (${cluster})`);
      return;
    }
    try {
      await inventoryLines(method, 'PostgreSQL', cluster.createDatabase(), { devices, flows, dir });
    } finally {
      cluster.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The throwaway cluster of the tests, or why it cannot start here. */
async function startBenchPostgres() {
  const file = join(ROOT, 'build', 'tools', 'test-support', 'postgres.js');
  if (!existsSync(file)) return 'build/tools/test-support/postgres.js is missing: run `npm run build:tools`';
  const { postgresGate, startPostgres } = await import(file);
  if (postgresGate.skip) return postgresGate.reason;
  try {
    return startPostgres();
  } catch (err) {
    return `the cluster did not start: ${err.message.split('\n')[0]}`;
  }
}

/** One dialect's lines: the ingest through the collector, then `devices --format json` three times. */
async function inventoryLines(method, dialect, db, { devices, flows, dir }) {
  const out = join(dir, `figures-${dialect}.json`);
  log(`inventory on ${dialect}: ingesting ${fmt(devices)} devices / ${fmt(flows)} flows …`);
  const script = join(ROOT, 'scripts', 'bench', 'inventory-scale.mjs');
  const ingest = await measure(process.execPath, [script, 'ingest', '--db', db, '--devices', String(devices), '--flows', String(flows), '--out', out], { method, cwd: ROOT });
  if (!ingest.ok) {
    console.log(`${dialect} ingest FAILED (exit ${ingest.code ?? '?'}): ${failureLine(ingest)}`);
    return;
  }
  const f = JSON.parse(readFileSync(out, 'utf8'));
  const rss = ingest.maxRssKb === null ? '-' : `${fmt(ingest.maxRssKb / 1024, 1)} MB`;
  console.log(`${dialect} ingest through the collector: ${fmt(ingest.wallSec, 1)} s wall, ${fmt(f.cpuSec, 1)} s CPU, max RSS ${rss}`);
  console.log(`  in the store: ${fmt(f.storeSec, 1)} s wall, ${fmt(f.storeCpuSec, 1)} s CPU, ${fmt(f.queries)} SQL statements (${fmt(f.queries / devices, 1)} per device); re-classification at finish ${fmt(f.finishSec, 1)} s; database ${fmt(f.dbMb, 1)} MB`);
  const lists = [];
  for (let run = 0; run < 3; run++) lists.push(await measure(process.execPath, [WARDWATCH, 'devices', '--db', db, '--format', 'json'], { method, cwd: ROOT }));
  const ok = lists.filter((r) => r.ok);
  if (ok.length === 0) {
    console.log(`${dialect} devices --format json FAILED: ${failureLine(lists[0])}`);
    return;
  }
  const walls = ok.map((r) => fmt(r.wallSec, 2)).join(', ');
  const best = Math.min(...ok.map((r) => r.wallSec));
  const maxRss = Math.max(...ok.map((r) => r.maxRssKb ?? 0));
  console.log(`${dialect} wardwatch devices --format json (whole CLI): best ${fmt(best, 2)} s wall (runs: ${walls}), max RSS ${maxRss > 0 ? `${fmt(maxRss / 1024, 1)} MB` : '-'}`);
}

const method = rssMethod();
if (flag('--api-only')) {
  await (await import('./api-load.mjs')).apiLoadSection();
  process.exit(0);
}
if (flag('--console-only')) {
  await (await import('./console.mjs')).consoleSection();
  process.exit(0);
}
if (flag('--inventory-only')) {
  console.log(`wardwatch bench — inventory only; max RSS measured with ${method ?? 'nothing'}; machine load ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
  await inventorySection(method);
  process.exit(0);
}
const main = ensureCapture({ packets, seed, log });
if (main.skipped) {
  console.log(`cannot generate the ${fmt(packets)}-packet capture: ${main.skipped}`);
  if (!flag('--skip-inventory')) await inventorySection(method);
  process.exit(0);
}
log('warming the page cache …');
await warmCache(main.path);
console.log(`wardwatch bench — ${describeCapture(main)}`);
console.log(`max RSS measured with ${method ?? 'nothing (install Debian package "time" or python3)'}; page cache warm; one run each; machine load ${(await import('node:os')).loadavg()[0].toFixed(1)}`);

const base = await runAll(BASE_RUNS, main, method);
printTable('packet path', base);
const [ww, tcpdump, tshark] = base.map((r) => (r.result.ok ? r.result.wallSec : NaN));
console.log(`\nwardwatch vs tshark, packets/s: ${fmt(ratio(tshark, ww), 2)}x`);
console.log(`tcpdump time / wardwatch time: ${fmt(ratio(tcpdump, ww), 3)} (wardwatch takes ${fmt(ratio(ww, tcpdump), 1)}x the copy floor)`);

if (!flag('--no-records')) {
  printTable('records (all decoders on)', await runAll(RECORD_RUNS, main, method));
}

if (!flag('--skip-large')) {
  const bytesPerPacket = main.meta.bytes / main.meta.packets;
  const large = ensureCapture({ packets: packets * 10, seed, bytesPerPacket, log });
  if (large.skipped) {
    console.log(`\n10x capture not run: the disk cannot hold it (${large.skipped})`);
  } else {
    console.log(`\n10x capture — ${describeCapture(large)} (not pre-warmed: larger than a fair page cache)`);
    const [big] = await runAll([BASE_RUNS[0]], large, method);
    const small = base[0];
    printTable('wardwatch flows, 1x vs 10x', [{ ...small, name: `wardwatch flows (${fmt(packets)})` }, { ...big, name: `wardwatch flows (${fmt(packets * 10)})` }]);
    if (small.result.maxRssKb && big.result.maxRssKb) console.log(`max RSS 10x / 1x: ${fmt(big.result.maxRssKb / small.result.maxRssKb, 2)}`);
  }
}

if (!flag('--skip-inventory')) await inventorySection(method);
if (!flag('--skip-api')) await (await import('./api-load.mjs')).apiLoadSection();
if (!flag('--skip-console')) await (await import('./console.mjs')).consoleSection();
