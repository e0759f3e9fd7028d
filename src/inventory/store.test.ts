/** Store behaviour: a person's values win and survive, history, retirement, all-or-nothing ingest. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Observation } from '../identify/types.js';
import { AppError } from '../util/app-error.js';
import { SqliteInventory } from '../store/sqlite/inventory/sqlite-inventory.js';
import { batch, key, obs, profile, seen, T0 } from './test-support/batch.js';

const MAC = '00:09:fb:01:02:03';
const DAY = 86_400_000;

let inv: SqliteInventory;
let id: string;
beforeEach(async () => {
  inv = await SqliteInventory.open(':memory:');
  const r = await inv.ingest(batch([obs(key(MAC, '10.1.0.4'), 'vendor', 'Philips')], [seen(key(MAC, '10.1.0.4'), ['hl7'])]));
  id = r.deviceIds.get(`${MAC}|10.1.0.4`) ?? '';
});
afterEach(async () => {
  await inv.close();
});

const classified = profile({ vendor: 'Philips', model: 'IntelliVue MX800', type: 'patient monitor', category: 'patient-monitoring', os: { name: 'Windows', version: '6.1.7601', label: 'Windows 7 SP1', endOfLife: true }, confidence: 0.9 });

describe('applyProfile and manual values', () => {
  it('writes the classified columns and records each change once', async () => {
    await inv.applyProfile(id, classified, T0);
    await inv.applyProfile(id, classified, T0 + 1000);
    const d = await inv.getDevice(id);
    expect(d).toMatchObject({ vendor: 'Philips', model: 'IntelliVue MX800', category: 'patient-monitoring', confidence: 0.9 });
    expect(d?.os).toEqual({ name: 'Windows', version: '6.1.7601', label: 'Windows 7 SP1', endOfLife: true });
    const history = await inv.history(id);
    expect(history.filter((h) => h.attribute === 'model')).toEqual([
      { attribute: 'model', oldValue: null, newValue: 'IntelliVue MX800', changedAt: new Date(T0).toISOString(), origin: 'inferred' },
    ]);
    await inv.applyProfile(id, { ...classified, os: { ...classified.os, version: '10.0.19045', label: 'Windows 10', endOfLife: false } }, T0 + DAY);
    expect((await inv.history(id)).filter((h) => h.attribute === 'osVersion').map((h) => h.newValue)).toEqual(['6.1.7601', '10.0.19045']);
  });

  it('keeps a person\'s values over re-ingest and re-classification, and can give them back', async () => {
    await inv.applyProfile(id, classified, T0);
    await inv.setManualValue(id, 'location', 'ICU bed 4', 'biomed:alice');
    await inv.setManualValue(id, 'model', 'MX850', 'biomed:alice');
    await inv.setManualValue(id, 'hostname', 'ICU-MON-04', 'biomed:alice');
    await inv.ingest(batch([obs(key(MAC, '10.1.0.4'), 'hostname', 'mx800-7f3a', T0 + DAY)]));
    await inv.applyProfile(id, { ...classified, model: 'IntelliVue MX700' }, T0 + DAY);
    let d = await inv.getDevice(id);
    expect(d).toMatchObject({ location: 'ICU bed 4', model: 'MX850', hostnames: ['ICU-MON-04', 'mx800-7f3a'] });
    const kept = await inv.db.selectFrom('manual_values').select(['value', 'inferred_value']).where('field', '=', 'model').executeTakeFirst();
    expect(kept).toEqual({ value: 'MX850', inferred_value: 'IntelliVue MX700' });
    const modelHistory = (await inv.history(id)).filter((h) => h.attribute === 'model');
    expect(modelHistory.map((h) => [h.oldValue, h.newValue, h.origin])).toEqual([
      [null, 'IntelliVue MX800', 'inferred'],
      ['IntelliVue MX800', 'MX850', 'user'],
    ]);
    await inv.setManualValue(id, 'model', null, 'biomed:alice');
    d = await inv.getDevice(id);
    expect(d?.model).toBe('IntelliVue MX700');
  });

  it('refuses an unknown field, naming the allowed ones, and a bad category', async () => {
    await expect(inv.setManualValue(id, 'colour', 'blue', 'x')).rejects.toThrow(/unknown device field "colour"; allowed: location, department, assetTag/);
    await expect(inv.setManualValue(id, 'category', 'toaster', 'x')).rejects.toBeInstanceOf(AppError);
    await expect(inv.setManualValue('no-such-id', 'location', 'x', 'x')).rejects.toThrow(/no device with id/);
  });

  it('finds devices by register identifiers', async () => {
    await inv.setManualValue(id, 'assetTag', 'BME-00417', 'cmms', 'import');
    await inv.setManualValue(id, 'serial', 'DE12345678', 'cmms', 'import');
    const found = await inv.findDevices({ assetTag: 'BME-00417', serial: 'DE12345678', ip: '10.1.0.4', mac: '00-09-FB-01-02-03', hostname: 'nope' });
    expect(found).toHaveLength(1);
    expect(found[0]?.matchedOn.sort()).toEqual(['assetTag', 'ip', 'mac', 'serial']);
    expect(await inv.findDevices({ serial: 'other' })).toEqual([]);
  });
});

describe('device JSON', () => {
  it('has the docs/architecture.md shape, with protocols, HL7 versions and evidence without internal fields', async () => {
    await inv.ingest({
      observations: [obs(key(MAC, null), 'hl7Application', 'MX800'), obs(key(MAC, null), 'hl7Facility', 'ICU')],
      sightings: [{ key: key(MAC, null), protocols: ['dhcp'], protocolVersions: [{ protocol: 'hl7', version: '2.6' }], firstSeenMs: T0, lastSeenMs: T0 }],
    });
    const d = await inv.getDevice(id);
    expect(Object.keys(d ?? {}).sort()).toEqual(
      ['assetTag', 'category', 'confidence', 'department', 'dicom', 'evidence', 'externalPeers', 'firmware', 'firstSeen', 'hl7', 'hostnames', 'id', 'ips', 'lastSeen', 'location', 'mac', 'model', 'os', 'owner', 'protocols', 'retiredAt', 'risk', 'serial', 'supportEnd', 'supportStatus', 'type', 'vendor'],
    );
    expect(d?.protocols).toEqual(['dhcp', 'hl7']);
    expect(d?.hl7).toEqual({ applications: ['MX800'], facilities: ['ICU'], versions: ['2.6'] });
    expect(d?.evidence[0]).toEqual({ attribute: 'vendor', value: 'Philips', source: 'test.vendor', detail: 'Philips', confidence: 0.9 });
    expect(d?.risk).toBeNull();
    expect((await inv.evidenceFor(id)).map((e) => e.attribute).sort()).toEqual(['hl7Application', 'hl7Facility', 'vendor']);
  });
});

describe('retirement', () => {
  it('retires devices unseen for N days and brings them back when seen again', async () => {
    expect(await inv.retireUnseen(30, T0 + 10 * DAY)).toBe(0);
    expect(await inv.retireUnseen(30, T0 + 31 * DAY)).toBe(1);
    expect(await inv.listDevices()).toEqual([]);
    expect((await inv.listDevices({ includeRetired: true }))[0]?.retiredAt).toBe(new Date(T0 + 31 * DAY).toISOString());
    await inv.ingest(batch([], [seen(key(MAC, null), ['hl7'], T0 + 40 * DAY)]));
    expect((await inv.listDevices())[0]?.retiredAt).toBeNull();
  });
});

describe('transactions', () => {
  it('leaves the store untouched when ingest fails part-way (thrown from inside the transaction)', async () => {
    const before = await inv.listDevices();
    const rows = async (): Promise<unknown> => ({
      history: await inv.db.selectFrom('attribute_history').selectAll().execute(),
      runs: await inv.db.selectFrom('ingest_runs').selectAll().execute(),
      addresses: await inv.db.selectFrom('device_addresses').selectAll().execute(),
    });
    const snapshot = await rows();
    const good: Observation[] = Array.from({ length: 50 }, (_, i) => obs(key(`02:00:00:00:01:${i.toString(16).padStart(2, '0')}`, `10.2.0.${i}`), 'vendor', 'Acme'));
    // A throwing getter fails in the middle of the writes, after 50 devices were inserted.
    const poisoned = { key: { mac: '02:00:00:00:02:00', ip: null }, get evidence(): never { throw new Error('crash mid-ingest'); } } as unknown as Observation;
    await expect(inv.ingest(batch([...good, poisoned]))).rejects.toThrow('crash mid-ingest');
    // A database constraint failing late in the batch (confidence out of range) rolls back too.
    await expect(inv.ingest(batch([...good, obs(key(MAC, null), 'vendor', 'x', T0, { confidence: 7 })]))).rejects.toThrow(/CHECK constraint/);
    expect(await inv.listDevices()).toEqual(before);
    expect(await rows()).toEqual(snapshot);
  });
});
