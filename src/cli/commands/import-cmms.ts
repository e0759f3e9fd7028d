/**
 * `wardwatch import cmms FILE.csv [--map column=field …] [--dry-run] [--db FILE]`: merge a biomed register export
 *. Every column the import does not use is named, guessed columns are said to be guesses, and `--dry-run`
 * prints the column mapping and the values it would change, then writes nothing.
 */
import { createReadStream, existsSync } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { parseMapOptions } from '../../inventory/cmms/column-map.js';
import { importRegister } from '../../app/register.js';
import { formatSummary, type ImportSummary } from '../../inventory/cmms/import-summary.js';
import { printable } from '../../util/text-table.js';
import { withWorkspace } from '../workspace-flag.js';
import { AppError, ErrorCode } from '../../util/app-error.js';

/** Errors of the CSV name the file, as capture errors do: `error: register.csv: line 7: …`. */
function inFile(file: string, err: unknown): unknown {
  return err instanceof AppError && err.code === ErrorCode.BadArgument && /^(line \d+|empty file)/.test(err.message)
    ? new AppError(err.code, `${file}: ${err.message}`, { cause: err })
    : err;
}

const quoted = (text: string | null): string => (text === null ? '(none)' : `"${printable(text)}"`);

/** `"Mfr" → vendor (guessed)`, one column a line, and the columns left out. */
function columnLines(s: ImportSummary): string[] {
  return s.columns.map((c) => `  ${quoted(c.column)} → ${c.field === null ? 'not imported' : `${c.field}${c.source === 'guess' ? ' (guessed from its last word)' : c.source === 'map' ? ' (--map)' : ''}`}`);
}

function reportColumns(s: ImportSummary): void {
  const unmapped = s.columns.filter((c) => c.field === null && c.column !== '').map((c) => quoted(c.column));
  if (unmapped.length > 0) process.stderr.write(`warning: columns not imported: ${unmapped.join(', ')} (name a field for one with --map column=field)\n`);
  for (const c of s.columns.filter((x) => x.source === 'guess')) process.stderr.write(`warning: column ${quoted(c.column)} read as ${c.field ?? '?'} (a guess; --map it to say otherwise)\n`);
}

function printDryRun(file: string, s: ImportSummary): void {
  const out = [`dry run of ${file}: nothing written`, 'columns:', ...columnLines(s), `would import ${formatSummary(s)}`];
  out.push(s.changeCount === 0 ? 'no device value would change' : `${s.changeCount} device values would change:`);
  for (const c of s.changes) out.push(`  ${c.line === null ? '' : `line ${c.line}, `}device ${c.device}: ${c.field} ${quoted(c.from)} → ${quoted(c.to)}`);
  if (s.changeCount > s.changes.length) out.push(`  … and ${s.changeCount - s.changes.length} more`);
  if (s.unmatched > 0) out.push(`${s.unmatched} rows match no device seen and would be kept as registered, not seen`);
  process.stdout.write(`${out.join('\n')}\n`);
}

export function registerImportCmms(program: Command): void {
  const imports = program.command('import').description('import data from other systems');
  imports
    .command('cmms')
    .description('merge a CMMS / biomed register CSV export into the inventory')
    .argument('<file>', 'CSV export (UTF-8 or Windows-1252, comma, semicolon or tab separated)')
    .option('--map <column=field...>', 'map a CSV column to a device field (repeatable)', [])
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--dry-run', 'print the column mapping and what would change, write nothing')
    .exitOverride()
    .action(async (file: string, flags: { map: string[]; db: string; dryRun?: boolean }) => {
      const overrides = parseMapOptions(flags.map);
      try {
        await access(file, constants.R_OK);
      } catch (err) {
        throw new AppError(ErrorCode.Io, `${file}: cannot read the file`, { cause: err });
      }
      // A directory (or a device node) opens but cannot be read as a file: say so instead of an internal error.
      if (!(await stat(file)).isFile()) throw new AppError(ErrorCode.BadArgument, `${file}: not a file`);
      // A dry run never creates the database: without one, it checks the file against an empty inventory.
      await withWorkspace(flags.dryRun === true && !existsSync(flags.db) ? ':memory:' : flags.db, {}, async (ws) => {
        const input = createReadStream(file, { highWaterMark: 64 * 1024 });
        const summary = await importRegister(ws, input, { source: path.basename(file), overrides, dryRun: flags.dryRun === true }).catch((err: unknown) => {
          input.destroy();
          throw inFile(file, err);
        });
        reportColumns(summary);
        for (const w of summary.warnings) process.stderr.write(`warning: ${printable(w)}\n`);
        if (summary.moreWarnings > 0) process.stderr.write(`warning: … and ${summary.moreWarnings} more\n`);
        if (summary.dryRun) printDryRun(file, summary);
        else process.stdout.write(`imported ${file}: ${formatSummary(summary)}\n`);
      });
    });
}
