/** Every command ends quietly when the reader of its output goes away (`wardwatch findings | head -1`). */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, repoRoot, runCli } from './test-support/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-pipe-'));
const db = path.join(dir, 'sample.db');
const sample = path.join(repoRoot, 'samples/hospital-sample.pcap');

/** Runs the CLI with its stdout closed by the reader before the first write: exit code and stderr. */
function withReaderGone(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: repoRoot });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stderr });
    });
  });
}

beforeAll(() => {
  expect(runCli(['analyze', '--db', db, '--no-progress', sample]).code).toBe(0);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a reader that goes away', () => {
  it.each([
    ['findings', ['findings', '--db', db]],
    ['devices', ['devices', '--db', db]],
    ['devices --format fhir', ['devices', '--db', db, '--format', 'fhir']],
    ['conduits', ['conduits', '--db', db]],
    ['policy', ['policy', '--db', db]],
    ['analyze', ['analyze', '--db', db, '--no-progress', sample]],
    ['flows', ['flows', sample]],
  ])('%s: exit 0, nothing on stderr', async (_name, args) => {
    const r = await withReaderGone(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a reader that stays gets all the output, and errors still print their one line', () => {
    const r = runCli(['findings', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(3);
    const bad = runCli(['devices', '--db', db, '--format', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: /);
  });
});
