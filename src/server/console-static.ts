/**
 * The web console (web/, built into dist/web/ by `npm run build`) served at /: its files as they are, and index.html
 * for each of the console's own pages (/inventory, /devices/…) so a reload or a shared link lands on the page (a
 * single-page app's history fallback). The pages are listed rather than caught by a wildcard: any other path,
 * and everything under /api/, meets the API's own not-found, method-not-allowed and too-long answers unchanged.
 * Every response here carries the security headers of src/auth/security-headers.ts: the console runs under
 * `default-src 'self'`, so it has no inline script or style to allow.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { securityHeaders } from '../auth/security-headers.js';

const INDEX = 'index.html';
/** The console's pages (web/src/App.tsx); `/` itself is the static index. */
export const CONSOLE_PAGES = ['/login', '/inventory', '/findings', '/map', '/policy', '/admin', '/devices/:id'] as const;
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
    for (const url of CONSOLE_PAGES) {
      scope.get(url, { schema: { hide: true } }, async (_request, reply) => {
        reply.header('cache-control', 'no-cache');
        return reply.sendFile(INDEX);
      });
    }
  });
}
