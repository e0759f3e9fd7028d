/**
 * `wardwatch serve [--db FILE] [--listen HOST:PORT] [--tls-cert F --tls-key F] [--insecure-listen]`: the REST API over
 * one database (OpenAPI at /api/openapi.json, docs at /api/docs) until SIGINT/SIGTERM, then a graceful stop: requests
 * in flight finish, the database closes.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { buildServer, type Authenticate } from '../../server/build-server.js';
import { checkExposure, DEFAULT_LISTEN, parseListen } from '../../server/listen-address.js';
import { openWorkspace } from '../../store/workspace.js';
import { AppError, ErrorCode } from '../../util/app-error.js';

interface ServeFlags {
  db: string;
  listen: string;
  tlsCert?: string;
  tlsKey?: string;
  insecureListen?: boolean;
}

/** What a test may put in place of the login machinery; by default the database's users and API tokens (src/auth). */
export interface ServeDeps {
  authenticate?: Authenticate;
}

function readPem(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new AppError(ErrorCode.Io, `${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? 'cannot read'}`, { cause: err });
  }
}

export async function runServe(flags: ServeFlags, deps: ServeDeps = {}): Promise<void> {
  const address = parseListen(flags.listen);
  if ((flags.tlsCert === undefined) !== (flags.tlsKey === undefined)) throw new AppError(ErrorCode.BadArgument, '--tls-cert and --tls-key go together');
  const tls = flags.tlsCert !== undefined && flags.tlsKey !== undefined ? { cert: readPem(flags.tlsCert, '--tls-cert'), key: readPem(flags.tlsKey, '--tls-key') } : undefined;
  checkExposure(address, tls !== undefined, flags.insecureListen === true);
  const ws = await openWorkspace(flags.db, { create: false });
  let app: Awaited<ReturnType<typeof buildServer>>;
  try {
    // Without a stand-in, buildServer authenticates against the database's users, API tokens and sessions.
    app = await buildServer(ws, {
      ...(deps.authenticate !== undefined ? { authenticate: deps.authenticate } : {}),
      ...(tls !== undefined ? { tls } : {}),
      logger: { level: 'info', stream: process.stderr },
    });
    await app.listen({ host: address.host, port: address.port });
  } catch (err) {
    await ws.close();
    throw err;
  }
  const shown = app.addresses()[0];
  const where = shown === undefined || typeof shown === 'string' ? flags.listen : `${shown.family === 'IPv6' ? `[${shown.address}]` : shown.address}:${String(shown.port)}`;
  process.stderr.write(`wardwatch: serving ${tls !== undefined ? 'https' : 'http'}://${where}/api/docs (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  try {
    await app.close();
  } finally {
    await ws.close();
  }
  process.stderr.write('wardwatch: stopped\n');
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the REST API (OpenAPI at /api/openapi.json, docs at /api/docs) until Ctrl-C')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--listen <host:port>', 'address to listen on (loopback unless TLS is given)', DEFAULT_LISTEN)
    .option('--tls-cert <file>', 'TLS certificate (PEM)')
    .option('--tls-key <file>', 'TLS private key (PEM)')
    .option('--insecure-listen', 'allow a non-loopback address without TLS (only behind a TLS-terminating proxy)')
    .action(async (flags: ServeFlags) => {
      await runServe(flags);
    });
}
