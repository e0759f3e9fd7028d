/** Vendor support per model: end-of-support dates and status, typed by a person or imported. */
import type { Kysely } from 'kysely';
import type { InventoryDb } from '../../inventory/sqlite/schema.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import type { ModelSupport, SupportStatus } from '../types.js';
import { controlsDb, type ControlsDb, type ModelSupportTable } from './schema.js';
import { checkDate, checkName, checkStatus, checkText } from './values.js';

export interface SupportInput {
  vendor: string;
  model: string;
  endOfSupport?: string | null;
  status?: string | null;
  notes?: string | null;
}

function toSupport(r: ModelSupportTable): ModelSupport {
  return { vendor: r.vendor, model: r.model, endOfSupport: r.end_of_support, status: r.status as SupportStatus | null, source: r.source, notes: r.notes, updatedAt: r.updated_at };
}

/** Checked row for one model; AppError bad-argument naming the bad value. An end date or a status is required. */
export function checkSupport(input: SupportInput, source: 'user' | 'import', nowMs: number): ModelSupportTable {
  const end = input.endOfSupport === undefined || input.endOfSupport === null || input.endOfSupport.trim() === '' ? null : checkDate(input.endOfSupport, 'end-of-support date');
  const status = input.status === undefined || input.status === null || input.status.trim() === '' ? null : checkStatus(input.status);
  if (end === null && status === null) throw new AppError(ErrorCode.BadArgument, 'give an end-of-support date or a status');
  return {
    vendor: checkName(input.vendor, 'vendor'),
    model: checkName(input.model, 'model'),
    end_of_support: end,
    status,
    source,
    notes: input.notes === undefined || input.notes === null || input.notes.trim() === '' ? null : checkText(input.notes, 'notes'),
    updated_at: new Date(nowMs).toISOString(),
  };
}

export class SupportStore {
  private readonly db: Kysely<ControlsDb>;

  constructor(db: Kysely<InventoryDb>) {
    this.db = controlsDb(db);
  }

  /** Insert or replace the model's record (vendor and model match without regard to case). */
  async upsert(rows: readonly ModelSupportTable[]): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      for (const row of rows) {
        await tx
          .insertInto('model_support')
          .values(row)
          .onConflict((oc) => oc.columns(['vendor', 'model']).doUpdateSet({ end_of_support: row.end_of_support, status: row.status, source: row.source, notes: row.notes, updated_at: row.updated_at }))
          .execute();
      }
    });
  }

  async set(input: SupportInput, nowMs: number = Date.now()): Promise<ModelSupport> {
    const row = checkSupport(input, 'user', nowMs);
    await this.upsert([row]);
    return toSupport(row);
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
