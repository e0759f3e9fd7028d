/**
 * Live capture through a tcpdump child (`tcpdump -i IFACE --immediate-mode -U -s 0 -w -`): wardwatch itself never
 * opens a raw socket and never sends a packet. The child's stdout is a pcap stream; stopping it with SIGINT makes
 * tcpdump flush its last packets and exit, so the reader sees the stream's end.
 */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { AppError, ErrorCode } from '../util/app-error.js';

/** Bytes of tcpdump's stderr kept to explain a failure. */
const MAX_STDERR_CHARS = 8192;

export interface TcpdumpOptions {
  iface: string;
  /** BPF filter in tcpdump syntax; blank = none. */
  filter?: string | undefined;
  /** The tcpdump binary. */
  tcpdump: string;
  /** Called once tcpdump says it is listening. */
  onListening?: () => void;
  /** Every stderr chunk (the statistics it prints on SIGUSR1 and at exit: "N packets dropped by kernel"). */
  onStderr?: (text: string) => void;
}

export interface TcpdumpChild {
  /** The pcap stream. */
  readonly stdout: Readable;
  /** Settles only if tcpdump could not be started (not installed, not executable). */
  readonly spawnError: Promise<AppError>;
  /** tcpdump's exit code once it has exited. */
  readonly exited: Promise<number | null>;
  /** Asks tcpdump to flush and exit (SIGINT). */
  stop(): void;
  /** Ends it if it is still running (SIGTERM). */
  kill(): void;
  /** Asks for its packet counts without stopping it (SIGUSR1 on Linux; tcpdump(8) "SIGINFO"). */
  requestStats(): void;
  /** Why tcpdump failed with exit `code`: its last stderr line, with the usual cause of a permission error. */
  failure(code: number | null): AppError;
  /** What tcpdump printed on stderr (the first MAX_STDERR_CHARS). */
  stderrText(): string;
}

export function startTcpdump(options: TcpdumpOptions): TcpdumpChild {
  // Immediate mode: packets reach us as they arrive, so none are left in the kernel ring when we stop.
  const args = ['-i', options.iface, '--immediate-mode', '-U', '-s', '0', '-w', '-'];
  if (options.filter !== undefined && options.filter.trim() !== '') args.push(options.filter);
  const child = spawn(options.tcpdump, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderrText = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderrText.length < MAX_STDERR_CHARS) stderrText += chunk;
    if (chunk.includes('listening on')) options.onListening?.();
    options.onStderr?.(chunk);
  });
  const spawnError = new Promise<AppError>((resolve) => {
    child.once('error', (e: NodeJS.ErrnoException) => {
      resolve(
        e.code === 'ENOENT'
          ? new AppError(ErrorCode.ToolMissing, `${options.tcpdump} not found: live capture needs tcpdump (apt-get install tcpdump)`)
          : new AppError(ErrorCode.ToolFailed, `cannot start ${options.tcpdump}: ${e.message}`),
      );
    });
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('close', (code) => {
      resolve(code);
    });
  });
  return {
    stdout: child.stdout,
    spawnError,
    exited,
    stop: () => { child.kill('SIGINT'); },
    kill: () => { if (child.exitCode === null) child.kill('SIGTERM'); },
    requestStats: () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGUSR1'); },
    failure: (code) => {
      const why = stderrText.split('\n').filter((l) => l.trim() !== '' && !l.includes('listening on')).pop() ?? `exit code ${String(code)}`;
      return new AppError(ErrorCode.ToolFailed, `tcpdump failed on ${options.iface}: ${why}${/permission|not permitted/i.test(why) ? ' (live capture needs root or CAP_NET_RAW)' : ''}`);
    },
    stderrText: () => stderrText,
  };
}
