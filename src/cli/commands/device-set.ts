/** `wardwatch device set ID field=value … [--db FILE]`: a person's values, which win over inferred ones. */
import type { Command } from 'commander';
import { whoAmI } from '../who-am-i.js';
import { checkManualValue, type ManualField } from '../../inventory/manual-fields.js';
import { setDeviceValues } from '../../app/device-values.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { withWorkspace } from '../workspace-flag.js';

/** `location=ICU 3` -> field and value; `location=` removes the person's value (the inferred one returns). */
function parseAssignments(pairs: readonly string[]): { field: ManualField; value: string | null }[] {
  return pairs.map((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) throw new AppError(ErrorCode.BadArgument, `"${pair}": expected field=value`);
    const raw = pair.slice(at + 1).trim();
    const value = raw === '' ? null : raw;
    return { field: checkManualValue(pair.slice(0, at).trim(), value), value };
  });
}

export function registerDeviceSet(program: Command): void {
  const device = program.command('device').description('change one device');
  device
    .command('set')
    .description("set a person's values on a device (location=…, department=…); field= removes one")
    .argument('<id>', 'device id, MAC or IP')
    .argument('<assignments...>', 'field=value pairs')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .exitOverride()
    .action(async (id: string, pairs: string[], flags: { db: string }) => {
      const assignments = parseAssignments(pairs);
      const deviceId = await withWorkspace(flags.db, { create: false }, (ws) => setDeviceValues(ws, id, assignments, whoAmI()));
      process.stdout.write(`device ${deviceId}: set ${assignments.map((a) => a.field).join(', ')}\n`);
    });
}
