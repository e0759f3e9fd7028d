/** Firmware from DICOM: the device's Software Versions (0018,1020) over the toolkit its association names, and what must not move. */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../decode/types.js';
import { classifyDevice } from './classify.js';
import { observationsFromRecord } from './extract-evidence.js';
import { DICOM_TOOLKIT_SOURCE, firmwareVoters } from './firmware.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import type { DeviceProfile, Evidence } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
const base = { ts: '2026-03-02T08:00:00Z', proto: 'dicom', src: '10.20.1.5', sport: 50123, dst: '10.20.0.10', dport: 104, srcMac: '00:1b:4f:00:00:05', dstMac: '00:1b:4f:00:00:10' };

/** A storage SCU as it shows itself: an A-ASSOCIATE-RQ, then (when `ds` is given) a C-STORE with its device attributes. */
function sender(uid: string, versionName: string, ds: Record<string, string> | null): DeviceProfile {
  const recs: ProtocolRecord[] = [{ ...base, kind: 'associate-rq', callingAeTitle: 'DEV01', calledAeTitle: 'PACS', implementationClassUid: uid, implementationVersionName: versionName, abstractSyntaxes: ['1.2.840.10008.5.1.4.1.1.9.1.2'] }];
  if (ds !== null) recs.push({ ...base, kind: 'command', command: 'C-STORE-RQ', dataset: ds });
  const ev = recs.flatMap((r) => observationsFromRecord(r, kb)).filter((o) => o.key.mac === base.srcMac).map((o) => o.evidence);
  return classifyDevice(ev, kb, { asOf });
}

const toolkitFirmware = (p: DeviceProfile): string[] => p.evidence.filter((e) => e.attribute === 'firmware' && e.source === DICOM_TOOLKIT_SOURCE).map((e) => e.value).sort();

describe('firmware from a DICOM sender', () => {
  it('an ELI 380 on DCMTK 3.6.7: its Software Versions 2.4.0 is the firmware; the toolkit stays as evidence', () => {
    const p = sender('1.2.276.0.7230010.3.0.3.6.7', 'OFFIS_DCMTK_367', { modality: 'ECG', manufacturer: 'Welch Allyn', modelName: 'ELI 380', softwareVersions: '2.4.0' });
    expect(p).toMatchObject({ vendor: 'Welch Allyn', model: 'ELI 380', firmware: '2.4.0' });
    expect(toolkitFirmware(p)).toEqual(['DCMTK', 'DCMTK 3.6.7']);
    expect(p.evidence.some((e) => e.attribute === 'dicomImplementationVersionName' && e.value === 'OFFIS_DCMTK_367')).toBe(true);
  });

  it('a Selenia Dimensions on Laurel Bridge DCF: its Software Versions wins; without one the firmware is unknown, not "DCF"', () => {
    const ds = { modality: 'MG', manufacturer: 'HOLOGIC, Inc.', modelName: 'Selenia Dimensions' };
    expect(sender('1.2.840.114089.1.0.0.3.3.12', 'DCF 3.3.12c', { ...ds, softwareVersions: '1.11.1' }).firmware).toBe('1.11.1');
    const silent = sender('1.2.840.114089.1.0.0.3.3.12', 'DCF 3.3.12c', ds);
    expect(silent.model).toBe('Selenia Dimensions');
    expect(silent.firmware).toBeNull();
    expect(toolkitFirmware(silent)).toEqual(['Laurel Bridge DCF 3.3.12c']);
  });

  it('a bare DICOM node (no data set, no model) keeps the toolkit as the one software fact it shows', () => {
    expect(sender('1.2.840.114089.1.0.0.3.3.12', 'DCF 3.3.12c', null).firmware).toBe('Laurel Bridge DCF 3.3.12c');
  });

  it('a maker\'s own version name is its software, not a toolkit: "Philips MR 53.0" stays the firmware of an Ingenia', () => {
    const p = sender('1.3.46.670589.11.0.0.51.4.53', 'Philips MR 53.0', { modality: 'MR', manufacturer: 'Philips Medical Systems', modelName: 'Ingenia' });
    expect(p.firmware).toBe('53.0');
    expect(toolkitFirmware(p)).toEqual([]);
  });

  it('a toolkit never settles a conflict between two versions the device states', () => {
    const p = sender('1.2.276.0.7230010.3.0.3.6.7', 'OFFIS_DCMTK_367', { modality: 'ECG', manufacturer: 'Welch Allyn', modelName: 'ELI 380', softwareVersions: '2.4.0' });
    const other: Evidence = { attribute: 'firmware', value: '3.0.1', source: 'snmp.sysDescr', detail: 'x', confidence: 0.75, tsMs: 0 };
    const voters = firmwareVoters([...p.evidence.filter((e) => e.attribute === 'firmware'), other], true);
    expect(voters.map((e) => e.value).sort()).toEqual(['2.4.0', '3.0.1']);
    expect(classifyDevice([...p.evidence, other], kb, { asOf }).firmware).toBeNull();
  });
});
