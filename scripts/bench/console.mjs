// The web console at hospital scale (`npm run bench`, or alone: `node scripts/bench/console.mjs`): an inventory of N
// devices made by inventory-scale.mjs, served by the built server (dist/, the console from dist/web/), and Debian's
// chromium (playwright-core, headless; never a downloaded browser) opening the inventory page. Prints how long the
// whole inventory takes to load and render, then how long each filter takes from the keystroke to the grid showing
// its result (median of several runs), and a jump to the last row. No assertions, no thresholds.
//   --devices N (default 10,000)   --flows F (default 20,000)   --runs R per filter (default 5)
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const args = process.argv.slice(2);
const option = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1].replace(/[_,]/g, '')) : dflt;
};
const DEVICES = option('--devices', 10_000);
const FLOWS = option('--flows', 20_000);
const RUNS = option('--runs', 5);
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '-');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function hasChromium() {
  try {
    accessSync(CHROMIUM, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds from `act` until the grid's row count reads `expected` ("N of M devices"), measured in the page. */
async function timeUntilCount(page, act, expected) {
  await page.evaluate((want) => {
    window.__benchDone = new Promise((resolveDone, rejectDone) => {
      const status = () => document.querySelector('.inventory .count')?.textContent ?? '';
      const timer = setTimeout(() => { observer.disconnect(); rejectDone(new Error(`the grid never showed /${want}/; it shows "${status()}"`)); }, 120_000);
      const check = () => {
        if (new RegExp(want).test(status()) && document.querySelector('tbody tr[role=row]') !== null) {
          observer.disconnect();
          clearTimeout(timer);
          // The grid has rendered once the next frame is painted.
          requestAnimationFrame(() => { resolveDone(performance.now()); });
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }, expected.source);
  const start = await page.evaluate(() => performance.now());
  await act();
  const end = await page.evaluate(() => window.__benchDone);
  return end - start;
}

export async function consoleSection() {
  if (!hasChromium()) {
    console.log(`\nweb console: not measured (${CHROMIUM} missing; Debian package chromium)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'ww-bench-console-'));
  const db = join(dir, 'inventory.db');
  let browser = null;
  let app = null;
  let ws = null;
  try {
    console.error(`console: ingesting ${fmt(DEVICES)} devices / ${fmt(FLOWS)} flows …`);
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'bench', 'inventory-scale.mjs'), 'ingest', '--db', db, '--devices', String(DEVICES), '--flows', String(FLOWS)], { stdio: ['ignore', 'ignore', 'inherit'] });
    const { openWorkspace } = await import(pathToFileURL(join(ROOT, 'dist', 'store', 'workspace.js')).href);
    const { buildServer } = await import(pathToFileURL(join(ROOT, 'dist', 'server', 'build-server.js')).href);
    ws = await openWorkspace(db, { create: false });
    // Every request as a viewer, no rate limit: this measures the console, not login or the limiter.
    app = await buildServer(ws, { authenticate: () => Promise.resolve({ user: 'bench', role: 'viewer' }), rateLimit: false });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const profile = join(dir, 'profile');
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1400, height: 900 } });
    // The session the console asks for (login contract: GET /api/me); the injected authenticator stands behind it.
    await browser.route('**/api/me', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ user: 'bench', role: 'viewer', csrfToken: null, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }) }));
    const page = browser.pages()[0] ?? await browser.newPage();
    // Everything loaded and nothing filtered (the synthetic site has its router besides the N devices).
    const total = /^([\d,]+) of \1 devices$/;

    await page.goto(`${base}/`);
    await page.waitForSelector('h1');
    const loads = [];
    for (let run = 0; run < Math.max(1, Math.min(RUNS, 3)); run++) {
      // A fresh load each time: the Refresh button drops the cached inventory and reads every page again.
      await page.goto(`${base}/inventory`);
      await page.waitForSelector('.inventory .count');
      loads.push(await timeUntilCount(page, () => page.getByRole('button', { name: 'Refresh' }).click(), total));
    }
    const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? NaN);

    const sample = await page.locator('tbody tr[role=row]').first().locator('td').nth(4).textContent();
    const filters = [
      { name: `search "${sample}" (vendor text)`, act: () => page.getByPlaceholder(/Search name/).fill(sample ?? 'a') },
      { name: 'column filter Category / zone', act: () => page.getByRole('combobox', { name: 'Filter Category / zone' }).selectOption({ index: 1 }) },
      { name: 'column filter IP contains "10."', act: () => page.getByRole('textbox', { name: 'Filter IP' }).fill('10.') },
    ];
    // A filtered count: the shown number differs from the total (an unrelated re-render must not stop the clock).
    const anyFiltered = /^([\d,]+) of (?!\1 devices)[\d,]+ devices$/;
    const rows = [];
    for (const f of filters) {
      const times = [];
      for (let run = 0; run < RUNS; run++) {
        await page.getByRole('button', { name: 'Clear filters' }).click().catch(() => undefined);
        await page.waitForFunction((want) => new RegExp(want).test(document.querySelector('.inventory .count')?.textContent ?? ''), total.source);
        times.push(await timeUntilCount(page, f.act, anyFiltered));
        const shown = await page.locator('.inventory .count').textContent();
        if (run === 0) f.shown = shown;
      }
      rows.push({ name: f.name, ms: median(times), shown: f.shown });
    }
    await page.getByRole('button', { name: 'Clear filters' }).click().catch(() => undefined);
    await page.getByRole('grid', { name: 'Devices' }).focus();
    const endStart = await page.evaluate(() => performance.now());
    await page.keyboard.press('End');
    const listed = Number((await page.locator('.inventory .count').textContent())?.split(' ')[0]?.replace(/,/g, ''));
    await page.waitForSelector(`#device-row-${listed - 1}`);
    const endMs = (await page.evaluate(() => performance.now())) - endStart;

    console.log(`\nweb console in headless chromium — ${fmt(listed)} devices (inventory page, loopback, ${RUNS} runs per filter, median; machine load ${loadavg()[0].toFixed(1)})`);
    console.log(`load every page of the inventory and render the grid: ${loads.map((t) => `${fmt(t)} ms`).join(', ')}; JS heap after ${Number.isFinite(heap) ? `${fmt(heap / 1e6, 1)} MB` : '-'}`);
    for (const r of rows) console.log(`${r.name.padEnd(40)} ${fmt(r.ms, 1).padStart(8)} ms  (${r.shown})`);
    console.log(`${'keyboard End to the last row'.padEnd(40)} ${fmt(endMs, 1).padStart(8)} ms`);
  } finally {
    await browser?.close();
    await app?.close();
    await ws?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await consoleSection();
