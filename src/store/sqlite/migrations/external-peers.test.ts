/**
 * Migration 0012 on a database written before it: the router's OUI (and what classification derived from it) leaves
 * the IP-only devices behind the router and they are re-classified at the end of the next ingest; a device on its own
 * MAC keeps its OUI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyDevice } from '../../../identify/classify.js';
import { loadKnowledgeBase } from '../../../identify/knowledge/load-kb.js';
import { SqliteInventory } from '../inventory/sqlite-inventory.js';
import { MIGRATIONS } from './index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-mig12-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const BEFORE = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0012'));
const T = '2025-03-01T08:00:00.000Z';

async function databaseAt0011(file: string): Promise<void> {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file) }) });
  const migrator = new Migrator({
    db, provider: { getMigrations: () => Promise.resolve(BEFORE) }, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock',
  });
  const { error } = await migrator.migrateToLatest();
  await db.destroy();
  if (error !== undefined) throw error instanceof Error ? error : new Error('migration to 0011 failed');
}

describe('migration 0012 (external peers)', () => {
  it('takes the router\'s OUI off IP-only devices and re-classifies them; a MAC device keeps its own', async () => {
    const file = path.join(dir, 'old.db');
    await databaseAt0011(file);
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    const device = raw.prepare("INSERT INTO devices (id, mac, first_seen, last_seen, vendor, category, confidence) VALUES (?, ?, ?, ?, ?, ?, 0.6)");
    device.run('routed', null, T, T, 'Cisco Systems', 'network');
    device.run('own-mac', 'fc:58:9a:00:00:01', T, T, 'Cisco Systems', 'network');
    const evidence = raw.prepare(`INSERT INTO device_evidence (device_id, attribute, value, source, detail, confidence, first_seen, last_seen, count)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`);
    for (const id of ['routed', 'own-mac']) {
      evidence.run(id, 'vendor', 'Cisco Systems', 'mac.oui', 'OUI FC589A Cisco Systems', 0.6, T, T);
      evidence.run(id, 'category', 'network', 'rule.device-types.vendor', 'vendor "Cisco Systems" ~ /cisco/ (test)', 0.6, T, T);
    }
    evidence.run('routed', 'osName', 'Windows', 'tcp.syn', 'SYN ttl 127', 0.5, T, T);
    raw.close();

    const inv = await SqliteInventory.open(file);
    try {
      const sources = async (id: string): Promise<string[]> => (await inv.evidenceFor(id)).map((e) => e.source).sort();
      expect(await sources('routed')).toEqual(['tcp.syn']);
      expect(await sources('own-mac')).toEqual(['mac.oui', 'rule.device-types.vendor']);
      const kb = loadKnowledgeBase();
      // The next ingest's re-classification takes the queued devices along, even when its own run did not see them.
      expect(await inv.reclassify([], (e) => classifyDevice(e, kb, { asOf: new Date(T) }), Date.parse(T))).toBe(1);
      expect(await inv.getDevice('routed')).toMatchObject({ vendor: null, category: 'unknown' });
      expect(await inv.reclassify([], (e) => classifyDevice(e, kb, { asOf: new Date(T) }), Date.parse(T))).toBe(0);
    } finally {
      await inv.close();
    }
  });
});
