/**
 * IT devices named by what they send (data/dhcp-fingerprints.json, data/snmp-sysdescr.json): a camera's or a server
 * management controller's DHCP vendor class, a printer's option-55 list beside its maker's OUI, a UPS management card's
 * sysDescr. Each must fire on what such a device sends and stay quiet on its near neighbours.
 */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../decode/types.js';
import { classifyDevice } from './classify.js';
import { observationsFromAddress, observationsFromRecord } from './extract-evidence.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import type { DeviceProfile } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');

/** What a record says beyond its addresses. */
type Said = { proto: string; kind: string } & Record<string, string>;

function profile(mac: string, records: readonly Said[]): DeviceProfile {
  const base = { src: '10.1.2.3', srcMac: mac, sport: 68, dst: '255.255.255.255', dport: 67, ts: '2026-03-02T08:00:00Z' };
  const recs: ProtocolRecord[] = records.map((r) => ({ ...r, ...base, clientMac: mac }));
  const ev = [...recs.flatMap((r) => observationsFromRecord(r, kb)), ...observationsFromAddress({ mac, ip: '10.1.2.3' }, 0, kb)].map((o) => o.evidence);
  return classifyDevice(ev, kb, { asOf });
}
const dhcp = (fields: Record<string, string>): Said => ({ ...fields, proto: 'dhcp', kind: 'request' });
const snmp = (sysDescr: string): Said => ({ proto: 'snmp', kind: 'response', sysDescr });
/** A MAC whose OUI the registry does not hold: only the record speaks. */
const NO_OUI = '02:00:00:00:00:01';

describe('DHCP vendor class of cameras and server management controllers', () => {
  it('an Axis camera\'s option 60 names maker, type and category', () => {
    const p = profile(NO_OUI, [dhcp({ vendorClass: 'AXIS,PTZ Network Camera,M5065' })]);
    expect([p.vendor, p.type, p.category]).toEqual(['Axis Communications', 'IP camera', 'iot']);
  });

  it('must not call an Axis video encoder a camera', () => {
    const p = profile(NO_OUI, [dhcp({ vendorClass: 'AXIS,Video Server,241Q' })]);
    expect([p.vendor, p.type, p.category]).toEqual(['Axis Communications', null, 'iot']);
  });

  it('an iDRAC is Dell IT equipment (its type is left to a better source)', () => {
    const p = profile('10:65:30:c5:51:00', [dhcp({ vendorClass: 'iDRAC' })]);
    expect([p.vendor, p.type, p.category]).toEqual(['Dell', null, 'it']);
  });

  it('must not fire on a vendor class that only contains the word', () => {
    const p = profile(NO_OUI, [dhcp({ vendorClass: 'MSFT 5.0 iDRAC-tools' }), dhcp({ vendorClass: 'Linux AXIS,Network Camera,x' })]);
    expect([p.type, p.category]).toEqual([null, 'unknown']);
  });
});

describe('a printer\'s option-55 list seconds its maker\'s product line', () => {
  const kyoceraDocumentSolutions = 'd4:f0:c9:10:88:09';
  it('a printer maker\'s OUI and a printer\'s list together fill printer / it', () => {
    const p = profile(kyoceraDocumentSolutions, [dhcp({ paramRequestList: '1,3,12,6,15,23,44,47' })]);
    expect([p.vendor, p.type, p.category]).toEqual(['Kyocera', 'printer', 'it']);
  });

  it('must not fill alone: the list on an unknown NIC, or the maker\'s OUI with another list', () => {
    expect(profile(NO_OUI, [dhcp({ paramRequestList: '1,3,12,6,15,23,44,47' })]).type).toBeNull();
    expect(profile(kyoceraDocumentSolutions, [dhcp({ paramRequestList: '1,3,6,15,31,33,43,44,46,47,119,121,249,252' })]).type).toBeNull();
  });
});

describe('APC management card sysDescr', () => {
  const card = (model: string): string => `APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.5.0 PN:apc_hw05_aos_650.bin AF1:v6.5.0 AN1:apc_hw05_sumx_650.bin MN:${model} HR:08 SN: ZA0000000000 MD:10/30/2017) (Embedded PowerNet SNMP Agent SW v2.2 compatible)`;
  it('a UPS card model is a UPS', () => {
    const p = profile(NO_OUI, [snmp(card('AP9630'))]);
    expect([p.vendor, p.type, p.category]).toEqual(['APC', 'UPS', 'it']);
    expect(profile(NO_OUI, [snmp(card('AP9641'))]).type).toBe('UPS');
    // As the decoder hands it over: the card's tab separators dropped as control characters.
    expect(profile(NO_OUI, [snmp('APC Web/SNMP Management Card (MB:v4.1.0PF:v6.5.0PN:apc_hw05_aos_650.bin AF1:v6.5.0 AN1:apc_hw05_sumx_650.binMN:AP9630HR:08SN: ZA0000000000MD:10/30/2017)')]).type).toBe('UPS');
  });

  it('must not call a rack PDU\'s card a UPS: IT power, type unknown', () => {
    const p = profile(NO_OUI, [snmp(card('AP8881'))]);
    expect([p.vendor, p.type, p.category]).toEqual(['APC', null, 'it']);
    expect(profile(NO_OUI, [snmp(card('AP96301'))]).type).toBeNull();
  });
});
