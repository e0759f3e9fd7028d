/** Vendor support per model: end-of-support dates and status, typed by a person or imported. */
import type { Kysely } from 'kysely';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { checkSupport, type SupportInput } from '../../risk/controls/support-input.js';
import type { ModelSupport, SupportStatus } from '../../risk/types.js';
import { controlsDb, type ControlsDb, type ModelSupportTable } from './schema.js';


export type { SupportInput };

function toRow(s: ModelSupport): ModelSupportTable {
  return { vendor: s.vendor, model: s.model, end_of_support: s.endOfSupport, status: s.status, source: s.source, notes: s.notes, updated_at: s.updatedAt };
}

function toSupport(r: ModelSupportTable): ModelSupport {
  return { vendor: r.vendor, model: r.model, endOfSupport: r.end_of_support, status: r.status as SupportStatus | null, source: r.source, notes: r.notes, updatedAt: r.updated_at };
}


export class SupportStore {
  private readonly db: Kysely<ControlsDb>;

  constructor(db: Kysely<InventoryDb>) {
    this.db = controlsDb(db);
  }

  /** Insert or replace the model's record (vendor and model match without regard to case). */
  async upsert(records: readonly ModelSupport[]): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      for (const row of records.map(toRow)) {
        await tx
          .insertInto('model_support')
          .values(row)
          .onConflict((oc) => oc.columns(['vendor', 'model']).doUpdateSet({ end_of_support: row.end_of_support, status: row.status, source: row.source, notes: row.notes, updated_at: row.updated_at }))
          .execute();
      }
    });
  }

  async set(input: SupportInput, nowMs: number = Date.now()): Promise<ModelSupport> {
    const record = checkSupport(input, 'user', nowMs);
    await this.upsert([record]);
    return record;
  }

  async list(): Promise<ModelSupport[]> {
    const rows = await this.db.selectFrom('model_support').selectAll().orderBy('vendor').orderBy('model').execute();
    return rows.map(toSupport);
  }

  async remove(vendor: string, model: string): Promise<void> {
    const r = await this.db.deleteFrom('model_support').where('vendor', '=', vendor).where('model', '=', model).executeTakeFirst();
    if (r.numDeletedRows === 0n) throw new AppError(ErrorCode.NotFound, `no support record for ${vendor.slice(0, 60)} ${model.slice(0, 60)}`);
  }
}
