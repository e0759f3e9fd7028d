/** The register_entries table (migration 0002): Kysely row type, batched inserts, reads for reconcile. */
import type { Generated, Insertable, Kysely } from 'kysely';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import type { RegisterField } from '../../inventory/cmms/column-map.js';

export interface RegisterEntriesTable {
  id: Generated<number>;
  source: string;
  line: number;
  imported_at: string;
  device_id: string | null;
  matched_on: string | null;
  asset_tag: string | null;
  serial: string | null;
  mac: string | null;
  ip: string | null;
  hostname: string | null;
  fields: string;
}

export type RegisterDb = InventoryDb & { register_entries: RegisterEntriesTable };

export function registerDb(db: Kysely<InventoryDb>): Kysely<RegisterDb> {
  return db.withTables<{ register_entries: RegisterEntriesTable }>();
}

/** A register row as imported: its line, the mapped values, and the device it matched (if any). */
export interface RegisterEntry {
  line: number;
  values: Partial<Record<RegisterField, string>>;
  deviceId: string | null;
  matchedOn: string | null;
}

/** 12 columns a row: 200 rows stay far below SQLite's bound-parameter limit and make a 1M-row register 5,000 inserts. */
const BATCH_ROWS = 200;

export class RegisterWriter {
  private rows: Insertable<RegisterEntriesTable>[] = [];

  constructor(
    private readonly db: Kysely<RegisterDb>,
    private readonly source: string,
    private readonly importedAt: string,
  ) {}

  /** The register is replaced whole by each import. */
  async clear(): Promise<void> {
    await this.db.deleteFrom('register_entries').execute();
  }

  async add(entry: RegisterEntry): Promise<void> {
    const v = entry.values;
    this.rows.push({
      source: this.source, line: entry.line, imported_at: this.importedAt, device_id: entry.deviceId, matched_on: entry.matchedOn,
      asset_tag: v.assetTag ?? null, serial: v.serial ?? null, mac: v.mac ?? null, ip: v.ip ?? null, hostname: v.hostname ?? null,
      fields: JSON.stringify(v),
    });
    if (this.rows.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    await this.db.insertInto('register_entries').values(rows).execute();
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every stored register row, in line order. */
export async function readRegister(db: Kysely<RegisterDb>): Promise<RegisterEntry[]> {
  const rows = await db.selectFrom('register_entries').selectAll().orderBy('line').execute();
  return rows.map((r) => {
    const parsed: unknown = JSON.parse(r.fields);
    const values: Record<string, string> = {};
    if (isRecord(parsed)) for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') values[k] = v;
    return { line: r.line, values, deviceId: r.device_id, matchedOn: r.matched_on };
  });
}
