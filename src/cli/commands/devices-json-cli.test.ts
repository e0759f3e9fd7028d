/**
 * `devices --format json` as a user runs it, into a pipe and into a file: stdout's chunk buffers are reused once the
 * kernel has the bytes (cli/output.ts), so megabytes of output must come out byte for byte as the export writes them
 * in the process.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { batch, key, obs, T0 } from '../../inventory/test-support/batch.js';
import { devicesForExport } from '../../app/devices.js';
import { openWorkspace } from '../../store/workspace.js';
import { binPath, repoRoot, runCli } from '../test-support/run-cli.js';
import { writeDevicesJson } from './devices.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-devices-cli-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

async function inProcess(file: string): Promise<string> {
  const ws = await openWorkspace(file);
  try {
    const { devices, linesOf } = await devicesForExport(ws);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeDevicesJson(devices, linesOf, out);
    out.end();
    return Buffer.concat(chunks).toString();
  } finally {
    await ws.close();
  }
}

describe('devices --format json (the binary)', () => {
  it('writes megabytes to a pipe and to a file exactly as the export does in the process', async () => {
    const file = path.join(dir, 'big.db');
    const inv = await SqliteInventory.open(file);
    // ~2,000 devices with a long fact each: several MB, so many 256 KiB chunks (and reused buffers) go out.
    await inv.ingest(batch(Array.from({ length: 2000 }, (_, i) => obs(key(null, `10.3.${String(i >> 8)}.${String(i & 255)}`), 'hostname', `host-${String(i)}-`.repeat(150), T0 + i))));
    await inv.close();
    const expected = await inProcess(file);
    expect(expected.length).toBeGreaterThan(3_000_000);

    const piped = runCli(['devices', '--db', file, '--format', 'json']);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe(expected);

    const outFile = path.join(dir, 'devices.json');
    const fd = openSync(outFile, 'w');
    try {
      const r = spawnSync(process.execPath, [binPath, 'devices', '--db', file, '--format', 'json'], { stdio: ['ignore', fd, 'pipe'], cwd: repoRoot, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(outFile, 'utf8')).toBe(expected);
  });
});
