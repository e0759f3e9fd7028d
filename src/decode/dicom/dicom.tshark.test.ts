/** Our records vs tshark's DICOM dissector on every fixture capture (agreement >= 99.9 %), and the no-PHI rule. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { decoders } from '../registry.js';
import { dicomDecoder } from './index.js';
import { compare, emptyAgreement, recordValues, tsharkValues } from './test-support/tshark-compare.js';
import { requires } from '../../test-support/tools.js';
import { corpusPcaps } from '../../test-support/test-data.js';

const tshark = requires({ tools: ['tshark'] });

const fixture = (name: string): string => new URL(`./fixtures/${name}.pcap`, import.meta.url).pathname;
const PORTS = [11112, 4242, 20104];
const ENGINE_FIXTURES = ['echo', 'store-explicit', 'store-implicit', 'store-big', 'store-deflated', 'user-identity', 'refuse', 'abort', 'port-20104', 'find', 'reject-ae'];


describe('dicom records through the engine (recordsOf)', () => {
  it('store-explicit: association, the C-STORE-RQ with device attributes only, and the response', async () => {
    const { records, issues } = await recordsOf(fixture('store-explicit'), [dicomDecoder]);
    expect(issues).toEqual([]);
    const store = records.find((r) => r.command === 'C-STORE-RQ');
    expect(store).toMatchObject({
      proto: 'dicom',
      affectedSopClassUid: '1.2.840.10008.5.1.4.1.1.7',
      messageId: 1,
      dataset: {
        manufacturer: 'WardwatchTest Imaging',
        modelName: 'FixtureScan 3000',
        softwareVersions: 'VA10B',
        deviceSerialNumber: 'SN-424242',
        stationName: 'CT01',
        institutionName: 'Synthetic General Hospital',
        departmentName: 'Radiology',
        modality: 'OT',
      },
      patientDataPresent: true,
      patientDataTags: ['0010,0010', '0010,0020', '0010,0030'],
      datasetEncoding: 'explicit-le',
    });
    expect(store).not.toHaveProperty('affectedSopInstanceUid');
  });
  it('implicit VR and big endian data sets give the same device attributes; deflated is noted', async () => {
    for (const [name, encoding] of [['store-implicit', 'implicit-le'], ['store-big', 'explicit-be']] as const) {
      const { records } = await recordsOf(fixture(name), [dicomDecoder]);
      expect(records.find((r) => r.command === 'C-STORE-RQ')).toMatchObject({ datasetEncoding: encoding, dataset: { manufacturer: 'WardwatchTest Imaging', deviceSerialNumber: 'SN-424242' } });
    }
    const { records } = await recordsOf(fixture('store-deflated'), [dicomDecoder]);
    expect(records.find((r) => r.command === 'C-STORE-RQ')).toMatchObject({ datasetNote: 'deflated-unreadable', dataset: {} });
  });
  it('detects DICOM by content on a port that is not a hint (20104)', async () => {
    const { records } = await recordsOf(fixture('port-20104'), [dicomDecoder]);
    expect(records.map((r) => r.kind)).toEqual(['associate-rq', 'associate-ac', 'command', 'command', 'release-rq', 'release-rp']);
    expect(records[0]?.dport).toBe(20104);
  });
  it('is the decoder the registry picks for DICOM flows', async () => {
    for (const name of ['echo', 'port-20104', 'find']) {
      const { records } = await recordsOf(fixture(name), decoders);
      expect(records.length).toBe(6);
      expect(new Set(records.map((r) => r.proto))).toEqual(new Set(['dicom']));
    }
  });
  it('claims no flow in the corpus captures, which hold no DICOM (test-data/MANIFEST.md)', async () => {
    const files = ['zeek', 'ndpi'].flatMap((d) => readdirSync(join(corpusPcaps, d)).map((f) => join(corpusPcaps, d, f)));
    for (const f of files) {
      const { records } = await recordsOf(f, [dicomDecoder]);
      expect(records, f).toEqual([]);
    }
  });
  it('never emits patient values or the passcode (PHI rule)', async () => {
    for (const name of ['store-explicit', 'store-implicit', 'store-big', 'store-deflated', 'user-identity', 'find', 'abort']) {
      const { records } = await recordsOf(fixture(name), [dicomDecoder]);
      const json = JSON.stringify(records);
      expect(json).not.toMatch(/SYNTHETIC|MRN0001|19700101|S3cretPass/);
    }
  });
});

describe.skipIf(tshark.skip)(tshark.title('dicom vs tshark'), () => {
  it('agrees on >= 99.9 % of the fields both decode, over every fixture', async () => {
    const all = recordValues([]);
    const add = (records: Parameters<typeof recordValues>[0]): void => {
      for (const [k, v] of recordValues(records)) all.set(k, [...(all.get(k) ?? []), ...v]);
    };
    // store-many-contexts: its 9.6 KB A-ASSOCIATE-RQ arrives in one segment larger than the 2 KiB probe window.
    for (const name of [...ENGINE_FIXTURES, 'store-many-contexts']) add((await recordsOf(fixture(name), [dicomDecoder])).records);
    // One tshark run over all fixtures (tshark start-up dominates); client ports differ, so flows do not mix.
    const dir = mkdtempSync(join(tmpdir(), 'dicom-tshark-'));
    try {
      const merged = join(dir, 'all.pcap');
      execFileSync('mergecap', ['-F', 'pcap', '-a', '-w', merged, ...[...ENGINE_FIXTURES, 'store-many-contexts'].map(fixture)]);
      const total = compare(all, tsharkValues(merged, PORTS), emptyAgreement());
      expect(total.disagreements).toEqual([]);
      // The one value tshark does not decode: in the deflated association it inflates the C-STORE-RSP command set too
      // (commands are always implicit VR LE, PS3.7 §6.3.1) and shows it as "P-DATA, Command" without a name.
      expect(total.oneSided).toEqual(['command: tshark only [], ours only [C-STORE-RSP 1]']);
      expect(total.compared).toBeGreaterThan(400);
      expect(total.agreed / total.compared).toBeGreaterThanOrEqual(0.999);
      console.log(`dicom vs tshark: ${String(total.agreed)}/${String(total.compared)} field values agree`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
