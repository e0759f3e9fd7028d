/** Migration 0013 (site ids) on a file written before it: rows join the site 'default', identity goes on as before. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteInventory } from '../inventory/sqlite-inventory.js';
import { batch, key, obs } from '../../../inventory/test-support/batch.js';
import { MIGRATIONS } from './index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-mig13-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const BEFORE = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0013'));
const T = '2025-03-01T08:00:00.000Z';

async function databaseAt0012(file: string): Promise<void> {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file) }) });
  const migrator = new Migrator({
    db, provider: { getMigrations: () => Promise.resolve(BEFORE) }, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock',
  });
  const { error } = await migrator.migrateToLatest();
  await db.destroy();
  if (error !== undefined) throw error instanceof Error ? error : new Error('migration to 0012 failed');
}

describe('migration 0013 (site ids)', () => {
  it('puts existing rows in the default site; the same MAC and IP then resolve to the same device', async () => {
    const file = path.join(dir, 'old.db');
    await databaseAt0012(file);
    const raw = new Database(file);
    raw.prepare('INSERT INTO devices (id, mac, first_seen, last_seen) VALUES (?, ?, ?, ?)').run('old-device', '00:00:5e:00:53:01', T, T);
    raw.prepare("INSERT INTO device_addresses (device_id, kind, value, first_seen, last_seen) VALUES ('old-device', 'ip', '10.0.0.1', ?, ?)").run(T, T);
    raw.close();

    const inv = await SqliteInventory.open(file);
    try {
      expect(await inv.db.selectFrom('devices').select(['id', 'site_id']).execute()).toEqual([{ id: 'old-device', site_id: 'default' }]);
      const r = await inv.ingest(batch([obs(key('00:00:5e:00:53:01', '10.0.0.1'), 'vendor', 'Baxter')]));
      expect([...r.deviceIds.values()]).toEqual(['old-device']);
      expect(r.devicesCreated).toBe(0);
      // Another site with the same addresses is another device.
      const other = await inv.ingest({ ...batch([obs(key('00:00:5e:00:53:01', '10.0.0.1'), 'vendor', 'Baxter')]), siteId: 'annex' });
      expect(other.devicesCreated).toBe(1);
    } finally {
      await inv.close();
    }
  });
});
