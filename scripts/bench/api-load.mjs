// The API under load (`npm run bench`, or alone: `node scripts/bench/api-load.mjs`): an inventory of N devices made by
// inventory-scale.mjs, served on loopback by the built server (dist/), and autocannon against the device list (a page
// of 100), one device page, the findings list and one finding. Each URL is measured twice: on a quiet database, then
// while an ingest runs (inventory-scale.mjs ingesting the same synthetic site again into the same file from another
// process, restarted until the measuring ends), because the server must answer while analyze writes.
// Prints requests/s and p50/p99 latency; no assertions, no thresholds.
//   --devices N (default 10,000)   --flows F (default 200,000)   --seconds S per URL (default 10)   --connections C (default 10)
//   --dist DIR   another build to measure (default ./dist), so two builds compare on the same machine state
//   --findings-per-device K (default 2; 0 as the bench first ran)   --timeout T seconds a request may take (default 60)
//   --skip-findings-list   leave out the unpaged findings list: when its responses outlast the window, the ones still
//                          being written hold the CPU through the next URL's run and spoil its figures
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const text = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
};
const option = (name, dflt) => Number(text(name, String(dflt)).replace(/[_,]/g, ''));
const DEVICES = option('--devices', 10_000);
const FLOWS = option('--flows', 200_000);
const SECONDS = option('--seconds', 10);
const CONNECTIONS = option('--connections', 10);
const FINDINGS_PER_DEVICE = option('--findings-per-device', 2);
const TIMEOUT = option('--timeout', 60);
const DIST = resolve(text('--dist', join(ROOT, 'dist')));
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function ingestArgs(db) {
  return [join(ROOT, 'scripts', 'bench', 'inventory-scale.mjs'), 'ingest', '--db', db, '--devices', String(DEVICES), '--flows', String(FLOWS), '--dist', DIST];
}

/** Ingest into `db` over and over from a child process until stopped; counts the ingests that finished. */
function ingestLoop(db) {
  let child = null;
  let stopped = false;
  let finished = 0;
  const next = () => {
    if (stopped) return;
    child = spawn(process.execPath, ingestArgs(db), { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => {
      if (code === 0) finished++;
      child = null;
      next();
    });
  };
  next();
  return {
    stop: () => new Promise((done) => {
      stopped = true;
      if (child === null) done(finished);
      else {
        child.once('exit', () => done(finished));
        child.kill('SIGTERM');
      }
    }),
  };
}

/**
 * The synthetic ingest records no findings; a site has some on most devices. Up to two per device (cleartext HL7,
 * TLS 1.0), so the findings list and the scores have real work to do.
 */
async function seedFindings(ws) {
  const ids = (await ws.inventory.listDevicesForExport()).map((d) => d.id);
  const t = Date.parse('2025-03-01T08:00:00.000Z');
  const inputs = ids.flatMap((deviceId, i) => [
    { deviceId, kind: 'cleartext-phi', key: 'hl7', severity: i % 3 === 0 ? 'high' : 'medium', title: 'HL7 in cleartext', detail: 'bench', evidence: ['bench'], firstSeenMs: t, lastSeenMs: t },
    { deviceId, kind: 'weak-tls', key: 'tls1.0', severity: 'low', title: 'TLS 1.0', detail: 'bench', evidence: ['bench'], firstSeenMs: t, lastSeenMs: t },
  ].slice(0, FINDINGS_PER_DEVICE));
  if (inputs.length > 0) await ws.findings.upsert(inputs);
}

async function measure(base, targets) {
  for (const [name, path] of targets) {
    const r = await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: SECONDS, timeout: TIMEOUT });
    const errors = r.non2xx + r.errors + r.timeouts;
    console.log(`  ${name.padEnd(26)} ${fmt(r.requests.average, 1).padStart(8)} req/s   p50 ${fmt(r.latency.p50).padStart(6)} ms   p99 ${fmt(r.latency.p99).padStart(6)} ms${errors > 0 ? `   (${fmt(errors)} errors/non-2xx)` : ''}`);
  }
}

export async function apiLoadSection() {
  const dir = mkdtempSync(join(tmpdir(), 'ww-bench-api-'));
  const db = join(dir, 'inventory.db');
  try {
    console.error(`api: ingesting ${fmt(DEVICES)} devices / ${fmt(FLOWS)} flows …`);
    execFileSync(process.execPath, ingestArgs(db), { stdio: ['ignore', 'ignore', 'inherit'] });
    const { openWorkspace } = await import(pathToFileURL(join(DIST, 'store', 'workspace.js')).href);
    const { buildServer } = await import(pathToFileURL(join(DIST, 'server', 'build-server.js')).href);
    const ws = await openWorkspace(db, { create: false });
    await seedFindings(ws);
    // Every request as a viewer; no rate limit (it would measure the limiter).
    const app = await buildServer(ws, { authenticate: () => Promise.resolve({ user: 'bench', role: 'viewer' }), rateLimit: false });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const page = await (await fetch(`${base}/api/devices?limit=1`)).json();
      const id = page.devices[0]?.id;
      const findings = await (await fetch(`${base}/api/findings`)).json();
      const findingId = findings.findings[0]?.id;
      // A request still running when the time is up is not counted: with requests slower than the window, 0 req/s.
      const targets = [['device list (page of 100)', '/api/devices?limit=100'], ['device page', `/api/devices/${id}`]];
      if (!args.includes('--skip-findings-list')) targets.push(['findings', '/api/findings']);
      if (findingId !== undefined) targets.push(['one finding', `/api/findings/${findingId}`]);
      console.log(`\nAPI under load (autocannon, ${CONNECTIONS} connections, ${SECONDS} s each, loopback) — ${fmt(DEVICES)} devices, ${fmt(findings.findings.length)} findings, ${DIST}`);
      console.log('quiet database:');
      await measure(base, targets);
      console.log('while ingest runs (another process writing the same file):');
      const ingest = ingestLoop(db);
      try {
        await measure(base, targets);
      } finally {
        console.log(`  (${fmt(await ingest.stop())} ingests finished meanwhile)`);
      }
    } finally {
      await app.close();
      await ws.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await apiLoadSection();
