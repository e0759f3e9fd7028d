/** Real peers at test time: ftplib against pyftpdlib, captured fresh, checked with tshark. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { ftpDecoder } from './index.js';
import { compareFtp, tsharkFtp } from './test-support/tshark-ftp.js';
import { requires } from '../../test-support/tools.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const peers = requires({ root: true, netns: true, tools: ['tcpdump', 'tshark', 'ip', 'openssl'], python: ['pyftpdlib', 'OpenSSL'] });

it.skipIf(peers.skip)(peers.title('decodes a fresh ftplib / pyftpdlib capture in agreement with tshark'), async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ww-ftp-'));
  try {
    execFileSync(path.join(here, 'fixtures', 'make-fixtures.sh'), [dir], { stdio: 'ignore', timeout: 30_000 });
    const file = path.join(dir, 'ftp-peers.pcap');
    const [{ records }, flows] = await Promise.all([recordsOf(file, [ftpDecoder]), tsharkFtp(file, [2121])]);
    expect(records.filter((r) => r.kind === 'login').map((r) => r.defaultCredential)).toEqual([true, false, false, false]);
    const cmp = compareFtp(records, flows);
    expect(cmp.compared).toBeGreaterThan(20);
    expect(cmp.mismatches).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
