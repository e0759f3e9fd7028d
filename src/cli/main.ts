/** The `wardwatch` command line: commands, the one error line, exit codes (design.md "CLI"). */
import { Command, CommanderError } from 'commander';
import { registerAdvisories } from './commands/advisories.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerCapture } from './commands/capture.js';
import { registerControls } from './commands/controls.js';
import { registerDeviceSet } from './commands/device-set.js';
import { registerDevices } from './commands/devices.js';
import { registerFindings } from './commands/findings.js';
import { registerFlows } from './commands/flows.js';
import { registerImportCmms } from './commands/import-cmms.js';
import { registerReconcile } from './commands/reconcile.js';
import { registerRecords } from './commands/records.js';
import { registerSbom } from './commands/sbom.js';
import { registerVex } from './commands/vex.js';
import { reportError } from './errors.js';

export function buildProgram(): Command {
  const program = new Command('wardwatch')
    .description('Passive discovery, inventory and risk for connected medical devices')
    .version('0.1.0')
    .option('--debug', 'print stack traces with errors')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => { write(str.startsWith('error:') ? str : `error: ${str}`); } })
    .showHelpAfterError(false);
  registerAnalyze(program);
  registerFlows(program);
  registerRecords(program);
  registerCapture(program);
  registerDevices(program);
  registerImportCmms(program);
  registerReconcile(program);
  registerDeviceSet(program);
  registerFindings(program);
  registerAdvisories(program);
  registerSbom(program);
  registerVex(program);
  registerControls(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 bad input or failure). Never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    reportError(e, debug);
    return 1;
  }
}
