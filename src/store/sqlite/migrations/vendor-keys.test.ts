/** Migration 0009: stored SBOM and VEX vendor keys follow the one vendor normaliser after an upgrade. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { vendorKey } from '../../../advisories/sbom/vendor-key.js';
import { Kysely, SqliteDialect } from 'kysely';
import { openInventoryDb } from '../../inventory-db.js';
import { up } from './0009-vendor-keys.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-mig9-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('migration 0009 (vendor keys)', () => {
  it('rekeys SBOMs and VEX statements; of two SBOMs now of one model the newer stays', async () => {
    const file = path.join(dir, 'old.db');
    await (await openInventoryDb(file)).destroy();
    // Rows as the older normaliser keyed them (no accent folding, no advisory-only aliases).
    const raw = new Database(file);
    const sbom = raw.prepare(`INSERT INTO sboms (vendor, model, vendor_key, model_key, format, component_count, vulnerability_count, attached_at, origin, sha256)
      VALUES (?, ?, ?, ?, 'cyclonedx', 0, 0, '2026-01-01T00:00:00Z', 'test', 'x')`);
    const older = Number(sbom.run('Welch Allyn', 'ELI 380', 'welch allyn', 'eli 380').lastInsertRowid);
    const newer = Number(sbom.run('Hillrom', 'ELI 380', 'hillrom', 'eli 380').lastInsertRowid);
    const drager = Number(sbom.run('Dräger', 'Infinity', 'dr ger', 'infinity').lastInsertRowid);
    const doc = Number(raw.prepare(`INSERT INTO vex_documents (format, document_key, origin, imported_at, statement_count) VALUES ('openvex', 'k', 'test', 'x', 1)`).run().lastInsertRowid);
    raw.prepare(`INSERT INTO vex_statements (document_id, vulnerability, vendor, vendor_key, status, issued_at, source) VALUES (?, 'CVE-1', 'Draeger', 'draeger', 'not_affected', 'x', 'test')`).run(doc);
    raw.close();

    // The migration as the migrator runs it on an upgrade, on rows keyed the old way.
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file) }) });
    await up(db);
    await db.destroy();
    const after = new Database(file, { readonly: true });
    const rows = after.prepare('SELECT id, vendor_key FROM sboms ORDER BY id').all() as { id: number; vendor_key: string }[];
    const statement = after.prepare('SELECT vendor_key FROM vex_statements').get() as { vendor_key: string };
    after.close();
    expect(rows).toEqual([{ id: newer, vendor_key: 'hillrom' }, { id: drager, vendor_key: 'drager' }]);
    expect(rows.some((r) => r.id === older)).toBe(false);
    expect(statement.vendor_key).toBe('drager');
    expect(vendorKey('Welch Allyn')).toBe(vendorKey('Hillrom'));
    expect(vendorKey('Dräger')).toBe(vendorKey('Draeger'));
  });
});
