/**
 * What a device says about itself decides its kind, not its maker's name: a maker of both switches and phones implies
 * no category (data/device-types.json vendor rule); a DHCP vendor class that names a maker and its kind of device
 * (data/dhcp-vendor-classes.json, from satori) does; LLDP/CDP capabilities pick the most specific function; an OUI of
 * a maker of whole devices names the vendor alone (data/vendor-aliases.json deviceMaker), a PC maker's only on a
 * computer (computerMaker); a Windows CE web server's Server header names its OS and release.
 */
import { describe, expect, it } from 'vitest';
import { classifyDevice } from './classify.js';
import { observationsFromAddress, observationsFromRecord } from './extract-evidence.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import type { DeviceProfile } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-12-08T08:00:00Z');
const IP = '10.1.2.3';

type Said = { proto: string; kind: string } & Record<string, unknown>;

function profile(mac: string, records: readonly Said[]): DeviceProfile {
  const base = { src: IP, srcMac: mac, sport: 68, dst: '10.1.2.200', dport: 67, ts: '2026-12-08T08:00:00Z' };
  const recs = records.map((r) => ({ ...base, clientMac: mac, ...r }));
  const ev = [...recs.flatMap((r) => observationsFromRecord(r, kb)), ...observationsFromAddress({ mac, ip: IP }, 0, kb)].map((o) => o.evidence);
  return classifyDevice(ev, kb, { asOf });
}
const dhcp = (vendorClass: string): Said => ({ proto: 'dhcp', kind: 'request', vendorClass });
const lldp = (enabledCapabilities: string[]): Said => ({ proto: 'lldp', kind: 'announce', dst: '01:80:c2:00:00:0e', systemName: 'dev-1', enabledCapabilities });
const cdp = (capabilities: string[]): Said => ({ proto: 'cdp', kind: 'announce', dst: '01:00:0c:cc:cc:cc', deviceId: 'dev-1', capabilities });
const server = (header: string): Said => ({ proto: 'http', kind: 'response', sport: 80, dport: 50000, server: header });
const smbWindows = (): Said => ({ proto: 'dhcp', kind: 'request', vendorClass: 'MSFT 5.0' });

/** IEEE MA-L owners: Cisco Systems 18:80:90, Ruckus Wireless 20:58:69, Mitel Networks 14:00:E9, Apple 10:00:20, Acer 00:01:24, CRESTRON ELECTRONICS 00:10:7F, Lantronix 00:80:A3 (a network-module maker). */
const CISCO = '18:80:90:00:00:01';
const RUCKUS = '20:58:69:00:00:01';
const MITEL = '14:00:e9:00:00:01';
const APPLE = '10:00:20:00:00:01';
const ACER = '00:01:24:00:00:01';
const CRESTRON = '00:10:7f:00:00:01';
const LANTRONIX = '00:80:a3:00:00:01';
const NO_OUI = '02:00:00:00:00:01';
/** IEEE MA-L 00:04:00 'Lexmark International' (a printer maker). */
const LEXMARK = '00:04:00:00:00:01';

describe('a maker that makes several kinds of device implies no category', () => {
  it('a Cisco IP phone (DHCP vendor class) is an IT phone, not network gear', () => {
    const p = profile(CISCO, [dhcp('Cisco Systems, Inc. IP Phone CP-7965G')]);
    expect([p.vendor, p.type, p.category]).toEqual(['Cisco', 'IP phone', 'it']);
  });

  it('a Cisco OUI alone names the maker but no category', () => {
    const p = profile(CISCO, []);
    expect([p.vendor, p.category]).toEqual(['Cisco', 'unknown']);
  });

  it('a Cisco access point by its vendor class is network equipment', () => {
    const p = profile(CISCO, [dhcp('Cisco AP c2700')]);
    expect([p.type, p.category]).toEqual(['wireless access point', 'network']);
  });
});

describe('DHCP vendor classes from satori that name a maker and its device', () => {
  it('fires on a phone and an access point class', () => {
    expect(((p) => [p.vendor, p.type, p.category])(profile(NO_OUI, [dhcp('ipphone.mitel.com')]))).toEqual(['Mitel', 'IP phone', 'it']);
    expect(((p) => [p.vendor, p.type, p.category])(profile(NO_OUI, [dhcp('Ruckus CPE')]))).toEqual(['Ruckus', 'wireless access point', 'network']);
    expect(((p) => [p.vendor, p.type])(profile(NO_OUI, [dhcp('ccp.avaya.com')]))).toEqual(['Avaya', 'IP phone']);
  });

  it('must not type a device from a class that is only a maker name or a DHCP client', () => {
    expect(profile(NO_OUI, [dhcp('MERAKI')]).type).toBeNull();
    expect(profile(NO_OUI, [dhcp('udhcp 1.28.3')]).type).toBeNull();
    expect(profile(NO_OUI, [dhcp('Ruckus CPE 2')]).type).toBeNull();
  });
});

describe('LLDP / CDP capabilities: the most specific function', () => {
  it('only the router capability: a router', () => {
    expect(((p) => [p.type, p.category])(profile(NO_OUI, [lldp(['router'])]))).toEqual(['router', 'network']);
  });

  it('bridge and router (a layer-3 switch): a network switch, not a router', () => {
    expect(profile(NO_OUI, [lldp(['bridge', 'router'])]).type).toBe('network switch');
  });

  it('a phone that also bridges its PC port is a phone, by LLDP or CDP', () => {
    expect(profile(NO_OUI, [lldp(['bridge', 'telephone'])]).type).toBe('IP phone');
    expect(profile(NO_OUI, [cdp(['host', 'phone', 'transparent-bridge'])]).type).toBe('IP phone');
  });

  it('a CDP switch is a switch', () => {
    expect(profile(NO_OUI, [cdp(['switch', 'igmp'])]).type).toBe('network switch');
  });
});

describe('OUI of a maker of whole devices names the vendor alone', () => {
  it('fires for device makers (access points, phones, AV controllers, tablets)', () => {
    expect(profile(RUCKUS, []).vendor).toBe('Ruckus');
    expect(profile(MITEL, []).vendor).toBe('Mitel');
    expect(profile(CRESTRON, []).vendor).toBe('Crestron');
    expect(profile(APPLE, []).vendor).toBe('Apple');
  });

  it('a PC maker names only a computer: Acer on a Windows host, not alone', () => {
    expect(profile(ACER, [smbWindows()]).vendor).toBe('Acer');
    expect(profile(ACER, []).vendor).toBeNull();
  });

  it('a network-module maker names nothing alone', () => {
    expect(profile(LANTRONIX, []).vendor).toBeNull();
  });
});

describe('Windows CE web server Server header', () => {
  it('names Windows CE 7.0 (Embedded Compact 7), ended', () => {
    const p = profile(NO_OUI, [server('Microsoft-WinCE/7.00')]);
    expect([p.os.name, p.os.version, p.os.endOfLife]).toEqual(['Windows CE', '7.0', true]);
    expect(p.os.label).toBe('Windows Embedded Compact 7');
  });

  it('must not read another Microsoft server as Windows CE', () => {
    expect(profile(NO_OUI, [server('Microsoft-IIS/10.0')]).os.name).not.toBe('Windows CE');
  });
});

describe("option-55 lists satori gives only to printers (data/dhcp-vendor-classes.json)", () => {
  const list = (paramRequestList: string): Said => ({ proto: 'dhcp', kind: 'request', paramRequestList });
  it('seconds a printer maker\'s OUI', () => {
    expect(profile(LEXMARK, [list('1,3,7,12,26,44,51,54,58,59')]).type).toBe('printer');
  });

  it('must not type a device alone, nor from a short list every client asks for', () => {
    expect(profile(NO_OUI, [list('1,3,7,12,26,44,51,54,58,59')]).type).toBeNull();
    expect(profile(LEXMARK, [list('1,3,6,15,44,47')]).type).toBeNull();
  });
});
