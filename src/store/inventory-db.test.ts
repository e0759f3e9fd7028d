/** Opening the store: migrations on fresh and existing files, and clear errors for files that are not ours. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../util/app-error.js';
import { openInventoryDb } from './inventory-db.js';
import { MIGRATIONS } from './sqlite/migrations/index.js';
import { SqliteInventory } from './sqlite/inventory/sqlite-inventory.js';
import { batch, key, obs } from '../inventory/test-support/batch.js';

const dir = mkdtempSync(path.join(tmpdir(), 'wardwatch-db-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function openError(file: string, busyTimeoutMs?: number): Promise<AppError> {
  try {
    await openInventoryDb(file, busyTimeoutMs === undefined ? {} : { busyTimeoutMs });
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the open to fail');
}

describe('openInventoryDb', () => {
  it('creates and migrates a fresh file in WAL mode with foreign keys on', async () => {
    const file = path.join(dir, 'fresh.db');
    const db = await openInventoryDb(file);
    await db.destroy();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT name FROM schema_migrations').all()).toEqual(Object.keys(MIGRATIONS).map((name) => ({ name })));
    const tables = raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all();
    expect(tables.map((t) => (t as { name: string }).name)).toEqual(
      expect.arrayContaining(['devices', 'device_addresses', 'device_evidence', 'attribute_history', 'manual_values', 'device_protocols', 'ingest_runs']),
    );
    raw.close();
  });

  it('reopens an existing store without re-running migrations or losing data', async () => {
    const file = path.join(dir, 'existing.db');
    const first = await SqliteInventory.open(file);
    await first.ingest(batch([obs(key('00:00:5e:00:53:01', '10.0.0.1'), 'vendor', 'Siemens')]));
    await first.close();
    const second = await SqliteInventory.open(file);
    expect((await second.listDevices()).map((d) => d.mac)).toEqual(['00:00:5e:00:53:01']);
    const fk = await second.db.selectFrom('schema_migrations' as never).selectAll().execute();
    expect(fk).toHaveLength(Object.keys(MIGRATIONS).length);
    await second.close();
  });

  it('refuses a SQLite file of another program', async () => {
    const file = path.join(dir, 'other.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    raw.close();
    const err = await openError(file);
    expect(err.code).toBe('not-wardwatch-db');
    expect(err.message).toBe(`${file}: not a wardwatch database (a SQLite file of another program)`);
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'devices'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('refuses a text file', async () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'these are not the bytes you are looking for\n'.repeat(200));
    const err = await openError(file);
    expect(err.code).toBe('not-wardwatch-db');
    expect(err.message).toContain('not a wardwatch database');
  });

  it('refuses a store written by a newer wardwatch', async () => {
    const file = path.join(dir, 'newer.db');
    await (await openInventoryDb(file)).destroy();
    const raw = new Database(file);
    raw.prepare('INSERT INTO schema_migrations (name, timestamp) VALUES (?, ?)').run('0099-future', new Date().toISOString());
    raw.close();
    const err = await openError(file);
    expect(err.code).toBe('db-newer');
    expect(err.message).toContain('0099-future');
  });

  it('says the store is locked when another process holds the write lock', async () => {
    const file = path.join(dir, 'locked.db');
    await (await openInventoryDb(file)).destroy();
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const inv = await SqliteInventory.open(file, { busyTimeoutMs: 50 }).catch((e: unknown) => e);
      // Opening an up-to-date store only reads; the first write meets the lock.
      if (inv instanceof SqliteInventory) {
        const err = await inv.ingest(batch([obs(key('00:00:5e:00:53:02', null), 'vendor', 'x')])).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('db-locked');
        await inv.close();
      } else {
        expect(inv).toBeInstanceOf(AppError);
        expect((inv as AppError).code).toBe('db-locked');
      }
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('says the store is locked when a fresh file is being written by another process', async () => {
    const file = path.join(dir, 'locked-fresh.db');
    const other = new Database(file);
    other.exec('CREATE TABLE IF NOT EXISTS x (a); BEGIN EXCLUSIVE; INSERT INTO x VALUES (1)');
    try {
      const err = await openError(file, 50);
      expect(err.code).toBe('db-locked');
      expect(err.message).toBe(`${file}: database is locked by another process`);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});
