/**
 * `wardwatch serve [--db FILE] [--listen HOST:PORT] [--tls-cert F --tls-key F] [--insecure-listen] [--watch DIR …]
 * [--capture IFACE …] [--alerts FILE]`: the REST API over one database (OpenAPI at /api/openapi.json, docs at
 * /api/docs), with continuous ingest in a worker thread beside it and its events on GET /api/events and to the alert
 * destinations, until SIGINT/SIGTERM; then a graceful stop: ingest finishes the run in hand, requests in flight
 * finish, the database closes.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { buildServer, type Authenticate } from '../../server/build-server.js';
import { checkExposure, DEFAULT_LISTEN, parseListen } from '../../server/listen-address.js';
import { startIngest, type IngestHandle } from '../../app/live/ingest-thread.js';
import { wireAlerts, type WiredAlerts } from '../../server/live/alerts-wiring.js';
import { LiveHub } from '../../server/live/live-hub.js';
import { openWorkspace } from '../../store/workspace.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { addServeLiveOptions, alertsFrom, ingestJobFrom, type ServeLiveFlags } from '../serve-live.js';

interface ServeFlags extends ServeLiveFlags {
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
  const job = ingestJobFrom(flags, flags.db);
  const alertsConfig = alertsFrom(flags);
  // With sources serve ingests, and an ingesting command may create the database (docs/architecture.md "CLI").
  const ws = await openWorkspace(flags.db, { create: job !== null });
  const hub = new LiveHub();
  hub.enabled = job !== null;
  let alerts: WiredAlerts | null = null;
  let app: Awaited<ReturnType<typeof buildServer>>;
  try {
    if (alertsConfig !== null) alerts = wireAlerts(hub.bus, alertsConfig, flags.deadLetter);
    // Without a stand-in, buildServer authenticates against the database's users, API tokens and sessions.
    app = await buildServer(ws, {
      ...(deps.authenticate !== undefined ? { authenticate: deps.authenticate } : {}),
      ...(tls !== undefined ? { tls } : {}),
      logger: { level: 'info', stream: process.stderr },
      live: hub,
    });
    await app.listen({ host: address.host, port: address.port });
  } catch (err) {
    await alerts?.close();
    await ws.close();
    throw err;
  }
  const ingest: IngestHandle | null = job === null ? null : startIngest(job, (m) => {
    hub.handle(m);
    if (m.type === 'fatal') process.stderr.write(`wardwatch: ingest stopped: ${m.message}\n`);
  });
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
    // Ingest first: the run in hand finishes and its events still reach the alerts.
    await ingest?.stop();
    await app.close();
    await alerts?.close();
  } finally {
    await ws.close();
  }
  process.stderr.write('wardwatch: stopped\n');
}

export function registerServe(program: Command): void {
  const cmd = program
    .command('serve')
    .description('serve the REST API (OpenAPI at /api/openapi.json, docs at /api/docs) until Ctrl-C')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--listen <host:port>', 'address to listen on (loopback unless TLS is given)', DEFAULT_LISTEN)
    .option('--tls-cert <file>', 'TLS certificate (PEM)')
    .option('--tls-key <file>', 'TLS private key (PEM)')
    .option('--insecure-listen', 'allow a non-loopback address without TLS (only behind a TLS-terminating proxy)');
  addServeLiveOptions(cmd)
    .action(async (flags: ServeFlags) => {
      await runServe(flags);
    });
}
