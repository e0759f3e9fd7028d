import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expertWarnings } from '../../test-support/tshark.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const committed = join(repo, 'samples', 'hospital-sample.pcap');

/** make-sample.mjs runs on the compiled synthesiser (build/tools/, scripts/synth.mjs): compile today's sources first. */
function buildTools(): void {
  const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(repo, 'tsconfig.tools.json')], { encoding: 'utf8' });
  expect(r.status, r.stdout + r.stderr).toBe(0);
}

describe('samples/hospital-sample.pcap', () => {
  it('is small enough to ship', () => {
    expect(readFileSync(committed).length).toBeLessThan(300 * 1024);
  });

  it('is exactly what make-sample.mjs produces (regenerate it after changing the synthesiser)', () => {
    buildTools();
    const out = join(mkdtempSync(join(tmpdir(), 'ww-sample-')), 'sample.pcap');
    const r = spawnSync(process.execPath, [join(repo, 'samples', 'make-sample.mjs'), out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).equals(readFileSync(committed))).toBe(true);
  });

  it.skipIf(tshark.skip)(tshark.title('opens cleanly in tshark: valid checksums, no warnings but the deliberate reset'), () => {
    expect(expertWarnings(committed)).toEqual([]);
  });
});
