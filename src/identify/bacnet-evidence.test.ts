/**
 * BACnet devices (ANSI/ASHRAE 135 §16.10.2 I-Am, §12.11.7 Vendor_Identifier): a device's own I-Am makes it a building
 * automation controller and names its maker through the ASHRAE registry (data/bacnet-vendors.json); relayed
 * messages, identifiers that name no maker, and BMS software on a desktop OS do not.
 */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../decode/types.js';
import { classifyDevice } from './classify.js';
import { observationsFromAddress, observationsFromRecord } from './extract-evidence.js';
import { bacnetVendorName } from './knowledge/bacnet-vendors.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import type { DeviceProfile } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
/** Locally administered: names no maker, so only the BACnet evidence speaks. */
const NO_OUI = '02:00:00:00:00:31';

function profile(mac: string, records: readonly Record<string, unknown>[]): DeviceProfile {
  const base = { src: '10.1.40.31', srcMac: mac, sport: 47808, dst: '10.1.40.255', dport: 47808, ts: '2026-03-02T08:00:00Z' };
  const recs = records.map((r) => ({ ...base, ...r }) as ProtocolRecord);
  const ev = [...recs.flatMap((r) => observationsFromRecord(r, kb)), ...observationsFromAddress({ mac, ip: '10.1.40.31' }, 0, kb)].map((o) => o.evidence);
  return classifyDevice(ev, kb, { asOf });
}
const iAm = (vendorId: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ proto: 'bacnet', kind: 'i-am', bvlcFunction: 'original-broadcast-npdu', deviceInstance: 3101, maxApduLength: 1476, segmentation: 'both', vendorId, ...extra });
const windowsLogon = { proto: 'smb', kind: 'ntlmssp', ntlmMessageType: 3, osVersion: '6.1.7601', ntlmHost: 'BMS01', sport: 49200, dport: 445 };

describe('the ASHRAE vendor registry', () => {
  it('fires: an assigned identifier names its organisation, without the "(Formerly …)" history', () => {
    expect(bacnetVendorName(kb, 5)).toBe('Johnson Controls, Inc.');
    expect(kb.bacnetVendors.get(7)).toMatch(/Formerly/);
    expect(bacnetVendorName(kb, 7)).toBe('Siemens Schweiz AG');
  });

  it('must not fire: ASHRAE, NIST, the free BACnet Stack\'s default, reserved and unassigned identifiers', () => {
    for (const id of [0, 1, 260, 555, 65_000]) expect(bacnetVendorName(kb, id)).toBeNull();
  });
});

describe('a BACnet device that announces itself', () => {
  it('fires: building automation controller (iot) and the maker its vendor identifier names', () => {
    const p = profile(NO_OUI, [iAm(5)]);
    expect(p).toMatchObject({ type: 'building automation controller', category: 'iot', vendor: 'Johnson Controls, Inc.' });
    expect(p.evidence.find((e) => e.source === 'bacnet.vendorId')?.detail).toMatch(/ASHRAE vendor identifier 5/);
  });

  it('fires: the NIC\'s registered owner, when it is the same organisation, gives the one name both vote for', () => {
    // 00:60:2D is registered to ALERTON TECHNOLOGIES (IEEE MA-L); vendor identifier 18 to "Alerton / Honeywell".
    expect(profile('00:60:2d:73:be:78', [iAm(18)]).vendor).toBe('ALERTON TECHNOLOGIES');
  });

  it('fires: a device object\'s Vendor_Name and Model_Name read by a BMS front end', () => {
    const ack = { proto: 'bacnet', kind: 'read-property-ack', bvlcFunction: 'original-unicast-npdu', objectType: 8, objectInstance: 3101, propertyId: 70, modelName: 'VAV-110' };
    expect(profile(NO_OUI, [iAm(5), ack]).model).toBe('VAV-110');
  });

  it('must not fire: an I-Am a router relayed from another network, or a BBMD forwarded', () => {
    for (const relayed of [iAm(5, { sourceNetwork: 5, sourceAddress: '07' }), iAm(5, { bvlcFunction: 'forwarded-npdu', forwardedFrom: '10.9.1.40:47808' })]) {
      expect(profile(NO_OUI, [relayed])).toMatchObject({ vendor: null, type: null, category: 'unknown' });
    }
  });

  it('must not fire: an identifier that names no maker still leaves the device a controller, with no vendor', () => {
    expect(profile(NO_OUI, [iAm(260)])).toMatchObject({ vendor: null, category: 'iot' });
  });

  it('must not fire: BMS software on a Windows PC answering Who-Is is not a controller, nor its maker the PC\'s', () => {
    const p = profile(NO_OUI, [iAm(5), windowsLogon]);
    expect(p.os.name).toBe('Windows');
    expect(p.category).not.toBe('iot');
    expect(p.type).not.toBe('building automation controller');
    expect(p.vendor).toBeNull();
  });
});

describe('the NIC maker of a BACnet device whose I-Am names no maker', () => {
  const bcast = { dstMac: 'ff:ff:ff:ff:ff:ff' };
  it('fires: a broadcast I-Am with the free stack\'s identifier from a NIC registered to a device maker', () => {
    expect(profile('00:60:2d:0a:56:fc', [iAm(260, bcast)])).toMatchObject({ vendor: 'ALERTON TECHNOLOGIES', category: 'iot' });
  });

  it('must not fire: a unicast I-Am (the MAC may be a router\'s), a chip or module maker\'s NIC, a PC maker\'s NIC', () => {
    expect(profile('00:60:2d:0a:56:fc', [iAm(260, { bvlcFunction: 'original-unicast-npdu', dstMac: '02:00:00:00:00:30' })]).vendor).toBeNull();
    expect(profile('00:04:a3:11:22:33', [iAm(260, bcast)]).vendor).toBeNull(); // 00:04:A3 Microchip Technology: a chip maker
    expect(profile('00:14:22:11:22:33', [iAm(260, bcast)]).vendor).toBeNull(); // 00:14:22 Dell: a computer maker
  });
});
