/**
 * `wardwatch alerts test [--alerts FILE] [--json]`: a test message to every destination of the alerts configuration
 * (docs/alerts.md), through each one's real path, and what each answered. Exits 1 when any did not get it.
 */
import type { Command } from 'commander';
import { readAlertsConfigFile } from '../../alerts/config-file.js';
import { DEFAULT_TEST_TIMEOUT_MS } from '../../alerts/test-message.js';
import { makeDispatcher } from '../../server/live/alerts-wiring.js';
import { AppError, ErrorCode } from '../../util/app-error.js';

export const DEFAULT_ALERTS_FILE = './wardwatch-alerts.json';

interface TestFlags {
  alerts: string;
  json?: boolean;
  timeout: string;
}

export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts').description('alert destinations (syslog, webhooks): check them');
  alerts
    .command('test')
    .description('send a test message to every destination and report each result')
    .option('--alerts <file>', 'alerts configuration (JSON, docs/alerts.md)', DEFAULT_ALERTS_FILE)
    .option('--timeout <seconds>', 'how long each destination may take', String(DEFAULT_TEST_TIMEOUT_MS / 1000))
    .option('--json', 'print the results as JSON')
    .action(async (flags: TestFlags) => {
      await runAlertsTest(flags);
    });
}

async function runAlertsTest(flags: TestFlags): Promise<void> {
  const seconds = Number(flags.timeout);
  if (!/^\d+(\.\d+)?$/.test(flags.timeout.trim()) || seconds <= 0 || seconds > 300) throw new AppError(ErrorCode.BadArgument, `--timeout: expected seconds from 0 to 300, not '${flags.timeout}'`);
  const config = readAlertsConfigFile(flags.alerts);
  if (config.destinations.length === 0) throw new AppError(ErrorCode.BadArgument, `alerts config ${flags.alerts}: no destinations to test`);
  const dispatcher = makeDispatcher(config, undefined);
  let outcomes;
  try {
    outcomes = await dispatcher.testAll(Date.now(), Math.round(seconds * 1000));
  } finally {
    await dispatcher.close();
  }
  if (flags.json === true) process.stdout.write(`${JSON.stringify({ results: outcomes }, null, 2)}\n`);
  else for (const o of outcomes) process.stdout.write(`${o.ok ? 'ok  ' : 'FAIL'}  ${o.destination}  ${o.detail}\n`);
  const failed = outcomes.filter((o) => !o.ok).length;
  if (failed > 0) throw new AppError(ErrorCode.ToolFailed, `${String(failed)} of ${String(outcomes.length)} alert destinations did not take the test message`);
}
