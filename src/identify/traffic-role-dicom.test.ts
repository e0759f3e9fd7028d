/** DICOM roles (traffic-role-dicom.ts): modality, archive, workstation, and what each is not. */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../decode/types.js';
import { classifyDevice } from './classify.js';
import { observationsFromRecord } from './extract-evidence.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import { DICOM_ROLE_SOURCE } from './traffic-role-dicom.js';
import type { DeviceProfile, Evidence } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
const [CT, MR, PACS, VNA, WS] = ['10.40.1.21', '10.40.1.22', '10.40.1.10', '10.40.1.11', '10.40.1.50'];
const SOP = { ct: '1.2.840.10008.5.1.4.1.1.2', mr: '1.2.840.10008.5.1.4.1.1.4', sc: '1.2.840.10008.5.1.4.1.1.7', studyFind: '1.2.840.10008.5.1.4.1.2.2.1', studyMove: '1.2.840.10008.5.1.4.1.2.2.2', mwl: '1.2.840.10008.5.1.4.31' };

function cmd(src: string, dst: string, command: string, sop: string, modality?: string): ProtocolRecord {
  const rec: ProtocolRecord = { ts: '2026-03-02T08:00:15Z', proto: 'dicom', kind: 'command', src, sport: 40000, dst, dport: 104, command, affectedSopClassUid: sop };
  return modality === undefined ? rec : { ...rec, dataset: { modality, manufacturer: 'ACME' } };
}
const accept = (acceptor: string, requester: string, sop: string): ProtocolRecord => ({ ts: '2026-03-02T08:00:14Z', proto: 'dicom', kind: 'associate-ac', src: acceptor, sport: 104, dst: requester, dport: 40000, calledAeTitle: 'X', abstractSyntaxes: [sop] });

function hostFrom(ip: string, records: readonly ProtocolRecord[]): DeviceProfile {
  const ev: Evidence[] = records.flatMap((r) => observationsFromRecord(r, kb)).filter((o) => o.key.ip === ip).map((o) => o.evidence);
  return classifyDevice(ev, kb, { asOf });
}
const role = (p: DeviceProfile): string | undefined => p.evidence.find((e) => e.source === DICOM_ROLE_SOURCE && e.attribute === 'type')?.detail;

describe('modality: sends images of one acquisition and nothing else', () => {
  it('fires: by the data set Modality, else by the SOP class; a worklist query and secondary captures do not change it', () => {
    expect(hostFrom(CT, [cmd(CT, PACS, 'C-STORE-RQ', SOP.ct, 'CT'), accept(PACS, CT, SOP.ct)])).toMatchObject({ type: 'CT scanner', category: 'imaging' });
    expect(hostFrom(MR, [cmd(MR, PACS, 'C-STORE-RQ', SOP.mr)])).toMatchObject({ type: 'MRI scanner', category: 'imaging' });
    const ct = hostFrom(CT, [cmd(CT, PACS, 'C-FIND-RQ', SOP.mwl), cmd(CT, PACS, 'C-STORE-RQ', SOP.ct, 'CT'), cmd(CT, PACS, 'C-STORE-RQ', SOP.sc, 'OT')]);
    expect(ct).toMatchObject({ type: 'CT scanner', category: 'imaging' });
    expect(role(ct)).toMatch(/^sends images \(Modality CT\) to 10\.40\.1\.10 and receives none/);
  });

  it('must not fire: a PACS forwarding images it received, a router sending CT and MR', () => {
    const fwd = [cmd(CT, PACS, 'C-STORE-RQ', SOP.ct, 'CT'), cmd(PACS, VNA, 'C-STORE-RQ', SOP.ct, 'CT'), accept(PACS, CT, SOP.ct)];
    expect(hostFrom(PACS, fwd)).toMatchObject({ type: 'PACS', category: 'imaging-infrastructure' });
    expect(hostFrom(VNA, fwd).type).toBeNull();
    const router = hostFrom(PACS, [cmd(PACS, VNA, 'C-STORE-RQ', SOP.ct, 'CT'), cmd(PACS, VNA, 'C-STORE-RQ', SOP.mr, 'MR')]);
    expect(router.type).toBeNull();
    expect(router.category).toBe('unknown');
  });
});

describe('archive and workstation', () => {
  it('a PACS answering query/retrieve and sending the retrieved images is a PACS, not a modality', () => {
    const records = [cmd(WS, PACS, 'C-FIND-RQ', SOP.studyFind), cmd(WS, PACS, 'C-MOVE-RQ', SOP.studyMove), cmd(PACS, WS, 'C-STORE-RQ', SOP.ct, 'CT'), accept(WS, PACS, SOP.ct)];
    const pacs = hostFrom(PACS, records);
    expect(pacs).toMatchObject({ type: 'PACS', category: 'imaging-infrastructure' });
    expect(role(pacs)).toMatch(/^answers DICOM query\/retrieve from 10\.40\.1\.50/);
    const ws = hostFrom(WS, records);
    expect(ws).toMatchObject({ type: 'imaging workstation', category: 'imaging-infrastructure' });
    expect(ws.type).not.toBe('PACS');
  });

  it('a workstation retrieving from two archives is still a workstation, not an archive', () => {
    const records = [cmd(WS, PACS, 'C-MOVE-RQ', SOP.studyMove), cmd(WS, VNA, 'C-MOVE-RQ', SOP.studyMove), cmd(PACS, WS, 'C-STORE-RQ', SOP.ct, 'CT'), cmd(VNA, WS, 'C-STORE-RQ', SOP.mr, 'MR')];
    expect(hostFrom(WS, records)).toMatchObject({ type: 'imaging workstation', category: 'imaging-infrastructure' });
  });

  it('must not fire as a workstation: a modality querying the worklist only', () => {
    expect(hostFrom(CT, [cmd(CT, PACS, 'C-FIND-RQ', SOP.mwl)]).type).toBeNull();
  });

  it('a storage SCP that only accepts is judged by the contexts it accepts, as before', () => {
    expect(hostFrom(PACS, [accept(PACS, CT, SOP.ct)])).toMatchObject({ type: null });
    expect(hostFrom(PACS, [accept(PACS, CT, SOP.ct)]).evidence.some((e) => e.source === DICOM_ROLE_SOURCE && e.value === 'PACS')).toBe(true);
  });

  it('re-classifying a stored profile (derived evidence included) gives the same profile', () => {
    const records = [cmd(WS, PACS, 'C-FIND-RQ', SOP.studyFind), cmd(PACS, WS, 'C-STORE-RQ', SOP.ct, 'CT'), accept(WS, PACS, SOP.ct)];
    for (const ip of [PACS, WS]) {
      const p = hostFrom(ip, records);
      expect({ ...classifyDevice(p.evidence, kb, { asOf }), evidence: [] }).toEqual({ ...p, evidence: [] });
    }
  });

  it('bad records give nothing and never throw', () => {
    expect(hostFrom(CT, [{ ...cmd(CT, PACS, 'C-STORE-RQ', 'not a uid x'), dataset: 'x' }, { ...cmd(CT, PACS, 'C-ECHO-RQ', SOP.ct) }]).type).toBeNull();
  });
});
