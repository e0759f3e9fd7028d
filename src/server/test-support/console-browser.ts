/**
 * Test support for the web console: the built CLI's `wardwatch serve` over a database made from the sample capture,
 * with users created through the app; Debian's chromium driven by playwright-core (never a
 * downloaded browser); axe-core run on a page; and a check that a screenshot is not blank.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { addUser } from '../../app/user-admin.js';
import type { Role } from '../../auth/roles.js';
import { binPath } from '../../cli/test-support/run-cli.js';
import { openWorkspace } from '../../store/workspace.js';
import { sampleDb } from './server-fixture.js';

export const CHROMIUM = '/usr/bin/chromium';

/** The flags the project runs chromium with: headless, no sandbox (containers), nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export interface ConsoleUser {
  name: string;
  role: Role;
  password: string;
}

export interface ConsoleServer {
  base: string;
  dir: string;
  users: Record<Role, ConsoleUser>;
  stop(): Promise<void>;
}

const PASSWORD = 'ward-Watch-console-test-2026!';
const ORIGIN = { actor: { kind: 'system', name: 'console-test', role: null }, from: null } as const;

async function seedUsers(db: string): Promise<ConsoleServer['users']> {
  const ws = await openWorkspace(db, { create: false });
  try {
    const out: Partial<ConsoleServer['users']> = {};
    for (const [name, role] of [['ana', 'analyst'], ['vic', 'viewer'], ['adam', 'admin']] as const) {
      await addUser(ws, { name, role, password: PASSWORD }, ORIGIN);
      out[role] = { name, role, password: PASSWORD };
    }
    return out as ConsoleServer['users'];
  } finally {
    await ws.close();
  }
}

function waitForAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => { reject(new Error(`serve did not start: ${err}`)); }, 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
      const m = /serving (https?:\/\/[^/\s]+)\//.exec(err);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${String(code)}: ${err}`));
    });
  });
}

/** `wardwatch serve` (the built CLI, as a user runs it) on a free loopback port over a copy of the sample database. */
export async function startConsoleServer(): Promise<ConsoleServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ww-console-'));
  const db = sampleDb(dir);
  const users = await seedUsers(db);
  const child = spawn(process.execPath, [binPath, 'serve', '--db', db, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const base = await waitForAddress(child);
  return {
    base, dir, users,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** console errors and uncaught exceptions seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** Chromium with a fresh profile; console errors collected except the 401 the login contract gives GET /api/me before login. */
export async function launchConsoleBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'ww-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1400, height: 900 }, acceptDownloads: true,
  });
  const page = context.pages()[0] ?? await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (/\/api\/me$/.test(m.location().url) && m.text().includes('401')) return;
    errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => { errors.push(`uncaught: ${e.message}`); });
  return {
    context, page, errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is (WCAG 2.x A and AA rules and best practices). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the console's CSP (script-src 'self') rightly refuses an injected <script>.
  await page.evaluate(axeSource);
  // Browser-side code as text: this file is compiled without the DOM library.
  const violations = await page.evaluate<{ id: string; impact: string | null; targets: string[] }[]>(`(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  })()`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact ?? '?'}): ${v.targets.join(' ')}`);
}

/**
 * How many distinct colours a screenshot has, decoded by the browser itself on a blank page (the console's CSP
 * allows no data: images, and the repository has no PNG decoder). A blank or failed page has one or two.
 */
export async function distinctColours(context: BrowserContext, png: Buffer): Promise<number> {
  const scratch = await context.newPage();
  try {
    await scratch.goto('about:blank');
    return await scratch.evaluate<number>(`(async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0);
      const data = g.getImageData(0, 0, img.width, img.height).data;
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return seen.size;
    })(${JSON.stringify(png.toString('base64'))})`);
  } finally {
    await scratch.close();
  }
}
