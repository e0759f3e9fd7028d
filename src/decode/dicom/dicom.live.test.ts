/** Real peers at test time: dcmtk echoscu/storescu against storescp on a free loopback port, captured by tcpdump. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { dicomDecoder } from './index.js';
import { pcapSegments } from './test-support/pcap-segments.js';
import { replay } from './test-support/replay.js';
import { compare, recordValues, tsharkValues } from './test-support/tshark-compare.js';
import { PDATA_WINDOW_BYTES } from './types.js';
import { requires } from '../../test-support/tools.js';

const script = new URL('./fixtures/make-fixtures.sh', import.meta.url).pathname;

const peers = requires({ root: true, tools: ['tcpdump', 'tshark', 'mergecap', 'storescp', 'storescu', 'echoscu', 'img2dcm', '/usr/bin/python3'] });

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
  });
}

describe.skipIf(peers.skip)(peers.title('dicom with live dcmtk peers'), () => {
  let dir = '';
  let port = 0;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dicom-live-'));
    port = await freePort();
    execFileSync(script, [dir], { env: { ...process.env, BASE_PORT: String(port), ONLY: 'echo,store-explicit,store-large' }, stdio: 'ignore', timeout: 60_000 });
  }, 60_000);
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('decodes the fresh captures and agrees with tshark on every field both decode', async () => {
    const files = ['echo', 'store-explicit', 'store-large'].map((n) => join(dir, `${n}.pcap`));
    const all = recordValues([]);
    for (const f of files) {
      const { records, issues } = await recordsOf(f, [dicomDecoder]);
      expect(issues).toEqual([]);
      expect(records[0]).toMatchObject({ kind: 'associate-rq', callingAeTitle: 'CT1', calledAeTitle: 'PACS', dport: port });
      for (const [k, v] of recordValues(records)) all.set(k, [...(all.get(k) ?? []), ...v]);
      expect(JSON.stringify(records)).not.toMatch(/SYNTHETIC|MRN0001|19700101/);
    }
    const merged = join(dir, 'all.pcap');
    execFileSync('mergecap', ['-F', 'pcap', '-a', '-w', merged, ...files]);
    const total = compare(all, tsharkValues(merged, [port]));
    expect(total.disagreements).toEqual([]);
    expect(total.oneSided).toEqual([]);
    expect(total.compared).toBeGreaterThan(40);
  });

  it('reads the device attributes of a large image while skipping its bulk data (128 KiB PDUs)', async () => {
    const file = join(dir, 'store-large.pcap');
    const { records } = await recordsOf(file, [dicomDecoder]);
    expect(records.find((r) => r.command === 'C-STORE-RQ')).toMatchObject({ dataset: { manufacturer: 'WardwatchTest Imaging', deviceSerialNumber: 'SN-424242' }, patientDataPresent: true });
    expect(records.find((r) => r.command === 'C-STORE-RSP')).toMatchObject({ status: '0000' });
    // Never more than the 64 KiB window of a P-DATA-TF is handed to decode (so never buffered).
    const r = replay(dicomDecoder, pcapSegments(file));
    expect(Math.max(...r.pduSizes)).toBeLessThanOrEqual(6 + PDATA_WINDOW_BYTES);
    expect(r.pduSizes.filter((n) => n === 12).length).toBeGreaterThan(0);
  });
});
