/**
 * `--db postgres://…` reaches the store layer from the CLI. Until the device inventory has its PostgreSQL
 * implementation, commands that need it refuse the URL in one line, naming the reason, before connecting anywhere.
 */
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../../cli/test-support/run-cli.js';

// A socket folder that does not exist: were the URL dialled, the error would be a connection failure instead.
const URL = 'postgresql://wardwatch@localhost/inventory?host=/nonexistent-socket-dir';

describe('the CLI given a PostgreSQL URL', () => {
  it.each([
    [['analyze', `${repoRoot}/samples/hospital-sample.pcap`, '--db', URL]],
    [['devices', '--db', URL]],
    [['findings', '--db', URL]],
  ])('%j says the inventory is SQLite-only, in one line, exit 1', (args) => {
    const r = runCli(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: this command does not run on PostgreSQL yet: the device inventory (ingest, listing) is SQLite-only; use --db FILE\n');
  });

  it('a file path is still a SQLite file: a reading command on a missing file says so', () => {
    const r = runCli(['devices', '--db', '/nonexistent-dir/w.db']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: no database at /nonexistent-dir/w.db; run wardwatch analyze first\n');
  });
});
