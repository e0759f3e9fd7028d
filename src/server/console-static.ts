/**
 * The web console (web/, built into dist/web/ by `npm run build`) served at /: its files as they are, and index.html
 * for any other GET outside /api/ so the console's own paths (/inventory, /devices/…) survive a reload (a single-page
 * app's history fallback). Under /api/ an unknown path keeps the API's JSON 404. Every response here carries the
 * security headers of src/auth/security-headers.ts: the console runs under `default-src 'self'`, so it has no inline
 * script or style to allow.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { securityHeaders } from '../auth/security-headers.js';

const INDEX = 'index.html';
/** Vite names every built asset by its content hash: a changed file is a new URL, so these may be cached for ever. */
const HASHED_ASSETS = `${path.sep}assets${path.sep}`;

/**
 * Where the built console is: dist/web beside the compiled server (dist/server/ or the CLI bundle's dist/bundle/), or
 * from the TypeScript sources (tests run src/ directly) the repository's dist/web. Null when it was never built.
 */
export function consoleDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '..', 'web'), path.resolve(here, '..', '..', 'dist', 'web')];
  return candidates.find((dir) => existsSync(path.join(dir, INDEX))) ?? null;
}

/** Serves the console from `dir` (default: consoleDir()); without a built console nothing is registered. */
export async function registerConsole(app: FastifyInstance, dir: string | null = consoleDir()): Promise<void> {
  if (dir === null) return;
  // Its own encapsulated context: the header hook below touches the console's responses only, never the API's.
  await app.register(async (scope) => {
    scope.addHook('onSend', async (request, reply) => {
      for (const [name, value] of Object.entries(securityHeaders(request.protocol === 'https'))) reply.header(name, value);
    });
    await scope.register(fastifyStatic, {
      root: dir,
      // Files are listed once at start (the build does not change under a running server); no directory listings.
      wildcard: false,
      index: INDEX,
      cacheControl: false,
      setHeaders: (reply, file) => {
        reply.header('cache-control', file.includes(HASHED_ASSETS) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    scope.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?')) {
        reply.callNotFound();
        return reply;
      }
      reply.header('cache-control', 'no-cache');
      return reply.sendFile(INDEX);
    });
  });
}
