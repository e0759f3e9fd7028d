/** The console's files at /: history fallback for console paths, JSON 404s kept under /api/, security and cache headers. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../auth/security-headers.js';
import { registerConsole } from './console-static.js';

/** What a browser sends when it navigates to a page. */
const PAGE = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const INDEX = '<!doctype html><title>console</title><script type="module" src="/assets/app-abc123.js"></script>';

/** A server like build-server's: its own JSON not-found handler, the console registered after the API. */
async function serverWith(dir: string | null): Promise<FastifyInstance> {
  const app = Fastify();
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'no such route', code: 'not-found' }));
  app.get('/api/health', () => ({ status: 'ok' }));
  await registerConsole(app, dir);
  return app;
}

describe('the console served at /', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ww-console-static-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'export {};\n');
    app = await serverWith(dir);
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers / and every console path with index.html, not cached, under the CSP', async () => {
    for (const url of ['/', '/inventory?category=imaging', '/devices/4fee859b-5df6', '/login?next=%2Ffindings']) {
      const r = await app.inject({ url, headers: PAGE });
      expect(r.statusCode, url).toBe(200);
      expect(r.body, url).toBe(INDEX);
      expect(r.headers['content-type'], url).toMatch(/^text\/html/);
      expect(r.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['x-frame-options'], url).toBe('DENY');
      expect(r.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves hashed assets as cacheable for ever', async () => {
    const r = await app.inject({ url: '/assets/app-abc123.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the API: its routes answer, an unknown /api path is the JSON 404, not the page', async () => {
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
    for (const url of ['/api/nope', '/api', '/api/devices/x/unknown', '/api/../api/nope']) {
      const r = await app.inject({ url, headers: PAGE });
      expect(r.statusCode, url).toBe(404);
      expect(r.json(), url).toEqual({ error: 'no such route', code: 'not-found' });
    }
  });

  it('answers a path that is no console page with the JSON 404', async () => {
    for (const url of ['/etc/passwd', '/inventory/more', '/devices', '/index.htm', '/assets/']) {
      const r = await app.inject({ url, headers: PAGE });
      expect(r.statusCode).toBe(404);
      expect(r.json(), url).toEqual({ error: 'no such route', code: 'not-found' });
    }
  });

  it('answers only GET and HEAD with the page: another method on a console path is the JSON 404', async () => {
    const r = await app.inject({ method: 'POST', url: '/inventory', headers: PAGE, payload: {} });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ error: 'no such route', code: 'not-found' });
  });

  it('registers nothing when the console was never built', async () => {
    const bare = await serverWith(null);
    try {
      const r = await bare.inject({ url: '/', headers: PAGE });
      expect(r.statusCode).toBe(404);
      expect(r.json()).toEqual({ error: 'no such route', code: 'not-found' });
    } finally {
      await bare.close();
    }
  });
});
