/** Incremental data-set reader: encodings, every split point, sequences, limits, and that patient values never stay. */
import { describe, expect, it } from 'vitest';
import { datasetEnd, feedDataset, newDatasetScan } from './parse-dataset.js';
import { directionBytes, pcapSegments, splitPdus } from './test-support/pcap-segments.js';
import type { DatasetScan } from './types.js';

function fail(): never {
  throw new Error('fixture is missing a PDU');
}
function nth<T>(a: readonly T[], i: number): T {
  return a[i] ?? fail();
}

type El = [group: number, element: number, vr: string, value: string | Uint8Array];

/** Encodes elements (PS3.5 §7.1.2 explicit / §7.1.3 implicit); 'SQ-U' opens an undefined-length sequence. */
function encode(els: readonly El[], mode: 'explicit-le' | 'implicit-le' | 'explicit-be'): Uint8Array {
  const le = mode !== 'explicit-be';
  const out: number[] = [];
  const u16 = (n: number): void => {
    if (le) out.push(n & 0xff, n >> 8);
    else out.push(n >> 8, n & 0xff);
  };
  const u32 = (n: number): void => {
    if (le) {
      u16(n & 0xffff);
      u16(n >>> 16);
    } else {
      u16(n >>> 16);
      u16(n & 0xffff);
    }
  };
  for (const [g, e, vr, v] of els) {
    let bytes = typeof v === 'string' ? new TextEncoder().encode(v) : v;
    if (bytes.length % 2 === 1) bytes = Uint8Array.from([...bytes, 0x20]);
    u16(g);
    u16(e);
    if (g === 0xfffe) {
      u32(vr === 'U' ? 0xffffffff : bytes.length);
    } else if (vr === 'SQ-U') {
      if (mode !== 'implicit-le') out.push(0x53, 0x51, 0, 0);
      u32(0xffffffff);
    } else if (mode === 'implicit-le') u32(bytes.length);
    else if (['OB', 'OW', 'SQ', 'UN', 'UT'].includes(vr)) {
      out.push(vr.charCodeAt(0), vr.charCodeAt(1), 0, 0);
      u32(bytes.length);
    } else {
      out.push(vr.charCodeAt(0), vr.charCodeAt(1));
      u16(bytes.length);
    }
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}

const SAMPLE: El[] = [
  [0x0008, 0x0005, 'CS', 'ISO_IR 100'],
  [0x0008, 0x0016, 'UI', '1.2.840.10008.5.1.4.1.1.7'],
  [0x0008, 0x0050, 'SH', ''],
  [0x0008, 0x0060, 'CS', 'CT'],
  [0x0008, 0x0070, 'LO', 'ACME Medical'],
  [0x0008, 0x0080, 'LO', 'General Hospital'],
  [0x0008, 0x1010, 'SH', 'CTROOM1'],
  [0x0008, 0x1032, 'SQ-U', ''],
  [0xfffe, 0xe000, 'U', ''],
  [0x0008, 0x0100, 'SH', 'CODE1'],
  [0x0010, 0x0010, 'PN', 'NESTED^PATIENT'],
  [0xfffe, 0xe00d, '', ''],
  [0xfffe, 0xe000, '', new Uint8Array(16)],
  [0xfffe, 0xe0dd, '', ''],
  [0x0008, 0x1040, 'LO', 'Radiology'],
  [0x0008, 0x1090, 'LO', 'Scanner 64'],
  [0x0010, 0x0010, 'PN', 'SYNTHETIC^TEST'],
  [0x0010, 0x0020, 'LO', 'MRN0001'],
  [0x0010, 0x0030, 'DA', '19700101'],
  [0x0018, 0x1000, 'LO', 'SN-1'],
  [0x0018, 0x1020, 'LO', 'VA10B\\2.1'],
  [0x0020, 0x000d, 'UI', '1.2.3.4'],
  [0x0018, 0x1000, 'LO', 'NOT-TOP-LEVEL-ORDER'],
];
const DEVICE = {
  departmentName: 'Radiology',
  deviceSerialNumber: 'SN-1',
  institutionName: 'General Hospital',
  manufacturer: 'ACME Medical',
  modality: 'CT',
  modelName: 'Scanner 64',
  softwareVersions: 'VA10B\\2.1',
  stationName: 'CTROOM1',
};

function scanAll(bytes: Uint8Array, ts: string | null, splits: readonly number[] = []): DatasetScan {
  const scan = newDatasetScan(ts);
  let at = 0;
  for (const s of [...splits, bytes.length]) {
    feedDataset(scan, bytes.subarray(at, s));
    at = s;
  }
  datasetEnd(scan);
  return scan;
}

describe('data-set reader', () => {
  for (const [mode, ts] of [['explicit-le', '1.2.840.10008.1.2.1'], ['implicit-le', '1.2.840.10008.1.2'], ['explicit-be', '1.2.840.10008.1.2.2']] as const) {
    it(`reads device attributes in ${mode}, flags patient tags, stops after group 0x0018`, () => {
      const scan = scanAll(encode(SAMPLE, mode), ts);
      expect(scan.attrs).toEqual(DEVICE);
      expect(scan.phiTags).toEqual(['0010,0010', '0010,0020', '0010,0030']);
      expect(scan.note).toBeNull();
      expect(JSON.stringify(scan)).not.toMatch(/SYNTHETIC|MRN0001|19700101|NESTED/);
    });
    it(`gives the same answer for every split point (${mode})`, () => {
      const bytes = encode(SAMPLE, mode);
      for (let s = 0; s <= bytes.length; s++) expect(scanAll(bytes, ts, [s]).attrs).toEqual(DEVICE);
    });
  }
  it('sniffs the encoding when no A-ASSOCIATE-AC was seen', () => {
    expect(scanAll(encode(SAMPLE, 'explicit-le'), null).attrs).toEqual(DEVICE);
    expect(scanAll(encode(SAMPLE, 'implicit-le'), null).attrs).toEqual(DEVICE);
    expect(scanAll(encode(SAMPLE, 'explicit-be'), null).attrs).toEqual(DEVICE);
  });
  it('notes a deflated data set as unreadable without reading it', () => {
    const scan = scanAll(encode(SAMPLE, 'explicit-le'), '1.2.840.10008.1.2.1.99');
    expect(scan).toMatchObject({ done: true, note: 'deflated-unreadable', attrs: {} });
  });
  it('skips a huge value spanning fragments without buffering it', () => {
    const els: El[] = [[0x0008, 0x0070, 'LO', 'A'], [0x0009, 0x0010, 'UN', new Uint8Array(100_000)], [0x0018, 0x1000, 'LO', 'SN']];
    const bytes = encode(els, 'explicit-le');
    const scan = scanAll(bytes, '1.2.840.10008.1.2.1', [20, 5000, 50_000]);
    expect(scan.note).toBe('scan-limit');
    expect(scan.attrs).toEqual({ manufacturer: 'A' });
  });
  it('bounds nesting of undefined-length sequences', () => {
    const deep: El[] = [];
    for (let i = 0; i < 40; i++) deep.push([0x0008, 0x1032, 'SQ-U', ''], [0xfffe, 0xe000, 'U', '']);
    const scan = scanAll(encode(deep, 'explicit-le'), '1.2.840.10008.1.2.1');
    expect(scan.note).toBe('too-deep');
  });
  it('stops on a bad VR and on a truncated element', () => {
    const bad = encode([[0x0008, 0x0070, 'LO', 'A']], 'explicit-le');
    bad[4] = 0x01;
    expect(scanAll(bad, '1.2.840.10008.1.2.1').note).toBe('bad-vr');
    const cut = encode([[0x0008, 0x0070, 'LO', 'ACME']], 'explicit-le').subarray(0, 10);
    expect(scanAll(cut, '1.2.840.10008.1.2.1').note).toBe('truncated');
  });
  it('reads the data set dcmtk sent in the store fixture at every split point', () => {
    const pdus = splitPdus(directionBytes(pcapSegments(new URL('./fixtures/store-explicit.pcap', import.meta.url).pathname), true));
    // PDU 3 carries the data set in one PDV (header 6 + PDV header 6).
    const ds = nth(pdus, 2).subarray(12);
    const whole = scanAll(ds, '1.2.840.10008.1.2.1');
    expect(whole.attrs).toMatchObject({ manufacturer: 'WardwatchTest Imaging', modelName: 'FixtureScan 3000', deviceSerialNumber: 'SN-424242' });
    for (let s = 0; s < 700; s++) expect(scanAll(ds, '1.2.840.10008.1.2.1', [s]).attrs).toEqual(whole.attrs);
  });
});
