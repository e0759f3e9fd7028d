/**
 * Store conformance, the smaller stores: the biomed register (replaced whole by an import), compensating controls and
 * maintenance windows (with the migration's CHECKs and cascades), model support (keyed case-insensitively) and the
 * approved segmentation baseline, on both dialects.
 */
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRegister, registerDb, RegisterWriter } from '../cmms/register-store.js';
import { openInventoryDb } from '../inventory-db.js';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import { ControlsStore } from '../risk/controls-store.js';
import { controlsDb } from '../risk/schema.js';
import { SupportStore } from '../risk/support-store.js';
import { approveBaseline, readBaseline } from '../segmentation/baseline-store.js';
import { STORE_DIALECTS, useDialect } from './dialects.js';
import { seedDevices } from './seed-devices.js';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const device = { deviceId: 'dev-1', vendor: null, model: null };
const model = { deviceId: null, vendor: 'BD', model: 'Alaris 8015' };

for (const d of STORE_DIALECTS) {
  describe.skipIf(d.gate.skip)(`register, controls and baseline on ${d.name}`, () => {
    useDialect(d);
    let db: Kysely<InventoryDb>;
    beforeEach(async () => {
      db = await openInventoryDb(d.newDatabase());
      await seedDevices(db, ['dev-1', 'dev-2']);
    });
    afterEach(async () => { await db.destroy(); });

    it('the register is replaced whole by an import, in line order, its device link kept', async () => {
      const reg = registerDb(db);
      const first = new RegisterWriter(reg, 'a.csv', '2026-01-01T00:00:00.000Z');
      for (let line = 2; line < 450; line++) await first.add({ line, values: { assetTag: `A${line}` }, deviceId: null, matchedOn: null });
      await first.flush();
      expect(await readRegister(reg)).toHaveLength(448);
      const second = new RegisterWriter(reg, 'b.csv', '2026-01-02T00:00:00.000Z');
      await second.clear();
      await second.add({ line: 3, values: { serial: 'S3', mac: '00:00:5e:00:53:02' }, deviceId: 'dev-2', matchedOn: 'mac' });
      await second.add({ line: 2, values: { assetTag: 'A2' }, deviceId: null, matchedOn: null });
      await second.flush();
      expect(await readRegister(reg)).toEqual([
        { line: 2, values: { assetTag: 'A2' }, deviceId: null, matchedOn: null },
        { line: 3, values: { serial: 'S3', mac: '00:00:5e:00:53:02' }, deviceId: 'dev-2', matchedOn: 'mac' },
      ]);
      // A device deleted leaves the register row, unlinked (ON DELETE SET NULL).
      await db.deleteFrom('devices').where('id', '=', 'dev-2').execute();
      expect((await readRegister(reg))[1]?.deviceId).toBeNull();
    });

    it('controls and windows: add, list, remove; a deleted device takes its own', async () => {
      const store = new ControlsStore(db);
      const a = await store.addControl({ kind: 'segmentation', description: 'VLAN 40', target: device, by: 'ana' }, NOW);
      const b = await store.addControl({ kind: 'vendor-access-control', description: 'jump host', target: model, expires: '2027-03-31', by: 'ana' }, NOW + 1);
      const w = await store.addWindow({ schedule: 'sat 22:00-sunday 4:00', description: 'ICU', target: model, by: 'ana' }, NOW);
      expect((await store.listControls()).map((c) => c.id)).toEqual([a.id, b.id]);
      expect((await store.listWindows()).map((x) => x.schedule)).toEqual(['Sat 22:00-Sun 04:00']);
      expect(await store.remove(w.id)).toBe('window');
      await expect(store.addControl({ kind: 'physical', description: 'x', target: { deviceId: 'nope', vendor: null, model: null }, by: 'a' })).rejects.toThrow(/no device with id nope/);
      await db.deleteFrom('devices').where('id', '=', 'dev-1').execute();
      expect((await store.listControls()).map((c) => c.id)).toEqual([b.id]);
    });

    it('the tables refuse what the CHECKs forbid (device and vendor both, a bad kind, a bad date)', async () => {
      const row = { id: 'ctl-x', kind: 'physical', description: 'x', device_id: 'dev-1', vendor: 'BD', model: null, expires: null, created_by: 'a', created_at: '2026-11-29T00:00:00Z' };
      const c = controlsDb(db);
      const refused = /CHECK constraint|violates check constraint/;
      await expect(c.insertInto('controls').values(row).execute()).rejects.toThrow(refused);
      await expect(c.insertInto('controls').values({ ...row, vendor: null, kind: 'moat' }).execute()).rejects.toThrow(refused);
      await expect(c.insertInto('model_support').values({ vendor: 'a', model: 'b', end_of_support: '31/12/2025', status: null, source: 'user', notes: null, updated_at: '' }).execute()).rejects.toThrow(refused);
      await c.insertInto('controls').values({ ...row, vendor: null, expires: '2026-12-31' }).execute();
    });

    it('model support is keyed case-insensitively: a second set replaces the first', async () => {
      const store = new SupportStore(db);
      await store.set({ vendor: 'BD', model: 'Alaris 8015', endOfSupport: '2025-06-30' }, NOW);
      await store.set({ vendor: 'bd', model: 'ALARIS 8015', endOfSupport: '2025-12-31', status: 'Limited', notes: 'vendor letter' }, NOW);
      expect(await store.list()).toEqual([{ vendor: 'BD', model: 'Alaris 8015', endOfSupport: '2025-12-31', status: 'limited', source: 'user', notes: 'vendor letter', updatedAt: '2026-11-29T12:00:00.000Z' }]);
      await store.set({ vendor: 'Philips', model: 'IntelliVue MX800', status: 'ended' }, NOW);
      await store.remove('bd', 'alaris 8015');
      expect((await store.list()).map((s) => s.vendor)).toEqual(['Philips']);
    });

    it('the baseline: none approved reads null; approving replaces every row', async () => {
      expect(await readBaseline(db)).toBeNull();
      await approveBaseline(db, [{ fromZone: 'imaging', toZone: 'pacs', proto: 'tcp', port: 104 }, { fromZone: 'imaging', toZone: 'pacs', proto: 'tcp', port: 104 }, { fromZone: 'it', toZone: 'imaging', proto: 'icmp', port: null }], 'ana', NOW);
      await approveBaseline(db, [{ fromZone: 'imaging', toZone: 'pacs', proto: 'tcp', port: 11112 }, { fromZone: 'it', toZone: 'imaging', proto: 'icmp', port: null }], 'bob', NOW + 1);
      expect(await readBaseline(db)).toEqual({
        services: [{ fromZone: 'imaging', toZone: 'pacs', proto: 'tcp', port: 11112 }, { fromZone: 'it', toZone: 'imaging', proto: 'icmp', port: null }],
        approvedAt: new Date(NOW + 1).toISOString(), approvedBy: 'bob',
      });
    });
  });
}
