/** A capture file that does not exist is one error line before anything is read: no summary, no new database. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './test-support/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-nofile-'));
const sample = path.join(repoRoot, 'samples/hospital-sample.pcap');
const missing = path.join(dir, 'typo.pcap');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a capture file that is not there', () => {
  it('analyze: the error alone, exit 1, and no database made', () => {
    const db = path.join(dir, 'a.db');
    const r = runCli(['analyze', '--db', db, '--no-progress', missing]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `error: ${missing}: no such file\n` });
    expect(existsSync(db)).toBe(false);
  });

  it('analyze with good files too: every bad name in order, nothing read', () => {
    const db = path.join(dir, 'b.db');
    const r = runCli(['analyze', '--db', db, '--no-progress', missing, sample, dir]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `error: ${missing}: no such file\nerror: ${dir}: is a directory\n` });
    expect(existsSync(db)).toBe(false);
  });

  it.each([['flows'], ['records']])('%s: the error alone, exit 1', (command) => {
    expect(runCli([command, '--no-progress', missing])).toEqual({ code: 1, stdout: '', stderr: `error: ${missing}: no such file\n` });
  });
});

describe('files that are there', () => {
  it('are read as before; stdin (-) is not looked for on disk', () => {
    const db = path.join(dir, 'c.db');
    const r = runCli(['analyze', '--db', db, '--no-progress', sample]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wardwatch: .*packets/);
    const piped = runCli(['flows', '--no-progress', '-'], readFileSync(sample));
    expect(piped.code).toBe(0);
    expect(piped.stdout.split('\n').filter((l) => l !== '').length).toBeGreaterThan(5);
  });

  it('a file that is not a capture still does not stop the others (found while reading)', () => {
    const notes = path.join(dir, 'notes.txt');
    writeFileSync(notes, 'x'.repeat(64));
    const r = runCli(['analyze', '--db', path.join(dir, 'd.db'), '--no-progress', notes, sample]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/packets/);
    expect(r.stderr).toBe(`error: ${notes}: not a pcap or pcapng file\n`);
  });
});
