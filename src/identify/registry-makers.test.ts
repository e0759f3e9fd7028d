/**
 * Makers and OSes from public registries and client defaults: an SNMP agent's IANA enterprise number mapped onto the
 * vendor dictionary (data/enterprise-numbers.json), OUIs of router, switch, single-board-computer and PC makers
 * (data/vendor-aliases.json), and Linux DHCP clients' option-55 lists (data/dhcp-fingerprints.json).
 */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../decode/types.js';
import { classifyDevice } from './classify.js';
import { observationsFromAddress, observationsFromRecord } from './extract-evidence.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import { penMaker } from './knowledge/lookup.js';
import type { DeviceProfile } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
const NO_OUI = '02:00:00:00:00:01';

function profile(mac: string, records: readonly Record<string, string>[]): DeviceProfile {
  const base = { src: '10.1.2.3', srcMac: mac, sport: 161, dst: '10.1.9.9', dport: 40000, ts: '2026-03-02T08:00:00Z' };
  const recs = records.map((r) => ({ ...base, ...r }) as ProtocolRecord);
  const ev = [...recs.flatMap((r) => observationsFromRecord(r, kb)), ...observationsFromAddress({ mac, ip: '10.1.2.3' }, 0, kb)].map((o) => o.evidence);
  return classifyDevice(ev, kb, { asOf });
}
const sysObject = (oid: string): Record<string, string> => ({ proto: 'snmp', kind: 'response', sysObjectId: oid });
const prl = (list: string): Record<string, string> => ({ proto: 'dhcp', kind: 'request', paramRequestList: list, clientMac: NO_OUI, sport: '68', dport: '67' });

describe('IANA enterprise numbers name the agent\'s maker where the dictionary knows the organisation', () => {
  it('fires: a registry organisation matching a device maker, whether or not the dictionary lists the number', () => {
    expect(kb.penRegistry.get(14988)).toBe('MikroTik');
    expect(profile(NO_OUI, [sysObject('1.3.6.1.4.1.14988.1')]).vendor).toBe('MikroTik');
    // 1.3.6.1.4.1.534 Eaton Corporation: the registry's name matches the dictionary's alias.
    expect(penMaker(kb, 534)).toBe('Eaton');
    // Numbers the dictionary does not list: named through the registry's organisation name.
    for (const [pen, maker] of [[48743, 'Cepheid'], [54260, 'Mindray'], [573, 'Sectra'], [57253, 'Raspberry Pi']] as const) {
      expect(kb.pens.has(pen)).toBe(false);
      expect(penMaker(kb, pen)).toBe(maker);
    }
    expect(profile(NO_OUI, [sysObject('1.3.6.1.4.1.54260.1.2')]).vendor).toBe('Mindray');
  });

  it('must not fire: generic agents, PC/OS makers, organisations the dictionary does not know, short names', () => {
    expect(profile(NO_OUI, [sysObject('1.3.6.1.4.1.8072.3.2.10')]).vendor).toBeNull(); // net-snmp
    expect(profile(NO_OUI, [sysObject('1.3.6.1.4.1.311.1.1.3.1.2')]).vendor).toBeNull(); // Microsoft
    expect(penMaker(kb, 2)).toBeNull(); // IBM: a computer maker
    expect(profile(NO_OUI, [sysObject('1.3.6.1.4.1.3.1')]).vendor).toBeNull(); // Carnegie Mellon
    expect(penMaker(kb, 202)).toBeNull(); // "SMC": a short name, not the dictionary's "SMC Networks"
  });
});

describe('OUIs of makers of whole devices name the vendor; a PC maker\'s only on a computer', () => {
  it('fires: router, switch and single-board-computer makers', () => {
    expect(profile('00:0C:42:11:22:33', []).vendor).toBe('MikroTik');
    expect(profile('00:04:E2:11:22:33', []).vendor).toBe('SMC Networks');
    expect(profile('DC:A6:32:11:22:33', []).vendor).toBe('Raspberry Pi');
    expect(profile('E4:46:B0:11:22:33', [prl('1,28,2,3,15,6,119,12,44,47,26,121,42')]).vendor).toBe('Fujitsu');
  });

  it('must not fire: a PC maker\'s OUI on a host that shows no OS, a NIC-chip maker\'s OUI', () => {
    expect(profile('E4:46:B0:11:22:33', []).vendor).toBeNull();
    expect(profile('00:E0:4C:11:22:33', []).vendor).toBeNull(); // Realtek
  });
});

describe('Linux DHCP clients by option 55', () => {
  it('fires: NetworkManager / dhclient (Debian, Ubuntu, Pop!_OS), systemd-networkd era Ubuntu, Fedora and SUSE lists', () => {
    for (const list of ['1,28,2,3,15,6,119,12,44,47,26,121,42,4,5,249,33,252', '1,28,2,3,15,6,12,44,47,26', '1,2,6,12,15,26,28,121,3,33,40,41,42,119,249,252,17', '1,28,2,3,15,6,12,40,41,42']) {
      expect(profile(NO_OUI, [prl(list)]).os.name, list).toBe('Linux');
    }
  });

  it('must not fire: Windows and printer lists, the same options in another order, a list that only starts alike', () => {
    expect(profile(NO_OUI, [prl('1,3,6,15,31,33,43,44,46,47,119,121,249,252')]).os.name).toBe('Windows');
    expect(profile(NO_OUI, [prl('1,28,2,3,15,6,119,12,44')]).os.name).toBeNull();
    expect(profile(NO_OUI, [prl('1,2,28,3,15,6,119,12,44,47,26,121,42')]).os.name).toBeNull();
    expect(profile(NO_OUI, [prl('1,3,12,6,15,23,44,47')]).os.name).toBeNull();
  });
});
