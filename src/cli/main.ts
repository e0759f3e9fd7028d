/** The `wardwatch` command line: commands, the one error line, exit codes (docs/architecture.md "CLI"). */
import { Command, CommanderError } from 'commander';
import { endQuietlyWhenReaderCloses } from './closed-pipe.js';
import { reportError } from './errors.js';

type Register = (program: Command) => void;

/**
 * Each top-level command and how to load it. A run loads only the command it names (every module at once cost
 * 0.6 s of startup: SQLite, Kysely, the decoders, the advisory parsers); help and unknown names load them all.
 */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ['analyze', async () => (await import('./commands/analyze.js')).registerAnalyze],
  ['flows', async () => (await import('./commands/flows.js')).registerFlows],
  ['records', async () => (await import('./commands/records.js')).registerRecords],
  ['capture', async () => (await import('./commands/capture.js')).registerCapture],
  ['devices', async () => (await import('./commands/devices.js')).registerDevices],
  ['import', async () => (await import('./commands/import-cmms.js')).registerImportCmms],
  ['reconcile', async () => (await import('./commands/reconcile.js')).registerReconcile],
  ['device', async () => (await import('./commands/device-set.js')).registerDeviceSet],
  ['findings', async () => (await import('./commands/findings.js')).registerFindings],
  ['changes', async () => (await import('./commands/changes.js')).registerChanges],
  ['advisories', async () => (await import('./commands/advisories.js')).registerAdvisories],
  ['sbom', async () => (await import('./commands/sbom.js')).registerSbom],
  ['vex', async () => (await import('./commands/vex.js')).registerVex],
  ['controls', async () => (await import('./commands/controls.js')).registerControls],
  ['conduits', async () => (await import('./commands/conduits.js')).registerConduits],
  ['policy', async () => (await import('./commands/policy.js')).registerPolicy],
  ['blast-radius', async () => (await import('./commands/blast-radius.js')).registerBlastRadius],
  ['serve', async () => (await import('./commands/serve.js')).registerServe],
  ['users', async () => (await import('./commands/users.js')).registerUsers],
  ['tokens', async () => (await import('./commands/tokens.js')).registerTokens],
  ['audit', async () => (await import('./commands/audit.js')).registerAudit],
  ['alerts', async () => (await import('./commands/alerts.js')).registerAlerts],
];

/** The command a run names: the first argument that is not an option (the global ones take no value). */
function namedCommand(argv: readonly string[]): string | null {
  const first = argv.find((a) => !a.startsWith('-'));
  return first !== undefined && COMMANDS.some(([name]) => name === first) ? first : null;
}

export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('wardwatch')
    .description('Passive discovery, inventory and risk for connected medical devices')
    .version('0.1.0')
    .option('--debug', 'print stack traces with errors')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => { write(str.startsWith('error:') ? str : `error: ${str}`); } })
    .showHelpAfterError(false);
  const wanted = namedCommand(argv);
  // `--version` alone prints one line: loading every command for it cost half a second.
  const versionOnly = wanted === null && argv.some((a) => a === '--version' || a === '-V');
  for (const [name, load] of COMMANDS) if (!versionOnly && (wanted === null || wanted === name)) (await load())(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 bad input or failure). Never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  endQuietlyWhenReaderCloses();
  try {
    const program = await buildProgram(argv);
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    reportError(e, debug);
    return 1;
  }
}
