/**
 * Writers take turns on one SQLite file (store/workspace.ts, src/store/sqlite/nested-transactions.ts): the two-writers
 * suite (test-support/two-writers.ts) on SQLite files. src/store/conformance/postgres-writers.test.ts runs it on
 * PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { twoWritersSuite } from './test-support/two-writers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-writers-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

twoWritersSuite('two writers on one database', (name) => path.join(dir, `${name}.db`));
