/**
 * Test helpers for the API: the sample capture analysed by the built CLI into a fresh database, a server over it, and
 * a stand-in authenticator (one bearer token per role) until the real one is plugged in.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { repoRoot, runCli } from '../../cli/test-support/run-cli.js';
import { openWorkspace, type Workspace } from '../../store/workspace.js';
import { buildServer, type Authenticate, type ServerOptions } from '../build-server.js';
import { ROLES, type Role } from '../route-table.js';

export const SAMPLE = path.join(repoRoot, 'samples/hospital-sample.pcap');

/** `Authorization: Bearer test-<role>` proves that role; anything else proves no one. */
export const TOKEN: Record<Role, string> = { viewer: 'test-viewer', analyst: 'test-analyst', admin: 'test-admin' };

export const testAuthenticate: Authenticate = (request) => {
  const header = request.headers.authorization;
  const role = ROLES.find((r) => header === `Bearer ${TOKEN[r]}`);
  return Promise.resolve(role === undefined ? null : { user: `${role}-user`, role });
};

export function bearer(role: Role): Record<string, string> {
  return { authorization: `Bearer ${TOKEN[role]}` };
}

let analysed: string | null = null;

/** A database the CLI made from the sample (made once per test file, copied per caller). */
export function sampleDb(dir: string): string {
  if (analysed === null) {
    const made = path.join(mkdtempSync(path.join(tmpdir(), 'ww-serve-')), 'sample.db');
    const r = runCli(['analyze', SAMPLE, '--db', made]);
    if (r.code !== 0) throw new Error(`analyze failed: ${r.stderr}`);
    analysed = made;
  }
  const file = path.join(dir, 'sample.db');
  copyFileSync(analysed, file);
  return file;
}

export interface Served {
  dir: string;
  db: string;
  ws: Workspace;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * A server over a private copy of the sample database; `realAuth` authenticates against the database's users, tokens
 * and sessions (as `wardwatch serve`) instead of the stand-in tokens.
 */
export async function serveSample(options: ServerOptions & { realAuth?: boolean } = {}): Promise<Served> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ww-serve-'));
  const db = sampleDb(dir);
  const ws = await openWorkspace(db, { create: false });
  const { realAuth, ...serverOptions } = options;
  const app = await buildServer(ws, { ...(realAuth === true ? {} : { authenticate: testAuthenticate }), rateLimit: false, ...serverOptions });
  return {
    dir, db, ws, app,
    async close() {
      await app.close();
      await ws.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
