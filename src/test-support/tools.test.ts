/** The tool gate: here a found tool passes, a missing one skips with its reason, and in CI a missing one fails. */
import { afterEach, describe, expect, it, vi } from 'vitest';

type Tools = typeof import('./tools.js');

/** tools.ts reads CI and WARDWATCH_TEST_BARE once, when loaded: load a fresh copy under `env`. */
async function loadWith(env: Record<string, string>): Promise<Tools> {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  vi.resetModules();
  return import('./tools.js');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('requires', () => {
  it('passes a test whose tools are here, under its own name', async () => {
    const t = await loadWith({ CI: '', WARDWATCH_TEST_BARE: '' });
    const g = t.requires({ tools: [process.execPath, 'sh'] });
    expect(g.skip).toBe(false);
    expect(g.reason).toBeNull();
    expect(g.title('x')).toBe('x');
  });

  it('skips off CI, naming only what is missing', async () => {
    const t = await loadWith({ CI: '', WARDWATCH_TEST_BARE: '' });
    const g = t.requires({ tools: ['sh', 'ww-no-such-tool'], files: ['/nonexistent/ww'], python: [] });
    expect(g.skip).toBe(true);
    expect(g.reason).toBe('needs ww-no-such-tool, /nonexistent/ww');
    expect(g.title('runs the peers')).toBe('runs the peers [skipped: needs ww-no-such-tool, /nonexistent/ww]');
  });

  it('fails in CI instead of skipping', async () => {
    const t = await loadWith({ CI: 'true', WARDWATCH_TEST_BARE: '' });
    expect(() => t.requires({ tools: ['ww-no-such-tool'] })).toThrow('required in CI: ww-no-such-tool missing');
    expect(t.requires({ tools: ['sh'] }).skip).toBe(false);
  });

  it('WARDWATCH_TEST_BARE=1 pretends nothing is installed and we are not root', async () => {
    const t = await loadWith({ CI: '', WARDWATCH_TEST_BARE: '1' });
    expect(t.hasTool('sh')).toBe(false);
    expect(t.isRoot).toBe(false);
    expect(t.requires({ root: true, tools: ['sh'] }).reason).toBe('needs root, sh');
    expect(t.requires({ netns: true }).reason).toBe('needs root');
  });

  it('finds commands without `which` and takes absolute paths as they are', async () => {
    const t = await loadWith({ CI: '', WARDWATCH_TEST_BARE: '' });
    expect(t.hasTool('sh')).toBe(true);
    expect(t.hasTool(process.execPath)).toBe(true);
    expect(t.hasTool('/nonexistent/sh')).toBe(false);
    expect(t.hasTools(['sh', 'ww-no-such-tool'])).toBe(false);
  });
});
