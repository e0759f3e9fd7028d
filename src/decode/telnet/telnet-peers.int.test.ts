/** Real peers at test time: the inetutils telnetd with a scripted keystroke client, captured fresh, checked with tshark. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { telnetDecoder } from './index.js';
import { compareTelnet, tsharkTelnet } from './test-support/tshark-telnet.js';
import { requires } from '../../test-support/tools.js';
import { SHIPPED_DEPS } from '../test-support/deps.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const peers = requires({ root: true, netns: true, tools: ['tcpdump', 'tshark', 'ip', '/usr/sbin/telnetd', '/usr/bin/python3'] });

it.skipIf(peers.skip)(peers.title('decodes a fresh telnetd capture in agreement with tshark'), async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ww-telnet-'));
  try {
    execFileSync(path.join(here, 'fixtures', 'make-fixtures.sh'), [dir], { stdio: 'ignore', timeout: 30_000 });
    const file = path.join(dir, 'telnet-peers.pcap');
    const [{ records }, dialogues] = await Promise.all([recordsOf(file, [telnetDecoder]), tsharkTelnet(file, 2323)]);
    expect(records.filter((r) => r.kind === 'login').map((r) => r.success)).toEqual([true, false, true]);
    const cmp = compareTelnet(records, dialogues, (user, password) => SHIPPED_DEPS.credentials.isDefaultLogin(user, password));
    expect(cmp.mismatches).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
