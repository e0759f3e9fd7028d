/** The alerts configuration read from a JSON file (the format of config.ts and docs/alerts.md), checked once. */
import { readFileSync } from 'node:fs';
import { AppError, ErrorCode } from '../util/app-error.js';
import { parseAlertsConfig, type AlertsConfig } from './config.js';

/** The largest config accepted: a few destinations and rules are a few KB. */
const MAX_CONFIG_BYTES = 1 << 20;

export function readAlertsConfigFile(file: string): AlertsConfig {
  let text: string;
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_CONFIG_BYTES) throw new AppError(ErrorCode.BadArgument, `alerts config ${file}: larger than ${String(MAX_CONFIG_BYTES)} bytes`);
    text = bytes.toString('utf8');
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(ErrorCode.Io, `alerts config ${file}: ${(err as NodeJS.ErrnoException).code ?? 'cannot read'}`, { cause: err });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new AppError(ErrorCode.BadArgument, `alerts config ${file}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return parseAlertsConfig(doc);
}
