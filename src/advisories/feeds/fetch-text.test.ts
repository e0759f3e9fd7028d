/** fetchUrlText against a loopback HTTP server: body, status errors, the size cap (declared and streamed), timeout. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrlText } from './fetch-text.js';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok.json') {
      res.end('{"ok":true}');
    } else if (req.url === '/declared-big') {
      res.setHeader('content-length', '5000');
      res.end('x'.repeat(5000));
    } else if (req.url === '/streamed-big') {
      // Chunked, no length: the cap has to be enforced while reading.
      for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
      res.end();
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 2000);
    } else {
      res.statusCode = 404;
      res.end('no');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => { resolve(); }));
});

const limits = { maxBytes: 2048, timeoutMs: 1000 };

describe('fetchUrlText', () => {
  it('returns the body', async () => {
    expect(await fetchUrlText(`${base}/ok.json`, limits)).toBe('{"ok":true}');
  });

  it('fails with one line on HTTP errors, oversize bodies and timeouts', async () => {
    await expect(fetchUrlText(`${base}/missing`, limits)).rejects.toThrow('HTTP 404 Not Found');
    await expect(fetchUrlText(`${base}/declared-big`, limits)).rejects.toThrow(/^response is 4\.9 KiB, over the 2\.0 KiB limit$/);
    await expect(fetchUrlText(`${base}/streamed-big`, limits)).rejects.toThrow(/^response is over the 2\.0 KiB limit$/);
    await expect(fetchUrlText(`${base}/slow`, { maxBytes: 2048, timeoutMs: 200 })).rejects.toThrow('cannot fetch (no answer within 0.2 s)');
  });
});
