/** Real peers at test time: OpenSSH client against sshd, captured fresh, checked with tshark. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { sshDecoder } from './index.js';
import { tsharkRows } from './test-support/tshark-fields.js';
import { requires } from '../../test-support/tools.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const peers = requires({ root: true, netns: true, tools: ['tcpdump', 'tshark', 'ip', 'ssh', '/usr/sbin/sshd'] });

it.skipIf(peers.skip)(peers.title('decodes a fresh OpenSSH capture in agreement with tshark'), async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ww-ssh-'));
  try {
    execFileSync(path.join(here, 'fixtures', 'make-fixtures.sh'), [dir], { stdio: 'ignore', timeout: 30_000 });
    const file = path.join(dir, 'ssh-peers.pcap');
    const [{ records }, rows] = await Promise.all([recordsOf(file, [sshDecoder]), tsharkRows(file, ['tcp.port==2222,ssh'], 'ssh.protocol || ssh.kex.hassh || ssh.kex.hasshserver', ['ssh.protocol', 'ssh.kex.hassh', 'ssh.kex.hasshserver'])]);
    expect(records.filter((r) => r.kind === 'banner').map((r) => r.software)).toEqual(rows.filter((r) => r['ssh.protocol']).map((r) => r['ssh.protocol']));
    expect(records.filter((r) => r.kind === 'kexinit').map((r) => r.hassh ?? r.hasshServer)).toEqual(rows.filter((r) => r['ssh.kex.hassh'] || r['ssh.kex.hasshserver']).map((r) => r['ssh.kex.hassh'] || r['ssh.kex.hasshserver']));
    expect(records.filter((r) => r.kind === 'banner')).toHaveLength(4);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
