/**
 * CSAF distribution (CSAF 2.0 §7.1): a ROLIE feed, a provider-metadata.json naming a directory with index.txt, and
 * the same over "https" through an injected fetcher, so no test needs the network.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../util/app-error.js';
import { importSources } from '../import/import-sources.js';
import { csafDir, openStores } from '../test-support/corpus.js';
import { makeCsaf } from '../test-support/make-csaf.js';
import type { FetchLimits } from './fetch-text.js';
import { indexTxtPaths, providerLocations, rolieDocumentUrls } from './rolie.js';

let dir: string;
const write = (rel: string, body: unknown): string => {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
  return file;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ww-feeds-'));
  // A provider directory (CSAF §7.1.13-14): year folders, index.txt, provider-metadata.json naming the directory.
  write('provider/2025/ex-2025-001.json', makeCsaf({ id: 'EX-2025-001' }));
  write('provider/2025/ex-2025-002.json', makeCsaf({ id: 'EX-2025-002', cve: 'CVE-2025-0002' }));
  write('provider/index.txt', '2025/ex-2025-001.json\n2025/ex-2025-002.json\n\n');
  write('provider/provider-metadata.json', { canonical_url: 'https://example.test/.well-known/csaf/provider-metadata.json', metadata_version: '2.0', role: 'csaf_provider', publisher: { category: 'vendor', name: 'Example', namespace: 'https://example.test' }, distributions: [{ directory_url: 'https://example.test/csaf/' }] });
  // A ROLIE feed (RFC 8322 JSON as CSAF uses it): a relative entry and a file: URL to a corpus document.
  write('rolie/docs/ex-2025-003.json', makeCsaf({ id: 'EX-2025-003', cve: 'CVE-2025-0003' }));
  write('rolie/feed.json', {
    feed: {
      id: 'example-csaf-feed-tlp-white', title: 'Example CSAF feed (TLP:WHITE)', link: [{ rel: 'self', href: 'https://example.test/feed.json' }], updated: '2025-01-01T00:00:00Z',
      entry: [
        { id: 'EX-2025-003', title: 'x', link: [{ rel: 'self', href: 'docs/ex-2025-003.json' }], content: { type: 'application/json', src: 'docs/ex-2025-003.json' }, format: { schema: 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json', version: '2.0' } },
        { id: 'ICSMA-22-174-01', title: 'y', link: [{ rel: 'self', href: pathToFileURL(path.join(csafDir, 'icsma-22-174-01.json')).toString() }] },
      ],
    },
  });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('feed readers', () => {
  it('collect document references', () => {
    expect(rolieDocumentUrls({ feed: { entry: [{ content: { src: 'a.json' } }, { link: [{ rel: 'self', href: 'b.json' }] }, { link: [] }] } })).toEqual(['a.json', 'b.json']);
    expect(providerLocations({ metadata_version: '2.0', distributions: [{ rolie: { feeds: [{ url: 'https://x/f.json', tlp_label: 'WHITE' }] } }, { directory_url: 'https://x/d/' }] })).toEqual({ feeds: ['https://x/f.json'], directories: ['https://x/d/'] });
    expect(indexTxtPaths('# c\n2024/a.json\r\n\nnot-json.txt\n2024/a.json\n')).toEqual(['2024/a.json']);
  });
});

describe('importing feeds', () => {
  it('follows a ROLIE feed given by path to each document', async () => {
    const { inventory, store } = await openStores();
    try {
      const reports = await importSources(store, [path.join(dir, 'rolie/feed.json')]);
      expect(reports.map((r) => [r.kind, r.ok])).toEqual([['rolie', true], ['csaf', true], ['csaf', true]]);
      expect((await store.list()).map((a) => a.id).sort()).toEqual(['EX-2025-003', 'ICSMA-22-174-01']);
    } finally {
      await inventory.close();
    }
  });

  it('imports a provider directory given by path through its index.txt', async () => {
    const { inventory, store } = await openStores();
    try {
      const local = path.join(dir, 'provider');
      const reports = await importSources(store, [path.join(local, 'index.txt')]);
      expect(reports[0]).toMatchObject({ kind: 'index', message: 'index.txt: 2 documents' });
      expect((await store.list()).map((a) => a.id).sort()).toEqual(['EX-2025-001', 'EX-2025-002']);
      // The directory itself: its index.txt is preferred over provider-metadata.json (which points to https).
      const again = await importSources(store, [local]);
      expect(again.map((r) => r.kind)).toEqual(['index', 'csaf', 'csaf']);
    } finally {
      await inventory.close();
    }
  });

  it('follows provider-metadata.json over https to the directory index (served by a fake fetcher)', async () => {
    const { inventory, store } = await openStores();
    const asked: string[] = [];
    const served: Record<string, string> = {
      'https://example.test/.well-known/csaf/provider-metadata.json': 'provider/provider-metadata.json',
      'https://example.test/csaf/index.txt': 'provider/index.txt',
      'https://example.test/csaf/2025/ex-2025-001.json': 'provider/2025/ex-2025-001.json',
    };
    const fetchText = async (url: string, limits: FetchLimits): Promise<string> => {
      asked.push(url);
      const rel = served[url];
      if (rel === undefined) throw new AppError('io', 'HTTP 404 Not Found');
      const { readFileText } = await import('./fetch-text.js');
      return readFileText(path.join(dir, rel), limits);
    };
    try {
      const reports = await importSources(store, ['https://example.test/.well-known/csaf/provider-metadata.json'], { fetchText });
      expect(asked).toEqual([...Object.keys(served), 'https://example.test/csaf/2025/ex-2025-002.json']);
      expect(reports.map((r) => `${r.kind} ${r.ok ? 'ok' : r.message}`)).toEqual(['provider-metadata ok', 'index ok', 'csaf ok', 'error HTTP 404 Not Found']);
      expect((await store.list()).map((a) => a.id)).toEqual(['EX-2025-001']);
    } finally {
      await inventory.close();
    }
  });

  it('refuses local files named by a remote feed', async () => {
    const { inventory, store } = await openStores();
    const feed = JSON.stringify({ feed: { entry: [{ content: { src: 'file:///etc/hostname' } }, { content: { src: '/etc/hostname' } }] } });
    const fetchText = (url: string): Promise<string> => (url === 'https://example.test/feed.json' ? Promise.resolve(feed) : Promise.reject(new AppError('io', 'HTTP 404 Not Found')));
    try {
      const reports = await importSources(store, ['https://example.test/feed.json'], { fetchText });
      expect(reports.map((r) => `${r.source}: ${r.ok ? 'ok' : r.message}`)).toEqual([
        'https://example.test/feed.json: ok',
        'file:///etc/hostname: a remote feed may not point to "file:///etc/hostname"',
        // A path in a remote feed is a path on that web server.
        'https://example.test/etc/hostname: HTTP 404 Not Found',
      ]);
    } finally {
      await inventory.close();
    }
  });

  it('imports a whole directory of documents when it has no index', async () => {
    const { inventory, store } = await openStores();
    try {
      const reports = await importSources(store, [path.join(dir, 'rolie/docs')]);
      expect(reports.map((r) => r.kind)).toEqual(['directory', 'csaf']);
    } finally {
      await inventory.close();
    }
  });
});
