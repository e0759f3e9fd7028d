/**
 * The import graph keeps the layers of docs/architecture.md §1: only src/store imports a database driver or the query
 * builder (tests and test-support included: they reach a database through src/store's helpers); outside src/store,
 * product code reaches storage only through the workspace and the store interfaces; the CLI and the server are
 * adapters (the server never imports the CLI), the application core never reaches up into the CLI, and the lower
 * layers never reach up into the core or the CLI. Apart from the driver rule a test may set up whatever it checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..');

/** Database drivers and the query builder: only src/store may import them. */
const DRIVERS = new Set(['kysely', 'better-sqlite3', 'pg']);
/** The doors into src/store for code outside it: the workspace that opens the stores, and their interfaces. */
const STORE_DOORS = new Set(['store/workspace', 'store/interfaces']);
/** This file: its examples of bad imports are data, not imports. */
const SELF = 'app/layers.test.ts';
/** Layers below the application core (docs/architecture.md "The flow of data"). */
const LOWER = ['capture', 'decode', 'identify', 'inventory', 'findings', 'risk', 'segmentation', 'advisories', 'pipeline'];

/** `from '…'`, `import '…'`, `import('…')`: every module a file names, as written. */
export function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) if (m[1] !== undefined) out.push(m[1]);
  return out;
}

/** The module a specifier names: a path under src (no extension), or a package name. */
function target(file: string, spec: string): { kind: 'src'; rel: string } | { kind: 'package'; name: string } {
  if (!spec.startsWith('.')) {
    const parts = spec.split('/');
    const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] ?? spec;
    return { kind: 'package', name };
  }
  const abs = path.resolve(path.dirname(path.join(SRC, file)), spec);
  return { kind: 'src', rel: path.relative(SRC, abs).replace(/\.js$/, '').split(path.sep).join('/') };
}

const top = (rel: string): string => rel.split('/')[0] ?? '';

/** Tests and their helpers: held to the driver rule only. */
const isTooling = (file: string): boolean => /\.test\.ts$/.test(file) || file.split('/').includes('test-support');

/** Each import that breaks a layer rule, as `file -> specifier: why`. `files`: path under src -> text. */
export function layerViolations(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    if (file === SELF) continue;
    const layer = top(file);
    for (const spec of specifiers(text)) {
      const t = target(file, spec);
      const say = (why: string): void => { out.push(`${file} -> ${spec}: ${why}`); };
      if (layer !== 'store' && t.kind === 'package' && DRIVERS.has(t.name)) say('only src/store imports a database driver or the query builder');
      if (isTooling(file)) continue;
      if (layer !== 'store' && t.kind === 'src' && top(t.rel) === 'store' && !STORE_DOORS.has(t.rel)) {
        say('outside src/store, storage is reached through store/workspace and store/interfaces');
      }
      if (layer === 'cli') {
        if (t.kind === 'src' && t.rel.split('/').includes('sqlite')) {
          // The workspace (src/store) is the one door; the stores behind it are the core's to call.
          say('the CLI imports a store implementation');
        }
      }
      if (layer === 'server') {
        if (t.kind === 'src' && t.rel.split('/').includes('sqlite')) say('the server imports a store implementation');
        if (t.kind === 'src' && top(t.rel) === 'cli') say('the server imports the CLI');
      }
      if (layer === 'app' && t.kind === 'src' && (top(t.rel) === 'cli' || top(t.rel) === 'server')) say(`the application core imports the ${top(t.rel) === 'cli' ? 'CLI' : 'server'}`);
      if (LOWER.includes(layer) && t.kind === 'src' && ['app', 'cli', 'server'].includes(top(t.rel))) say(`${layer} imports a higher layer (${top(t.rel)})`);
    }
  }
  return out;
}

/** Every TypeScript file under src, tests and test-support included (layerViolations knows which rules they keep). */
function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(SRC, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
  }
  return files;
}

describe('the import graph', () => {
  it('keeps every layer rule in the source tree', () => {
    const files = sourceFiles();
    // The walk must really see the layers it checks.
    expect([...files.keys()].filter((f) => f.startsWith('cli/')).length).toBeGreaterThan(10);
    expect([...files.keys()].filter((f) => f.startsWith('app/')).length).toBeGreaterThan(5);
    expect([...files.keys()].filter((f) => f.startsWith('server/')).length).toBeGreaterThan(5);
    expect([...files.keys()].filter((f) => isTooling(f) && !f.startsWith('store/')).length).toBeGreaterThan(100);
    // ...and the drivers it keeps out really are imported, inside src/store.
    const storeDrivers = [...files].filter(([f, text]) => f.startsWith('store/') && specifiers(text).some((s) => DRIVERS.has(s)));
    expect(storeDrivers.length).toBeGreaterThan(20);
    expect(layerViolations(files)).toEqual([]);
  });

  it('flags a driver outside src/store (tests too), a store file reached past the doors, the core importing the CLI, a lower layer importing up', () => {
    const bad = new Map([
      ['cli/commands/x.ts', "import { Kysely } from 'kysely';\nimport Database from 'better-sqlite3';\nimport type { Pool } from 'pg';"],
      ['cli/commands/y.ts', "import { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';"],
      ['cli/z.ts', "const m = await import('../store/inventory-db.js');"],
      ['inventory/cmms/x.ts', "import type { Kysely } from 'kysely';"],
      ['risk/controls/y.ts', "import { SupportStore } from '../../store/risk/support-store.js';"],
      ['findings/x.test.ts', "import Database from 'better-sqlite3';"],
      ['segmentation/test-support/x.ts', "import type { PoolClient } from 'pg/lib/client';"],
      ['app/x.ts', "import { printReport } from '../cli/commands/analyze.js';"],
      ['app/y.ts', "import { sql } from 'kysely';"],
      ['findings/x.ts', "import { riskView } from '../app/risk-view.js';"],
      ['decode/dhcp/x.ts', "export { main } from '../../cli/main.js';"],
      ['pipeline/x.ts', "import '../app/analyze.js';"],
      ['server/x.ts', "import Database from 'better-sqlite3';\nimport { sql } from 'kysely';"],
      ['server/routes/y.ts', "import { SqliteFindings } from '../../store/sqlite/findings/sqlite-findings.js';\nimport { csvCell } from '../../cli/commands/devices.js';"],
      ['app/z.ts', "import { buildServer } from '../server/build-server.js';"],
      ['risk/x.ts', "import { API_ROUTES } from '../server/routes/index.js';"],
    ]);
    expect(layerViolations(bad)).toEqual([
      "cli/commands/x.ts -> kysely: only src/store imports a database driver or the query builder",
      "cli/commands/x.ts -> better-sqlite3: only src/store imports a database driver or the query builder",
      "cli/commands/x.ts -> pg: only src/store imports a database driver or the query builder",
      "cli/commands/y.ts -> ../../store/sqlite/inventory/sqlite-inventory.js: outside src/store, storage is reached through store/workspace and store/interfaces",
      "cli/commands/y.ts -> ../../store/sqlite/inventory/sqlite-inventory.js: the CLI imports a store implementation",
      "cli/z.ts -> ../store/inventory-db.js: outside src/store, storage is reached through store/workspace and store/interfaces",
      "inventory/cmms/x.ts -> kysely: only src/store imports a database driver or the query builder",
      "risk/controls/y.ts -> ../../store/risk/support-store.js: outside src/store, storage is reached through store/workspace and store/interfaces",
      "findings/x.test.ts -> better-sqlite3: only src/store imports a database driver or the query builder",
      "segmentation/test-support/x.ts -> pg/lib/client: only src/store imports a database driver or the query builder",
      "app/x.ts -> ../cli/commands/analyze.js: the application core imports the CLI",
      "app/y.ts -> kysely: only src/store imports a database driver or the query builder",
      "findings/x.ts -> ../app/risk-view.js: findings imports a higher layer (app)",
      "decode/dhcp/x.ts -> ../../cli/main.js: decode imports a higher layer (cli)",
      "pipeline/x.ts -> ../app/analyze.js: pipeline imports a higher layer (app)",
      "server/x.ts -> better-sqlite3: only src/store imports a database driver or the query builder",
      "server/x.ts -> kysely: only src/store imports a database driver or the query builder",
      "server/routes/y.ts -> ../../store/sqlite/findings/sqlite-findings.js: outside src/store, storage is reached through store/workspace and store/interfaces",
      "server/routes/y.ts -> ../../store/sqlite/findings/sqlite-findings.js: the server imports a store implementation",
      "server/routes/y.ts -> ../../cli/commands/devices.js: the server imports the CLI",
      "app/z.ts -> ../server/build-server.js: the application core imports the server",
      "risk/x.ts -> ../server/routes/index.js: risk imports a higher layer (server)",
    ]);
  });

  it('lets each layer import what lies below it', () => {
    const fine = new Map([
      ['cli/commands/x.ts', "import { analyzeCaptures } from '../../app/analyze.js';\nimport type { Command } from 'commander';\nimport { openWorkspace } from '../../store/workspace.js';"],
      ['app/x.ts', "import type { AttributeChange } from '../store/interfaces.js';\nimport type { Workspace } from '../store/workspace.js';"],
      ['store/sqlite/x.ts', "import Database from 'better-sqlite3';\nimport { sql, type Kysely } from 'kysely';\nimport { serviceKey } from '../../segmentation/baseline.js';"],
      ['store/postgres/x.ts', "import pg from 'pg';"],
      ['inventory/x.test.ts', "import { SqliteInventory } from '../store/sqlite/inventory/sqlite-inventory.js';"],
      ['risk/controls/x.ts', "import type { Support } from '../../store/interfaces.js';"],
      ['app/layers.test.ts', "import { sql } from 'kysely';"],
      ['findings/x.ts', "import { classifyDevice } from '../identify/classify.js';"],
      ['server/routes/x.ts', "import { listDevices } from '../../app/devices.js';\nimport Fastify from 'fastify';\nimport type { Workspace } from '../../store/workspace.js';"],
      ['cli/commands/serve.ts', "import { buildServer } from '../../server/build-server.js';"],
    ]);
    expect(layerViolations(fine)).toEqual([]);
  });
});
