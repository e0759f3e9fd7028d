/**
 * A writer killed (SIGKILL) in the middle of its transaction leaves nothing half-written and does not block the next
 * writer, on both dialects: SQLite drops the dead process's lock and uncommitted WAL frames; PostgreSQL rolls the
 * transaction back and frees its advisory locks when the connection drops. The killed writer is another process
 * holding the write lock the stores take (BEGIN IMMEDIATE; the writer advisory lock), with one finding written.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteFindings } from '../sqlite/findings/sqlite-findings.js';
import { openInventoryDb } from '../inventory-db.js';
import { parseDbLocation } from '../db-location.js';
import { WRITER_LOCK_KEY } from '../postgres/writer-lock-dialect.js';
import { STORE_DIALECTS, useDialect } from './dialects.js';
import { seedDevices, SEEN_AT } from './seed-devices.js';

const T0 = Date.parse(SEEN_AT);
const KILL_AFTER_MS = 1000;
const HALF_WRITTEN = `INSERT INTO findings (id, device_id, kind, key, severity, title, detail, first_seen, last_seen)
  VALUES ('f-killed', 'dev-1', 'eol-os', 'killed', 'low', 't', 'd', '${SEEN_AT}', '${SEEN_AT}')`;

/** A process that takes the write lock, writes one finding, says "held" and waits (idle in its transaction). */
function holdWriteLock(location: string): ChildProcess {
  const where = parseDbLocation(location);
  if (where.dialect === 'sqlite') {
    const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.exec('BEGIN IMMEDIATE');
      db.exec(process.argv[2]); console.log('held'); setInterval(() => {}, 1000);`;
    return spawn(process.execPath, ['-e', script, where.file, HALF_WRITTEN], { stdio: ['ignore', 'pipe', 'inherit'] });
  }
  const psql = spawn('/usr/lib/postgresql/15/bin/psql', [where.url, '-qAt', '-v', 'ON_ERROR_STOP=1'], { stdio: ['pipe', 'pipe', 'inherit'] });
  // stdin stays open after these lines: the session sits idle in its transaction, holding the lock, until killed.
  psql.stdin.write(`BEGIN;\nSELECT pg_advisory_xact_lock(${WRITER_LOCK_KEY.toString()});\n${HALF_WRITTEN};\nSELECT 'held';\n`);
  return psql;
}

function untilHeld(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('held')) resolve();
    });
    child.on('exit', (code) => { reject(new Error(`lock holder exited (${String(code)}) before holding the lock`)); });
  });
}

for (const d of STORE_DIALECTS) {
  describe.skipIf(d.gate.skip)(`a writer killed mid-transaction on ${d.name}`, () => {
    useDialect(d);
    let child: ChildProcess | null = null;
    afterEach(() => { child?.kill('SIGKILL'); });

    it('blocks the next writer while alive; once killed, its write is gone and the next writer commits', async () => {
      const location = d.newDatabase();
      const db = await openInventoryDb(location);
      await seedDevices(db, ['dev-1']);
      await db.destroy();
      child = holdWriteLock(location);
      await untilHeld(child);
      const store = await SqliteFindings.open(location);
      try {
        // The kill comes from another process: better-sqlite3 waits for a lock synchronously, holding this thread.
        const pid = child.pid ?? 0;
        spawn('sh', ['-c', `sleep ${KILL_AFTER_MS / 1000}; kill -9 ${String(pid)}`], { stdio: 'ignore' });
        const started = performance.now();
        expect(await store.upsert([{ deviceId: 'dev-1', kind: 'eol-os', key: 'after', severity: 'low', title: 't', detail: 'd', evidence: [], firstSeenMs: T0, lastSeenMs: T0 }], T0))
          .toEqual({ created: 1, updated: 0 });
        // It waited for the lock holder, not failed, and went on once the holder was gone.
        expect(performance.now() - started).toBeGreaterThan(KILL_AFTER_MS * 0.8);
        expect((await store.list({}, T0)).map((f) => f.key)).toEqual(['after']);
        const check = await openInventoryDb(location);
        const n = await sql<{ n: number }>`SELECT count(*) AS n FROM findings WHERE id = 'f-killed'`.execute(check);
        await check.destroy();
        expect(n.rows[0]?.n).toBe(0);
      } finally {
        await store.close();
      }
    });
  });
}
