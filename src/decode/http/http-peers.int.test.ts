/** Real peers at test time: curl against python http.server and tiny-server.py, captured fresh, checked with tshark. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { httpDecoder } from './index.js';
import { compareHttp, tsharkHttp } from './test-support/tshark-compare.js';
import { requires } from '../../test-support/tools.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const peers = requires({ root: true, netns: true, tools: ['curl', 'tcpdump', 'tshark', 'ip', '/usr/bin/python3'] });

it.skipIf(peers.skip)(peers.title('decodes a fresh curl / python capture in agreement with tshark'), async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ww-http-'));
  try {
    execFileSync(path.join(here, 'fixtures', 'make-fixtures.sh'), [dir], { stdio: 'ignore', timeout: 60_000 });
    const file = path.join(dir, 'http-peers.pcap');
    const [{ records }, rows] = await Promise.all([recordsOf(file, [httpDecoder]), tsharkHttp(file, [8000])]);
    const cmp = compareHttp(records, rows);
    expect(records.filter((r) => r.kind === 'request')).toHaveLength(12);
    expect(records.filter((r) => r.kind === 'response')).toHaveLength(12);
    expect(cmp.compared).toBeGreaterThan(60);
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.missing).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
