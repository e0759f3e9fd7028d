/** Real peers at test time: openssl s_server/s_client in two namespaces, captured fresh and checked against tshark. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { tlsDecoder } from './index.js';
import { compareWithTshark, tsharkHandshakes } from './test-support/tshark-compare.js';
import { requires } from '../../test-support/tools.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const peers = requires({ root: true, netns: true, tools: ['openssl', 'tcpdump', 'tshark', 'ip'] });

it.skipIf(peers.skip)(peers.title('decodes a fresh openssl capture (TLS 1.0-1.3) in agreement with tshark'), async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ww-tls-'));
  try {
    execFileSync(path.join(here, 'fixtures', 'make-fixtures.sh'), [dir], { stdio: 'ignore', timeout: 60_000 });
    const file = path.join(dir, 'tls-versions.pcap');
    const [{ records }, rows] = await Promise.all([recordsOf(file, [tlsDecoder]), tsharkHandshakes(file, [4431, 4432, 4433, 2762])]);
    const cmp = compareWithTshark(records, rows);
    expect(records.filter((r) => r.kind === 'client-hello').map((r) => r.version)).toEqual(['TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3', 'TLS 1.2']);
    expect(cmp.compared).toBeGreaterThan(40);
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.missing).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
