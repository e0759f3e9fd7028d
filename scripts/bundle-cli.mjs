// Bundle the compiled CLI (dist/cli/main.js) into a few chunks in dist/bundle/, so a run loads ~25 files instead of
// ~400 (Kysely alone ships ~280 ES modules): Node 20's ES module loader costs about 0.3 s to resolve and link them,
// on every command. Each top-level command stays its own lazily imported chunk. Packages with native code or worker
// threads stay external and load from node_modules as usual, and so do Fastify and its plugins (they find their own
// files through __dirname, which an ES module bundle has not: the docs UI serves its static assets that way).
// Continuous ingest's worker thread is a second entry, ingest-worker.js beside the chunks: the module starting it
// finds it at ./ingest-worker.js (src/app/live/ingest-thread.ts).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'bundle');
rmSync(outDir, { recursive: true, force: true });
await build({
  input: { main: path.join(root, 'dist', 'cli', 'main.js'), 'ingest-worker': path.join(root, 'dist', 'app', 'live', 'ingest-worker.js') },
  platform: 'node',
  external: [/^better-sqlite3(\/|$)/, /^@node-rs\/argon2(\/|$)/, /^pino(\/|$)/, /^cli-progress(\/|$)/, /^fastify(\/|$)/, /^@fastify\//],
  logLevel: 'warn',
  output: { dir: outDir, format: 'esm', sourcemap: true },
});
