/** `wardwatch controls …` in process: the register round trip, support import, weights, and one-line errors. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { insertDevice } from '../../store/test-support/insert-device.js';
import { runMain, type MainResult } from '../test-support/run-main.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-controls-'));
const db = path.join(dir, 'inv.db');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
beforeAll(async () => {
  const inv = await SqliteInventory.open(db);
  await insertDevice(inv.db, 'dev-1', 'BD', 'Alaris 8015');
  await inv.close();
});

const run = (...args: string[]): Promise<MainResult> => runMain(args);

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('wardwatch controls', () => {
  it('adds, lists (table and json) and removes a control', async () => {
    const add = await run('controls', 'add', '--device', 'dev-1', '--kind', 'segmentation', '--description', 'VLAN 40', '--expires', '2027-01-31', '--by', 'ana', '--db', db);
    expect(add).toMatchObject({ code: 0, stderr: '' });
    const id = /added control (ctl-[0-9a-f]+)/.exec(add.stdout)?.[1] ?? '';
    expect(id).not.toBe('');
    const model = await run('controls', 'add', '--vendor', 'BD', '--model', 'Alaris 8015', '--kind', 'vendor-access-control', '--description', 'jump host', '--db', db);
    expect(model.code).toBe(0);
    const table = await run('controls', 'list', '--db', db);
    expect(table.stdout).toMatch(/^ID\s+KIND\s+APPLIES TO/);
    expect(table.stdout).toMatch(/segmentation\s+device dev-1\s+2027-01-31\s+ana\s+VLAN 40/);
    expect(table.stdout).toMatch(/BD Alaris 8015/);
    const json = JSON.parse((await run('controls', 'list', '--format', 'json', '--db', db)).stdout) as { controls: { id: string }[] };
    expect(json.controls.map((c) => c.id)).toContain(id);
    expect(await run('controls', 'remove', id, '--db', db)).toMatchObject({ code: 0, stdout: `removed control ${id}\n` });
  });
  it('adds and lists maintenance windows', async () => {
    const add = await run('controls', 'window', 'add', '--vendor', 'BD', '--schedule', 'sat 22:00-sun 04:00', '--description', 'ICU agreed', '--db', db);
    expect(add.stdout).toMatch(/added maintenance window win-[0-9a-f]+: Sat 22:00-Sun 04:00/);
    const list = JSON.parse((await run('controls', 'window', 'list', '--format', 'json', '--db', db)).stdout) as { windows: { schedule: string; vendor: string }[] };
    expect(list.windows[0]).toMatchObject({ schedule: 'Sat 22:00-Sun 04:00', vendor: 'BD' });
  });
  it('sets, imports and lists model support', async () => {
    expect((await run('controls', 'support', 'set', '--vendor', 'BD', '--model', 'Alaris 8015', '--end', '2025-06-30', '--db', db)).stdout).toBe('support for BD Alaris 8015: ends 2025-06-30\n');
    const csv = file('eos.csv', 'vendor,model,end_of_support,status\nGE Healthcare,Revolution CT,2030-01-31,supported\n');
    expect(await run('controls', 'support', 'import', csv, '--db', db)).toMatchObject({ code: 0, stdout: `imported ${csv}: 1 model support record\n` });
    const table = (await run('controls', 'support', 'list', '--db', db)).stdout;
    expect(table).toMatch(/BD\s+Alaris 8015\s+2025-06-30 \(past\)\s+user/);
    expect(table).toMatch(/GE Healthcare\s+Revolution CT\s+2030-01-31\s+supported\s+import/);
  });
  it('prints the weights in force, merged with --file', async () => {
    const w = JSON.parse((await run('controls', 'weights', '--file', file('w.json', '{"kev": 20}'))).stdout) as { kev: number };
    expect(w.kev).toBe(20);
  });
  it.each([
    [['controls', 'add', '--device', 'dev-1', '--kind', 'wall', '--description', 'x'], /^error: unknown control kind "wall"/],
    [['controls', 'add', '--device', 'dev-1', '--description', 'x'], /^error: required option '--kind <kind>' not specified/],
    [['controls', 'add', '--device', 'nope', '--kind', 'physical', '--description', 'x'], /^error: no device with id, MAC, IP or host name nope/],
    [['controls', 'add', '--device', 'dev-1', '--vendor', 'BD', '--kind', 'physical', '--description', 'x'], /^error: give either --device or --vendor\/--model, not both/],
    [['controls', 'add', '--device', 'dev-1', '--kind', 'physical', '--description', 'x', '--expires', 'tomorrow'], /^error: expiry date "tomorrow" is not a date/],
    [['controls', 'list', '--format', 'xml'], /^error: unknown format "xml"/],
    [['controls', 'remove', 'ctl-000000000000'], /^error: no control or maintenance window with id ctl-000000000000/],
    [['controls', 'window', 'add', '--device', 'dev-1', '--schedule', 'whenever'], /^error: maintenance window "whenever"/],
    [['controls', 'support', 'set', '--vendor', 'BD', '--model', 'X', '--end', '2025-02-30'], /^error: end-of-support date "2025-02-30" is not a date/],
    [['controls', 'support', 'import', '/nonexistent/eos.csv'], /^error: \/nonexistent\/eos\.csv: cannot read the file/],
    [['controls', 'support', 'import', '/tmp'], /^error: \/tmp: cannot read the file \(EISDIR\)/],
    [['controls', 'weights', '--file', '/nonexistent/w.json'], /^error: \/nonexistent\/w\.json: cannot read risk weights file/],
    [['controls', 'frobnicate'], /^error: unknown command 'frobnicate'/],
  ])('%j fails with one error line', async (args, message) => {
    const r = await run(...args, ...(args.includes('weights') ? [] : ['--db', db]));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('a bad support CSV names the file and line and imports nothing', async () => {
    const csv = file('bad.csv', 'BD,Z1,2025-01-01\nBD,Z2,31.12.2025\n');
    const r = await run('controls', 'support', 'import', csv, '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: ${csv}: line 2: end-of-support date "31.12.2025" is not a date (expected YYYY-MM-DD) (nothing imported)\n`);
    expect((await run('controls', 'support', 'list', '--db', db)).stdout).not.toMatch(/Z1/);
  });
});
