import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expertWarnings } from './test-support/tshark.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const committed = join(repo, 'samples', 'hospital-sample.pcap');
// make-sample.mjs runs on the compiled synthesiser; `npm test` builds first.
const built = existsSync(join(repo, 'dist', 'capture', 'synth', 'scenario.js'));

describe('samples/hospital-sample.pcap', () => {
  it('is small enough to ship', () => {
    expect(readFileSync(committed).length).toBeLessThan(300 * 1024);
  });

  it.skipIf(!built)('is exactly what make-sample.mjs produces (regenerate it after changing the synthesiser)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ww-sample-')), 'sample.pcap');
    const r = spawnSync(process.execPath, [join(repo, 'samples', 'make-sample.mjs'), out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).equals(readFileSync(committed))).toBe(true);
  });

  it.skipIf(tshark.skip)(tshark.title('opens cleanly in tshark: valid checksums, no warnings but the deliberate reset'), () => {
    expect(expertWarnings(committed)).toEqual([]);
  });
});
