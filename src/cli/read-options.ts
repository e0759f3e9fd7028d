/** Options shared by every command that reads packets: flow table size, timeouts, stream depth, progress. */
import type { Command } from 'commander';
import { defaultEngineOptions, type EngineOptions } from '../capture/engine.js';
import { defaultDecodeOptions, type DecodeOptions } from '../pipeline/sessions/session-types.js';
import { AppError, ErrorCode } from '../util/app-error.js';

export interface ReadFlags {
  maxFlows?: string;
  streamDepth?: string;
  reassemblyMemory?: string;
  tcpTimeout?: string;
  udpTimeout?: string;
  progress?: boolean;
}

export function addReadOptions(cmd: Command): Command {
  return cmd
    .option('--max-flows <n>', 'flows held at once before the oldest are pushed out', String(defaultEngineOptions.maxFlows))
    .option('--stream-depth <bytes>', 'bytes per TCP direction that are reassembled and decoded (0 = no limit)', String(defaultDecodeOptions.depthLimitBytes))
    .option('--reassembly-memory <bytes>', 'cap on out-of-order bytes held across all flows', String(defaultDecodeOptions.reassemblyMemoryBytes))
    .option('--tcp-timeout <sec>', 'idle seconds before an open TCP flow ends', String(defaultEngineOptions.timeouts.tcpOpenSec))
    .option('--udp-timeout <sec>', 'idle seconds before a UDP flow ends', String(defaultEngineOptions.timeouts.udpSec))
    .option('--no-progress', 'no progress bar, even on a terminal');
}

function count(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new AppError(ErrorCode.BadArgument, `${name} must be a whole number, not '${value}'`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new AppError(ErrorCode.BadArgument, `${name} must be at least ${min}`);
  return n;
}

export function engineOptionsFrom(flags: ReadFlags): EngineOptions {
  const t = defaultEngineOptions.timeouts;
  return {
    maxFlows: count('--max-flows', flags.maxFlows, defaultEngineOptions.maxFlows, 1),
    timeouts: {
      ...t,
      tcpOpenSec: count('--tcp-timeout', flags.tcpTimeout, t.tcpOpenSec, 1),
      udpSec: count('--udp-timeout', flags.udpTimeout, t.udpSec, 1),
    },
  };
}

export function decodeOptionsFrom(flags: ReadFlags, mode: DecodeOptions['mode'], only: readonly string[] | null): DecodeOptions {
  return {
    ...defaultDecodeOptions,
    mode,
    only,
    depthLimitBytes: count('--stream-depth', flags.streamDepth, defaultDecodeOptions.depthLimitBytes, 0),
    reassemblyMemoryBytes: count('--reassembly-memory', flags.reassemblyMemory, defaultDecodeOptions.reassemblyMemoryBytes, 0),
  };
}
