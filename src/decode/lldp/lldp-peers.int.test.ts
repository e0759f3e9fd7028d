/** Real peers at test time: lldpd announcing LLDP (with LLDP-MED), CDPv1 and CDPv2, captured fresh, checked with tshark. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { cdpDecoder } from '../cdp/index.js';
import { lldpDecoder } from './index.js';
import { tsharkFrames } from './test-support/tshark-link.js';
import { requires } from '../../test-support/tools.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const peers = requires({ root: true, netns: true, tools: ['tcpdump', 'tshark', 'ip', 'lldpd', 'lldpcli'] });

it.skipIf(peers.skip)(peers.title('decodes fresh lldpd LLDP and CDP frames in agreement with tshark'), async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ww-lldp-'));
  try {
    execFileSync(path.join(here, 'fixtures', 'make-fixtures.sh'), [dir], { stdio: 'ignore', timeout: 30_000 });
    const file = path.join(dir, 'lldp-peers.pcap');
    const [{ records }, lldp, cdp] = await Promise.all([
      recordsOf(file, [lldpDecoder, cdpDecoder]),
      tsharkFrames(file, 'lldp', ['lldp.tlv.system.name', 'lldp.media.sn']),
      tsharkFrames(file, 'cdp', ['cdp.deviceid', 'cdp.platform']),
    ]);
    const ours = (proto: string, f: string): unknown[] => records.filter((r) => r.proto === proto).map((r) => r[f] ?? null);
    expect(ours('lldp', 'systemName')).toEqual(lldp.map((r) => r['lldp.tlv.system.name']?.[0] ?? null));
    expect(ours('lldp', 'serialNumber')).toEqual(lldp.map((r) => r['lldp.media.sn']?.[0] ?? null));
    expect(ours('cdp', 'deviceId')).toEqual(cdp.map((r) => r['cdp.deviceid']?.[0] ?? null));
    expect(ours('cdp', 'platform')).toEqual(cdp.map((r) => r['cdp.platform']?.[0] ?? null));
    expect(cdp.length).toBeGreaterThanOrEqual(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
