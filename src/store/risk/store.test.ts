/** Controls register, maintenance windows and model support: round trips through migration 0006, and refusals. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteInventory } from '../sqlite/inventory/sqlite-inventory.js';
import { loadRiskContext } from './risk-context.js';
import { NOW_MS } from '../../risk/test-support/fixtures.js';
import { insertDevice } from '../test-support/insert-device.js';
import { ControlsStore } from './controls-store.js';
import { controlsDb } from './schema.js';
import { SupportStore } from './support-store.js';

let inv: SqliteInventory;
beforeEach(async () => {
  inv = await SqliteInventory.open(':memory:');
  await insertDevice(inv.db, 'dev-1', 'BD', 'Alaris 8015');
});
afterEach(async () => {
  await inv.close();
});

const device = { deviceId: 'dev-1', vendor: null, model: null };
const model = { deviceId: null, vendor: 'BD', model: 'Alaris 8015' };

describe('controls store', () => {
  it('adds, lists and removes controls for a device and for a model', async () => {
    const store = new ControlsStore(inv.db);
    const a = await store.addControl({ kind: 'segmentation', description: ' VLAN 40 ', target: device, by: 'ana' }, NOW_MS);
    const b = await store.addControl({ kind: 'vendor-access-control', description: 'BD remote support via jump host', target: model, expires: '2027-03-31', by: 'ana' }, NOW_MS + 1);
    expect(a.id).toMatch(/^ctl-[0-9a-f]{12}$/);
    expect(await store.listControls()).toEqual([
      { id: a.id, kind: 'segmentation', description: 'VLAN 40', deviceId: 'dev-1', vendor: null, model: null, expires: null, by: 'ana', createdAt: '2026-11-29T12:00:00.000Z' },
      { id: b.id, kind: 'vendor-access-control', description: 'BD remote support via jump host', deviceId: null, vendor: 'BD', model: 'Alaris 8015', expires: '2027-03-31', by: 'ana', createdAt: '2026-11-29T12:00:00.001Z' },
    ]);
    expect(await store.remove(a.id)).toBe('control');
    expect((await store.listControls()).map((c) => c.id)).toEqual([b.id]);
    await expect(store.remove(a.id)).rejects.toThrow(/no control or maintenance window with id/);
  });
  it.each([
    [{ kind: 'firewall', description: 'x', target: device }, /unknown control kind "firewall"/],
    [{ kind: 'physical', description: '  ', target: device }, /description must not be empty/],
    [{ kind: 'physical', description: 'x', target: device, expires: '31/12/2026' }, /expiry date "31\/12\/2026" is not a date/],
    [{ kind: 'physical', description: 'x', target: device, expires: '2026-02-30' }, /is not a date/],
    [{ kind: 'physical', description: 'x', target: { deviceId: 'nope', vendor: null, model: null } }, /no device with id nope/],
    [{ kind: 'physical', description: 'x', target: { deviceId: null, vendor: null, model: 'M' } }, /--model needs --vendor/],
    [{ kind: 'physical', description: 'x', target: { deviceId: null, vendor: null, model: null } }, /give a device/],
    [{ kind: 'physical', description: 'x', target: { deviceId: 'dev-1', vendor: 'BD', model: null } }, /not both/],
    [{ kind: 'physical', description: 'x', target: { deviceId: null, vendor: '=cmd|calc', model: null } }, /spreadsheet would run as a formula/],
  ])('refuses %j', async (input, message) => {
    await expect(new ControlsStore(inv.db).addControl({ by: 'ana', ...input })).rejects.toThrow(message);
  });
  it('adds and lists maintenance windows with a normalised schedule; remove finds them by prefix', async () => {
    const store = new ControlsStore(inv.db);
    const w = await store.addWindow({ schedule: 'sat 22:00-sunday 4:00', description: 'agreed with ICU', target: model, by: 'ana' }, NOW_MS);
    expect(w.id).toMatch(/^win-/);
    expect(await store.listWindows()).toEqual([{ ...w, schedule: 'Sat 22:00-Sun 04:00' }]);
    await expect(store.addWindow({ schedule: 'weekends', description: '', target: device, by: 'ana' })).rejects.toThrow(/maintenance window "weekends"/);
    expect(await store.remove(w.id)).toBe('window');
    expect(await store.listWindows()).toEqual([]);
  });
  it('the table refuses a row naming both a device and a vendor, or a bad kind (migration CHECKs)', async () => {
    const row = { id: 'ctl-x', kind: 'physical', description: 'x', device_id: 'dev-1', vendor: 'BD', model: null, expires: null, created_by: 'a', created_at: '2026-11-29T00:00:00Z' };
    const db = controlsDb(inv.db);
    await expect(db.insertInto('controls').values(row).execute()).rejects.toThrow(/CHECK constraint/);
    await expect(db.insertInto('controls').values({ ...row, vendor: null, kind: 'moat' }).execute()).rejects.toThrow(/CHECK constraint/);
    await expect(db.insertInto('model_support').values({ vendor: 'a', model: 'b', end_of_support: '31/12/2025', status: null, source: 'user', notes: null, updated_at: '' }).execute()).rejects.toThrow(/CHECK constraint/);
  });
  it('a device deleted takes its own controls with it', async () => {
    const store = new ControlsStore(inv.db);
    await store.addControl({ kind: 'physical', description: 'locked cabinet', target: device, by: 'ana' });
    await inv.db.deleteFrom('devices').where('id', '=', 'dev-1').execute();
    expect(await store.listControls()).toEqual([]);
  });
});

describe('support store', () => {
  it('sets, replaces case-insensitively, lists and removes', async () => {
    const store = new SupportStore(inv.db);
    await store.set({ vendor: 'BD', model: 'Alaris 8015', endOfSupport: '2025-06-30' }, NOW_MS);
    await store.set({ vendor: 'bd', model: 'ALARIS 8015', endOfSupport: '2025-12-31', status: 'Limited', notes: 'vendor letter' }, NOW_MS);
    expect(await store.list()).toEqual([{ vendor: 'BD', model: 'Alaris 8015', endOfSupport: '2025-12-31', status: 'limited', source: 'user', notes: 'vendor letter', updatedAt: '2026-11-29T12:00:00.000Z' }]);
    await store.remove('bd', 'alaris 8015');
    expect(await store.list()).toEqual([]);
  });
  it('refuses a bad date, a bad status, or neither', async () => {
    const store = new SupportStore(inv.db);
    await expect(store.set({ vendor: 'BD', model: 'M', endOfSupport: '2025-13-01' })).rejects.toThrow(/end-of-support date "2025-13-01" is not a date/);
    await expect(store.set({ vendor: 'BD', model: 'M', status: 'eol' })).rejects.toThrow(/unknown support status "eol"/);
    await expect(store.set({ vendor: 'BD', model: 'M' })).rejects.toThrow(/give an end-of-support date or a status/);
  });
  it('loadRiskContext reads all three', async () => {
    await new ControlsStore(inv.db).addControl({ kind: 'monitoring', description: 'IDS on the VLAN', target: device, by: 'ana' });
    await new ControlsStore(inv.db).addWindow({ schedule: 'daily 01:00-02:00', description: '', target: device, by: 'ana' });
    await new SupportStore(inv.db).set({ vendor: 'BD', model: 'Alaris 8015', status: 'ended' });
    const ctx = await loadRiskContext(inv.db);
    expect([ctx.controls.length, ctx.windows.length, ctx.support.length]).toEqual([1, 1, 1]);
  });
});
