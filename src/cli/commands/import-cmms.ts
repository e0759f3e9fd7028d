/** `wardwatch import cmms FILE.csv [--map column=field …] [--db FILE]`: merge a biomed register export (issue 4 §4). */
import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { parseMapOptions } from '../../inventory/cmms/column-map.js';
import { formatSummary, importRegister } from '../../inventory/cmms/import-register.js';
import { SqliteInventory } from '../../inventory/sqlite/sqlite-inventory.js';
import { AppError, ErrorCode } from '../../util/app-error.js';

/** Errors of the CSV name the file, as capture errors do: `error: register.csv: line 7: …`. */
function inFile(file: string, err: unknown): unknown {
  return err instanceof AppError && err.code === ErrorCode.BadArgument && /^(line \d+|empty file)/.test(err.message)
    ? new AppError(err.code, `${file}: ${err.message}`, { cause: err })
    : err;
}

export function registerImportCmms(program: Command): void {
  const imports = program.command('import').description('import data from other systems');
  imports
    .command('cmms')
    .description('merge a CMMS / biomed register CSV export into the inventory')
    .argument('<file>', 'CSV export (UTF-8 or Windows-1252, comma, semicolon or tab separated)')
    .option('--map <column=field...>', 'map a CSV column to a device field (repeatable)', [])
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .exitOverride()
    .action(async (file: string, flags: { map: string[]; db: string }) => {
      const overrides = parseMapOptions(flags.map);
      try {
        await access(file, constants.R_OK);
      } catch (err) {
        throw new AppError(ErrorCode.Io, `${file}: cannot read the file`, { cause: err });
      }
      const inventory = await SqliteInventory.open(flags.db);
      try {
        const input = createReadStream(file, { highWaterMark: 64 * 1024 });
        const summary = await importRegister(inventory.db, input, { source: path.basename(file), overrides, by: `cmms:${path.basename(file)}`, nowMs: Date.now() }).catch((err: unknown) => {
          input.destroy();
          throw inFile(file, err);
        });
        for (const w of summary.warnings) process.stderr.write(`warning: ${w}\n`);
        if (summary.moreWarnings > 0) process.stderr.write(`warning: … and ${summary.moreWarnings} more\n`);
        process.stdout.write(`imported ${file}: ${formatSummary(summary)}\n`);
      } finally {
        await inventory.close();
      }
    });
}
