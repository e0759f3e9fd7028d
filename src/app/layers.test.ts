/**
 * The import graph keeps the layers of docs/architecture.md "Folders": the CLI and the server are adapters (no driver,
 * no store implementation; the server never imports the CLI), the application core never reaches up into the CLI, and
 * the lower layers never reach up into the
 * core or the CLI. Source files only: a test may set up whatever it checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..');

/** Database drivers and the query builder: only stores (and the workspace that opens them) may import them. */
const DRIVERS = new Set(['kysely', 'better-sqlite3', 'pg']);
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

/** Each import that breaks a layer rule, as `file -> specifier: why`. `files`: path under src -> text. */
export function layerViolations(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    const layer = top(file);
    for (const spec of specifiers(text)) {
      const t = target(file, spec);
      const say = (why: string): void => { out.push(`${file} -> ${spec}: ${why}`); };
      if (layer === 'cli') {
        if (t.kind === 'package' && DRIVERS.has(t.name)) say('the CLI reaches storage only through src/app');
        if (t.kind === 'src' && (t.rel.split('/').includes('sqlite') || t.rel === 'inventory/db')) {
          // The workspace (src/store) is the one door; the stores behind it are the core's to call.
          say('the CLI imports a store implementation');
        }
      }
      if (layer === 'server') {
        if (t.kind === 'package' && DRIVERS.has(t.name)) say('the server reaches storage only through src/app');
        if (t.kind === 'src' && (t.rel.split('/').includes('sqlite') || t.rel === 'inventory/db')) say('the server imports a store implementation');
        if (t.kind === 'src' && top(t.rel) === 'cli') say('the server imports the CLI');
      }
      if (layer === 'app' && t.kind === 'src' && (top(t.rel) === 'cli' || top(t.rel) === 'server')) say(`the application core imports the ${top(t.rel) === 'cli' ? 'CLI' : 'server'}`);
      if (layer === 'app' && t.kind === 'package' && DRIVERS.has(t.name)) say('the application core reaches storage only through src/store');
      if (LOWER.includes(layer) && t.kind === 'src' && ['app', 'cli', 'server'].includes(top(t.rel))) say(`${layer} imports a higher layer (${top(t.rel)})`);
    }
  }
  return out;
}

function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts') || /\.test\.ts$/.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    if (full.split(path.sep).includes('test-support')) continue;
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
    expect(layerViolations(files)).toEqual([]);
  });

  it('flags a CLI file importing a driver or a store, the core importing the CLI, and a lower layer importing up', () => {
    const bad = new Map([
      ['cli/commands/x.ts', "import { Kysely } from 'kysely';\nimport Database from 'better-sqlite3';\nimport type { Pool } from 'pg';"],
      ['cli/commands/y.ts', "import { SqliteInventory } from '../../inventory/sqlite/sqlite-inventory.js';"],
      ['cli/z.ts', "const m = await import('../inventory/db.js');"],
      ['app/x.ts', "import { printReport } from '../cli/commands/analyze.js';"],
      ['app/y.ts', "import { sql } from 'kysely';"],
      ['findings/x.ts', "import { riskView } from '../app/risk-view.js';"],
      ['decode/dhcp/x.ts', "export { main } from '../../cli/main.js';"],
      ['pipeline/x.ts', "import '../app/analyze.js';"],
      ['server/x.ts', "import Database from 'better-sqlite3';\nimport { sql } from 'kysely';"],
      ['server/routes/y.ts', "import { SqliteFindings } from '../../findings/sqlite/sqlite-findings.js';\nimport { csvCell } from '../../cli/commands/devices.js';"],
      ['app/z.ts', "import { buildServer } from '../server/build-server.js';"],
      ['risk/x.ts', "import { API_ROUTES } from '../server/routes/index.js';"],
    ]);
    expect(layerViolations(bad)).toEqual([
      "cli/commands/x.ts -> kysely: the CLI reaches storage only through src/app",
      "cli/commands/x.ts -> better-sqlite3: the CLI reaches storage only through src/app",
      "cli/commands/x.ts -> pg: the CLI reaches storage only through src/app",
      "cli/commands/y.ts -> ../../inventory/sqlite/sqlite-inventory.js: the CLI imports a store implementation",
      "cli/z.ts -> ../inventory/db.js: the CLI imports a store implementation",
      "app/x.ts -> ../cli/commands/analyze.js: the application core imports the CLI",
      "app/y.ts -> kysely: the application core reaches storage only through src/store",
      "findings/x.ts -> ../app/risk-view.js: findings imports a higher layer (app)",
      "decode/dhcp/x.ts -> ../../cli/main.js: decode imports a higher layer (cli)",
      "pipeline/x.ts -> ../app/analyze.js: pipeline imports a higher layer (app)",
      "server/x.ts -> better-sqlite3: the server reaches storage only through src/app",
      "server/x.ts -> kysely: the server reaches storage only through src/app",
      "server/routes/y.ts -> ../../findings/sqlite/sqlite-findings.js: the server imports a store implementation",
      "server/routes/y.ts -> ../../cli/commands/devices.js: the server imports the CLI",
      "app/z.ts -> ../server/build-server.js: the application core imports the server",
      "risk/x.ts -> ../server/routes/index.js: risk imports a higher layer (server)",
    ]);
  });

  it('lets each layer import what lies below it', () => {
    const fine = new Map([
      ['cli/commands/x.ts', "import { analyzeCaptures } from '../../app/analyze.js';\nimport type { Command } from 'commander';\nimport { openWorkspace } from '../../store/workspace.js';"],
      ['app/x.ts', "import { SqliteInventory } from '../inventory/sqlite/sqlite-inventory.js';\nimport type { Workspace } from '../store/workspace.js';"],
      ['findings/x.ts', "import { classifyDevice } from '../identify/classify.js';"],
      ['server/routes/x.ts', "import { listDevices } from '../../app/devices.js';\nimport Fastify from 'fastify';\nimport type { Workspace } from '../../store/workspace.js';"],
      ['cli/commands/serve.ts', "import { buildServer } from '../../server/build-server.js';"],
    ]);
    expect(layerViolations(fine)).toEqual([]);
  });
});
