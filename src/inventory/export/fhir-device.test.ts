/**
 * `devices --format fhir`: the Bundle of R4 Devices checked against the R4 Device structure
 * (http://hl7.org/fhir/R4/device.html, StructureDefinition/Device|4.0.1), on the bundled sample and on edge cases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../../cli/test-support/run-cli.js';
import type { DeviceJson } from '../types.js';
import { DEFAULT_SYSTEM_BASE, toFhirBundle, toFhirDevice } from './fhir-device.js';
import type { FhirBundle } from './fhir-types.js';
import { checkR4Device, checkR4DeviceBundle } from './test-support/fhir-r4-structure.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-fhir-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A device the store could hold with nothing known but its id and sighting times. */
function bare(over: Partial<DeviceJson> = {}): DeviceJson {
  return {
    id: '5f0c7a2e-3b1d-5c4e-9a8b-0123456789ab', mac: null, ips: [], hostnames: [], vendor: null, model: null, type: null, category: 'unknown',
    os: { name: null, version: null, label: null, endOfLife: null }, firmware: null, protocols: [],
    dicom: { aeTitles: [], implementationClassUid: null, implementationVersionName: null }, hl7: { applications: [], facilities: [], versions: [] },
    location: null, department: null, assetTag: null, owner: null, serial: null, supportEnd: null, supportStatus: null,
    confidence: 0, firstSeen: '2024-03-01T10:00:00.000Z', lastSeen: '2024-03-01T10:05:00.000Z', retiredAt: null, evidence: [], risk: null,
    ...over,
  };
}

describe('devices --format fhir on the bundled sample', () => {
  const db = path.join(dir, 'sample.db');

  it('prints a collection Bundle whose every Device passes the R4 structure check', () => {
    expect(runCli(['analyze', '--db', db, path.join(repoRoot, 'samples/hospital-sample.pcap')]).code).toBe(0);
    const r = runCli(['devices', '--db', db, '--format', 'fhir']);
    expect(r.code).toBe(0);
    const bundle = JSON.parse(r.stdout) as FhirBundle;
    expect(checkR4DeviceBundle(bundle)).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry).toHaveLength(8);
    for (const e of bundle.entry) expect(e.fullUrl).toBe(`urn:uuid:${e.resource.id}`);

    const ct = bundle.entry.map((e) => e.resource).find((d) => d.deviceName?.some((n) => n.name === 'CT01'));
    expect(ct).toMatchObject({ status: 'active', manufacturer: 'GE Healthcare', type: { text: 'CT scanner' } });
    expect(ct?.deviceName).toContainEqual({ name: 'CT01', type: 'user-friendly-name' });
    expect(ct?.identifier?.some((i) => i.system === `${DEFAULT_SYSTEM_BASE}/mac` && i.type?.coding?.[0]?.code === 'ETHMAC')).toBe(true);
    expect(ct?.identifier?.some((i) => i.system === `${DEFAULT_SYSTEM_BASE}/ipv4` && i.use === 'temp')).toBe(true);
    const ws = bundle.entry.map((e) => e.resource).find((d) => d.deviceName?.some((n) => n.name === 'RAD-WS-07'));
    expect(ws?.version?.find((v) => v.type?.text === 'os')?.value).toMatch(/^Windows 7/);
  });
});

describe('toFhirDevice edge cases, each checked against the R4 structure', () => {
  it('a device with nulls everywhere is still a valid Device: id identifier, status, category, confidence', () => {
    const d = toFhirDevice(bare());
    expect(checkR4Device(d)).toEqual([]);
    expect(Object.keys(d).sort()).toEqual(['id', 'identifier', 'note', 'property', 'resourceType', 'status']);
    expect(d.identifier).toEqual([{ use: 'usual', system: `${DEFAULT_SYSTEM_BASE}/device-id`, value: bare().id }]);
    expect(d.note).toEqual([{ text: 'Seen on the network from 2024-03-01T10:00:00.000Z to 2024-03-01T10:05:00.000Z' }]);
  });

  it('a retired device is inactive', () => {
    const d = toFhirDevice(bare({ retiredAt: '2024-04-01T00:00:00.000Z' }));
    expect(d.status).toBe('inactive');
    expect(checkR4Device(d)).toEqual([]);
  });

  it('every field filled maps to its R4 element', () => {
    const d = toFhirDevice(
      bare({
        mac: '00:1B:44:11:3A:B7', ips: ['10.20.1.5', 'fe80::21b:44ff:fe11:3ab7'], hostnames: ['CT01'], vendor: 'GE Healthcare', model: 'Revolution',
        type: 'CT scanner', category: 'imaging', os: { name: 'Windows', version: '6.1.7601', label: 'Windows 7 SP1', endOfLife: true }, firmware: '2.3',
        dicom: { aeTitles: ['CT01', 'CT01_Q'], implementationClassUid: '1.2.840.113619.6.1', implementationVersionName: 'GE_V1' },
        location: 'Radiology B2', department: 'Imaging', assetTag: 'BME-0042', owner: 'Clinical Engineering', serial: 'SN123', supportStatus: 'supported',
        protocols: ['dicom', 'smb'], confidence: 0.92,
      }),
      'https://hospital.example/sid',
    );
    expect(checkR4Device(d)).toEqual([]);
    expect(d).toMatchObject({ manufacturer: 'GE Healthcare', modelNumber: 'Revolution', serialNumber: 'SN123', location: { display: 'Radiology B2' }, owner: { display: 'Clinical Engineering' } });
    expect(d.identifier?.map((i) => [i.system, i.value])).toEqual([
      ['https://hospital.example/sid/device-id', bare().id],
      ['https://hospital.example/sid/asset-tag', 'BME-0042'],
      ['https://hospital.example/sid/serial', 'SN123'],
      ['https://hospital.example/sid/mac', '00:1b:44:11:3a:b7'],
      ['https://hospital.example/sid/ipv4', '10.20.1.5'],
      ['https://hospital.example/sid/ipv6', 'fe80::21b:44ff:fe11:3ab7'],
    ]);
    expect(d.deviceName).toEqual([
      { name: 'CT01', type: 'user-friendly-name' },
      { name: 'Revolution', type: 'model-name' },
      { name: 'CT01', type: 'other' },
      { name: 'CT01_Q', type: 'other' },
    ]);
    expect(d.version).toEqual([
      { type: { text: 'os' }, value: 'Windows 7 SP1 (6.1.7601)' },
      { type: { text: 'firmware' }, value: '2.3' },
      { type: { text: 'dicom-implementation-version' }, value: 'GE_V1' },
    ]);
  });

  it('odd characters: control bytes stripped, blank values dropped, markdown escaped, unicode kept, odd ids made UUIDs', () => {
    const d = toFhirDevice(
      bare({ id: 'ip:10.0.0.1', hostnames: ['  ', 'PUMP\u0000-01\u001b', 'Ström‑🩺'], vendor: '\t', model: '', location: 'Ward *3* <b>', department: 'ICU_[north]' }),
    );
    expect(checkR4Device(d)).toEqual([]);
    expect(d.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(d.deviceName?.map((n) => n.name)).toEqual(['PUMP-01', 'Ström‑🩺']);
    expect(d.manufacturer).toBeUndefined();
    expect(d.modelNumber).toBeUndefined();
    expect(d.location?.display).toBe('Ward *3* <b>');
    expect(d.note?.[0]?.text).toBe('Department: ICU\\_\\[north\\]');
  });

  it('a Bundle of many devices has unique fullUrls and an instant timestamp', () => {
    const b = toFhirBundle([bare(), bare({ id: '6f0c7a2e-3b1d-5c4e-9a8b-0123456789ab' }), bare({ id: 'not a uuid' })], { generatedAt: new Date(Date.UTC(2024, 2, 1)) });
    expect(checkR4DeviceBundle(b)).toEqual([]);
    expect(b.timestamp).toBe('2024-03-01T00:00:00.000Z');
    expect(toFhirBundle([], { generatedAt: new Date(0) }).entry).toEqual([]);
  });
});

describe('the R4 structure check itself rejects wrong resources', () => {
  const good = (): Record<string, unknown> => JSON.parse(JSON.stringify(toFhirDevice(bare({ hostnames: ['CT01'], model: 'X' })))) as Record<string, unknown>;
  const broken: [string, (r: Record<string, unknown>) => void, RegExp][] = [
    ['an element R4 Device does not have', (r) => { r.model = 'X'; }, /Device\.model: not an element/],
    ['a deviceName type outside the required value set', (r) => { r.deviceName = [{ name: 'CT01', type: 'hostname' }]; }, /deviceName\[0\]\.type: 'hostname' is not in the required value set/],
    ['a deviceName without its required name', (r) => { r.deviceName = [{ type: 'other' }]; }, /deviceName\[0\]\.name: required/],
    ['a status outside the required value set', (r) => { r.status = 'retired'; }, /Device\.status: 'retired'/],
    ['a 0..* element as a single object', (r) => { r.deviceName = { name: 'CT01', type: 'other' }; }, /deviceName: 0\.\.\* element must be a JSON array/],
    ['a 0..1 element as an array', (r) => { r.manufacturer = ['GE']; }, /manufacturer: 0\.\.1 element must not be an array/],
    ['the wrong resourceType', (r) => { r.resourceType = 'DeviceDefinition'; }, /resourceType: 'DeviceDefinition'/],
    ['an empty string', (r) => { r.serialNumber = ''; }, /serialNumber: not a valid string/],
    ['a control character', (r) => { r.manufacturer = 'GE\u0001'; }, /manufacturer: control character/],
    ['a null', (r) => { r.modelNumber = null; }, /modelNumber: expected string/],
    ['an unknown element inside a datatype', (r) => { r.identifier = [{ system: 'urn:x', val: '1' }]; }, /identifier\[0\]\.val: not an element/],
    ['a bad identifier use', (r) => { r.identifier = [{ use: 'primary', value: '1' }]; }, /identifier\[0\]\.use: 'primary'/],
    ['an Annotation without text', (r) => { r.note = [{ time: '2024' }]; }, /note\[0\]\.text: required/],
    ['a non-numeric Quantity value', (r) => { r.property = [{ type: { text: 'c' }, valueQuantity: [{ value: '0.9' }] }]; }, /valueQuantity\[0\]\.value: expected a finite number/],
  ];
  it.each(broken)('flags %s', (_name, breakIt, message) => {
    const r = good();
    expect(checkR4Device(r)).toEqual([]);
    breakIt(r);
    expect(checkR4Device(r).join('\n')).toMatch(message);
  });

  it('flags a Bundle with a bad type, duplicate fullUrls and a broken entry', () => {
    const b = JSON.parse(JSON.stringify(toFhirBundle([bare(), bare()], { generatedAt: new Date(0) }))) as { type: string; entry: { resource: Record<string, unknown> }[] };
    b.type = 'list';
    const second = b.entry[1];
    if (second !== undefined) second.resource.status = 'off';
    const issues = checkR4DeviceBundle(b).join('\n');
    expect(issues).toMatch(/Bundle\.type: 'list'/);
    expect(issues).toMatch(/entry\[1\]\.fullUrl: duplicate \(bdl-7\)/);
    expect(issues).toMatch(/Bundle\.entry\[1\]\.resource\.status: 'off'/);
  });
});
