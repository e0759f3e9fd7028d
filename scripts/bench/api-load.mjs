// The API under load (`npm run bench`, or alone: `node scripts/bench/api-load.mjs`): an inventory of N devices made by
// inventory-scale.mjs, served on loopback by the built server (dist/), and autocannon against the device list (a page
// of 100), one device page and the findings list. Prints requests/s and p50/p99 latency; no assertions, no thresholds.
// Ingest does not run meanwhile (continuous ingest is not part of `serve` yet).
//   --devices N (default 10,000)   --flows F (default 200,000)   --seconds S per URL (default 10)   --connections C (default 10)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1].replace(/[_,]/g, '')) : dflt;
};
const DEVICES = option('--devices', 10_000);
const FLOWS = option('--flows', 200_000);
const SECONDS = option('--seconds', 10);
const CONNECTIONS = option('--connections', 10);
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export async function apiLoadSection() {
  const dir = mkdtempSync(join(tmpdir(), 'ww-bench-api-'));
  const db = join(dir, 'inventory.db');
  try {
    console.error(`api: ingesting ${fmt(DEVICES)} devices / ${fmt(FLOWS)} flows …`);
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'bench', 'inventory-scale.mjs'), 'ingest', '--db', db, '--devices', String(DEVICES), '--flows', String(FLOWS)], { stdio: ['ignore', 'ignore', 'inherit'] });
    const { openWorkspace } = await import(pathToFileURL(join(ROOT, 'dist', 'store', 'workspace.js')).href);
    const { buildServer } = await import(pathToFileURL(join(ROOT, 'dist', 'server', 'build-server.js')).href);
    const ws = await openWorkspace(db, { create: false });
    // Every request as a viewer; no rate limit (it would measure the limiter).
    const app = await buildServer(ws, { authenticate: () => Promise.resolve({ user: 'bench', role: 'viewer' }), rateLimit: false });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const page = await (await fetch(`${base}/api/devices?limit=1`)).json();
      const id = page.devices[0]?.id;
      console.log(`\nAPI under load (autocannon, ${CONNECTIONS} connections, ${SECONDS} s each, loopback) — ${fmt(DEVICES)} devices`);
      for (const [name, path] of [['device list (page of 100)', '/api/devices?limit=100'], ['device page', `/api/devices/${id}`], ['findings', '/api/findings']]) {
        const r = await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: SECONDS });
        const errors = r.non2xx + r.errors + r.timeouts;
        console.log(`${name.padEnd(28)} ${fmt(r.requests.average, 1).padStart(8)} req/s   p50 ${fmt(r.latency.p50).padStart(6)} ms   p99 ${fmt(r.latency.p99).padStart(6)} ms${errors > 0 ? `   (${fmt(errors)} errors/non-2xx)` : ''}`);
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
