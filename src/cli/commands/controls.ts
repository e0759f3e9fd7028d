/**
 * `wardwatch controls …`: the compensating-controls register, maintenance windows and vendor support per
 * model, all in the inventory database; `controls weights` prints the risk weights in force.
 */
import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import type { Command } from 'commander';
import { whoAmI } from '../who-am-i.js';
import {
  addControl, addWindow, importSupport, listControls, listSupport, listWindows, removeControl, removeSupport, setSupport, type TargetText,
} from '../../app/controls.js';
import { controlsTable, supportTable, windowsTable } from '../../risk/controls/format.js';
import { loadRiskWeights } from '../../risk/weights.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { withWorkspace } from '../workspace-flag.js';

const DB_DEFAULT = './wardwatch.db';

type TargetFlags = TargetText;
interface DbFlags { db: string }
interface FormatFlags extends DbFlags { format: string }

function format(flags: FormatFlags): 'table' | 'json' {
  if (flags.format !== 'table' && flags.format !== 'json') throw new AppError(ErrorCode.BadArgument, `unknown format "${flags.format.slice(0, 20)}" (table or json)`);
  return flags.format;
}

const today = (): string => new Date().toISOString().slice(0, 10);
const out = (text: string): void => {
  process.stdout.write(text);
};

function targetOptions(cmd: Command): Command {
  return cmd
    .option('--device <id>', 'one device: id, MAC or IP')
    .option('--vendor <vendor>', 'every device of this vendor…')
    .option('--model <model>', '…and this model')
    .option('--db <file>', 'inventory database', DB_DEFAULT)
    .exitOverride();
}

function registerWindow(controls: Command): void {
  const window = controls.command('window').description('maintenance windows');
  targetOptions(window.command('add').description('record when a device or model may be taken down for patching'))
    .requiredOption('--schedule <text>', '"Sat 22:00-Sun 04:00", "Mon-Fri 02:00-04:00", "daily 01:00-02:00" or "cron 0 2 * * 6 for 120m"')
    .option('--description <text>', 'what it is agreed with', '')
    .option('--by <name>', 'who records it')
    .action(async (flags: TargetFlags & DbFlags & { schedule: string; description: string; by?: string }) => {
      await withWorkspace(flags.db, {}, async (ws) => {
        const w = await addWindow(ws, { schedule: flags.schedule, description: flags.description, target: flags, by: flags.by ?? whoAmI() });
        out(`added maintenance window ${w.id}: ${w.schedule}\n`);
      });
    });
  window.command('list').description('list maintenance windows')
    .option('--format <format>', 'table or json', 'table').option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (flags: FormatFlags) => {
      const fmt = format(flags);
      const windows = await withWorkspace(flags.db, { create: false }, listWindows);
      out(fmt === 'json' ? `${JSON.stringify({ windows }, null, 2)}\n` : windowsTable(windows));
    });
}

function registerSupport(controls: Command): void {
  const support = controls.command('support').description('vendor support (end-of-support dates) per model');
  support.command('set').description("record a model's end of support")
    .requiredOption('--vendor <vendor>', 'vendor').requiredOption('--model <model>', 'model')
    .option('--end <date>', 'end-of-support date, YYYY-MM-DD').option('--status <status>', 'supported, limited, ended or unknown')
    .option('--notes <text>', 'where the date comes from').option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (flags: DbFlags & { vendor: string; model: string; end?: string; status?: string; notes?: string }) => {
      const s = await withWorkspace(flags.db, {}, (ws) => setSupport(ws, { vendor: flags.vendor, model: flags.model, endOfSupport: flags.end ?? null, status: flags.status ?? null, notes: flags.notes ?? null }));
      out(`support for ${s.vendor} ${s.model}: ${s.endOfSupport === null ? '' : `ends ${s.endOfSupport}`}${s.status === null ? '' : ` (${s.status})`}\n`);
    });
  support.command('import').description('import end-of-support dates: CSV vendor,model,end_of_support[,status[,notes]]')
    .argument('<file>', 'CSV file').option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (file: string, flags: DbFlags) => {
      try {
        await access(file, constants.R_OK);
      } catch (err) {
        throw new AppError(ErrorCode.Io, `${file}: cannot read the file`, { cause: err });
      }
      const result = await withWorkspace(flags.db, {}, async (ws) => {
        const input = createReadStream(file, { highWaterMark: 64 * 1024 });
        try {
          return await importSupport(ws, input);
        } catch (err) {
          if (err instanceof AppError) throw new AppError(err.code, `${file}: ${err.message}`, { cause: err });
          // A directory or a file that vanished fails on the first read, not on access().
          const code = (err as NodeJS.ErrnoException | null)?.code;
          throw typeof code === 'string' ? new AppError(ErrorCode.Io, `${file}: cannot read the file (${code})`, { cause: err }) : err;
        } finally {
          input.destroy();
        }
      });
      for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
      out(`imported ${file}: ${result.rows} model support record${result.rows === 1 ? '' : 's'}\n`);
    });
  support.command('list').description('list model support records')
    .option('--format <format>', 'table or json', 'table').option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (flags: FormatFlags) => {
      const fmt = format(flags);
      const list = await withWorkspace(flags.db, { create: false }, listSupport);
      out(fmt === 'json' ? `${JSON.stringify({ support: list }, null, 2)}\n` : supportTable(list, today()));
    });
  support.command('remove').description("remove a model's support record")
    .requiredOption('--vendor <vendor>', 'vendor').requiredOption('--model <model>', 'model').option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (flags: DbFlags & { vendor: string; model: string }) => {
      await withWorkspace(flags.db, { create: false }, (ws) => removeSupport(ws, flags.vendor, flags.model));
      out(`removed support record for ${flags.vendor} ${flags.model}\n`);
    });
}

export function registerControls(program: Command): void {
  const controls = program.command('controls').description('compensating controls, maintenance windows, support status');
  targetOptions(controls.command('add').description('record a compensating control for a device or a vendor/model'))
    .requiredOption('--kind <kind>', 'segmentation, host-firewall, monitoring, vendor-access-control, physical or other')
    .requiredOption('--description <text>', 'what the control is (e.g. "VLAN 40, ACL permits PACS only")')
    .option('--expires <date>', 'last day it counts, YYYY-MM-DD')
    .option('--by <name>', 'who records it')
    .action(async (flags: TargetFlags & DbFlags & { kind: string; description: string; expires?: string; by?: string }) => {
      await withWorkspace(flags.db, {}, async (ws) => {
        const c = await addControl(ws, { kind: flags.kind, description: flags.description, target: flags, expires: flags.expires ?? null, by: flags.by ?? whoAmI() });
        out(`added control ${c.id} (${c.kind})\n`);
      });
    });
  controls.command('list').description('list compensating controls')
    .option('--format <format>', 'table or json', 'table').option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (flags: FormatFlags) => {
      const fmt = format(flags);
      const list = await withWorkspace(flags.db, { create: false }, listControls);
      out(fmt === 'json' ? `${JSON.stringify({ controls: list }, null, 2)}\n` : controlsTable(list, today()));
    });
  controls.command('remove').description('remove a control (ctl-…) or maintenance window (win-…)')
    .argument('<id>', 'control or window id').option('--db <file>', 'inventory database', DB_DEFAULT).exitOverride()
    .action(async (id: string, flags: DbFlags) => {
      const what = await withWorkspace(flags.db, { create: false }, (ws) => removeControl(ws, id));
      out(`removed ${what === 'control' ? 'control' : 'maintenance window'} ${id}\n`);
    });
  registerWindow(controls);
  registerSupport(controls);
  controls.command('weights').description('print the risk weights in force (shipped, or --file merged over them)')
    .option('--file <file>', 'a risk-weights JSON file to check and merge').exitOverride()
    .action((flags: { file?: string }) => {
      out(`${JSON.stringify(loadRiskWeights(flags.file), null, 2)}\n`);
    });
}
