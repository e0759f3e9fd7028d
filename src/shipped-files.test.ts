/**
 * What `npm run build` compiles into dist/ (and so what the package ships): no test, no test-support/ helper and
 * not the capture synthesiser. tsconfig.build.json excludes them, but tsc still compiles an excluded file that a
 * shipped one imports, so this asks tsc for the files it would really emit.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../', import.meta.url));
const TOOLING = /(\.test\.ts$|\/test-support(\/|\.ts$)|\/src\/store\/conformance\/|\/src\/capture\/synth\/)/;

function compiledFiles(project: string): string[] {
  const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(repo, project), '--listFilesOnly'], { encoding: 'utf8', maxBuffer: 16 << 20 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter((f) => f.startsWith(join(repo, 'src')));
}

describe('the build', () => {
  it('compiles no test, test-support helper or synthesiser into dist/', () => {
    const shipped = compiledFiles('tsconfig.build.json');
    expect(shipped.length).toBeGreaterThan(100);
    expect(shipped.filter((f) => TOOLING.test(f))).toEqual([]);
  });

  it('compiles the synthesiser for the scripts (tsconfig.tools.json), which the check above would catch if shipped', () => {
    expect(compiledFiles('tsconfig.tools.json').filter((f) => f.includes('/src/capture/synth/')).length).toBeGreaterThan(10);
  });
});
