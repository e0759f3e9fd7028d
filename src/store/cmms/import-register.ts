/**
 * Imports a CMMS / biomed register export in one transaction: every row is matched to a device (MAC,
 * serial, asset tag, IP, hostname) and its values become the device's values with origin 'import'; rows that match no
 * device are kept as registered-but-not-seen. A file that cannot be read on rolls everything back.
 */
import type { Kysely } from 'kysely';
import { AppError, ErrorCode } from '../../util/app-error.js';
import type { ManualField } from '../../inventory/manual-fields.js';
import { setManualValueTx } from '../sqlite/inventory/manual-values.js';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import { iso } from '../sqlite/inventory/tx.js';
import { IDENTITY_FIELDS, planColumns, type RegisterField } from '../../inventory/cmms/column-map.js';
import { CsvError } from '../../inventory/cmms/csv-reader.js';
import { readCsv } from '../../inventory/cmms/csv-stream.js';
import { DeviceIndex } from './device-index.js';
import { registerDb, RegisterWriter } from './register-store.js';
import { rowValues } from '../../inventory/cmms/row-values.js';
import { PROBLEM_TEXT, type ImportOptions, type ImportSummary, type SkipReason } from '../../inventory/cmms/import-summary.js';


export type { ImportOptions, ImportSummary };

const MAX_WARNINGS = 20;
const MAX_CHANGES_LISTED = 200;

/** Thrown to roll a dry run's transaction back, carrying what it found. */
class DryRunDone extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}


function isManualValueField(field: RegisterField): field is ManualField {
  return field !== 'mac' && field !== 'ip';
}

export async function importRegister(db: Kysely<InventoryDb>, input: AsyncIterable<Uint8Array>, options: ImportOptions): Promise<ImportSummary> {
  try {
    return await importInTransaction(db, input, options);
  } catch (err) {
    if (err instanceof DryRunDone) return err.summary;
    throw err;
  }
}

function importInTransaction(db: Kysely<InventoryDb>, input: AsyncIterable<Uint8Array>, options: ImportOptions): Promise<ImportSummary> {
  return db.transaction().execute(async (tx) => {
    const summary: ImportSummary = {
      rows: 0, matched: 0, unmatched: 0, skipped: 0, skipReasons: {}, invalidValues: 0, windows1252Rows: 0, warnings: [], moreWarnings: 0,
      columns: [], blank: 0, categoriesDerived: 0, changes: [], changeCount: 0, dryRun: options.dryRun === true,
    };
    const warn = (line: number, text: string): void => {
      if (summary.warnings.length < MAX_WARNINGS) summary.warnings.push(`line ${line}: ${text}`);
      else summary.moreWarnings++;
    };
    const skip = (line: number, reason: SkipReason, detail = ''): void => {
      summary.skipped++;
      summary.skipReasons[reason] = (summary.skipReasons[reason] ?? 0) + 1;
      warn(line, `${PROBLEM_TEXT[reason]}${detail}; row skipped`);
    };
    const writer = new RegisterWriter(registerDb(tx), options.source, iso(options.nowMs));
    await writer.clear();
    const index = await DeviceIndex.build(tx);
    const matchedLines = new Map<string, number>();
    let columns: (RegisterField | null)[] | null = null;
    for await (const row of readCsv(input, options.limits === undefined ? {} : { limits: options.limits })) {
      if (columns === null) {
        if (row.problem !== null) throw new CsvError(row.line, `header row: ${PROBLEM_TEXT[row.problem]}`);
        const header = row.cells.map((c) => c.trim());
        const plan = planColumns(header, options.overrides);
        columns = plan.fields;
        summary.columns = header.map((column, i) => ({ column, field: plan.fields[i] ?? null, source: plan.sources[i] ?? null }));
        continue;
      }
      if (row.problem === null && row.cells.every((c) => c.trim() === '')) {
        summary.blank++;
        continue;
      }
      summary.rows++;
      if (row.windows1252) summary.windows1252Rows++;
      if (row.problem !== null) {
        skip(row.line, row.problem);
        continue;
      }
      if (row.cells.length !== columns.length) {
        skip(row.line, 'wrong-column-count', ` (${row.cells.length}, the header has ${columns.length})`);
        continue;
      }
      const { values, invalid } = rowValues(row.cells, columns);
      for (const bad of invalid) warn(row.line, `${bad.field} "${bad.value.slice(0, 40)}" is not valid; value ignored`);
      summary.invalidValues += invalid.length;
      if (Object.keys(values).length === 0) {
        skip(row.line, 'no-values');
        continue;
      }
      if (values.type !== undefined && values.category === undefined && options.typeCategory !== undefined) {
        const category = options.typeCategory(values.type);
        if (category !== null) {
          values.category = category;
          summary.categoriesDerived++;
        }
      }
      const match = index.match(values);
      if (match === null) {
        summary.unmatched++;
      } else {
        summary.matched++;
        const earlier = matchedLines.get(match.deviceId);
        if (earlier !== undefined) warn(row.line, `names the same device as line ${earlier}; this row's values win`);
        matchedLines.set(match.deviceId, row.line);
        for (const [field, value] of Object.entries(values) as [RegisterField, string][]) {
          if (!isManualValueField(field)) continue;
          // A hostname the device already shows (DHCP says "CT01", the register "ct01") is not a second name.
          if (field === 'hostname' && index.has(match.deviceId, 'hostname', value)) continue;
          await setManualValueTx(tx, match.deviceId, field, value, options.by, 'import', options.nowMs);
          if ((IDENTITY_FIELDS as readonly string[]).includes(field)) index.add(match.deviceId, field as (typeof IDENTITY_FIELDS)[number], value);
        }
      }
      await writer.add({ line: row.line, values, deviceId: match?.deviceId ?? null, matchedOn: match?.matchedOn ?? null });
    }
    if (columns === null) throw new AppError(ErrorCode.BadArgument, 'empty file (no header row)');
    await writer.flush();
    await listChanges(tx, summary, iso(options.nowMs), matchedLines);
    if (options.dryRun === true) throw new DryRunDone(summary);
    return summary;
  });
}

/** The values this import changed: the attribute history it wrote (stamped with its time, origin import). */
async function listChanges(tx: Kysely<InventoryDb>, summary: ImportSummary, at: string, lines: ReadonlyMap<string, number>): Promise<void> {
  const where = tx.selectFrom('attribute_history').where('changed_at', '=', at).where('origin', '=', 'import');
  const count = await where.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  summary.changeCount = count?.n ?? 0;
  const rows = await where
    .leftJoin('devices', 'devices.id', 'attribute_history.device_id')
    .select(['attribute_history.device_id', 'devices.mac', 'attribute_history.attribute', 'attribute_history.old_value', 'attribute_history.new_value'])
    .orderBy('attribute_history.id').limit(MAX_CHANGES_LISTED).execute();
  summary.changes = rows.map((r) => ({
    deviceId: r.device_id, device: r.mac ?? r.device_id, line: lines.get(r.device_id) ?? null, field: r.attribute, from: r.old_value, to: r.new_value,
  }));
}

