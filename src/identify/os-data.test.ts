/**
 * OS knowledge in the data files (dhcp-fingerprints, snmp-sysdescr, banner- and http-fingerprints) through the
 * evidence extractors and the vote: embedded Linux, kernel versions, QNX, VxWorks with end of life from the version.
 */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../decode/types.js';
import { classifyDevice } from './classify.js';
import { observationsFromRecord } from './extract-evidence.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import type { Evidence, OsInfo } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
const DEV = { src: '10.20.40.7', srcMac: '00:11:22:33:44:55', sport: 161, dst: '10.20.10.5', dport: 40000, ts: '2026-03-02T08:00:00Z' };

function osOf(records: readonly ProtocolRecord[], extra: readonly Evidence[] = []): OsInfo {
  const ev = [...records.flatMap((r) => observationsFromRecord(r, kb)).filter((o) => o.key.mac === DEV.srcMac).map((o) => o.evidence), ...extra];
  return classifyDevice(ev, kb, { asOf }).os;
}
const dhcp = (vendorClass: string): ProtocolRecord => ({ ...DEV, proto: 'dhcp', kind: 'discover', clientMac: DEV.srcMac, vendorClass });
const snmp = (sysDescr: string): ProtocolRecord => ({ ...DEV, proto: 'snmp', kind: 'response', sysDescr });
const ftp = (banner: string): ProtocolRecord => ({ ...DEV, proto: 'ftp', kind: 'banner', banner });
const synLinux: Evidence = { attribute: 'osName', value: 'Linux', source: 'tcp.syn', detail: 'SYN ttl 64', confidence: 0.45, tsMs: 0 };

describe('embedded Linux and kernel releases', () => {
  it('udhcp vendor class: Embedded Linux, no version so no end-of-life verdict; a Linux SYN agrees with it', () => {
    expect(osOf([dhcp('udhcp 1.19.4')])).toEqual({ name: 'Embedded Linux', version: null, label: 'Embedded Linux (BusyBox udhcp 1.19.4)', endOfLife: null });
    expect(osOf([dhcp('udhcp 1.19.4')], [synLinux]).name).toBe('Embedded Linux');
  });

  it('dhcpcd on an ARM board and uname on armv7l give the kernel, and end of life follows from it', () => {
    expect(osOf([dhcp('dhcpcd-5.5.6:Linux-3.0.35:armv7l:Freescale i.MX 6Quad')])).toMatchObject({ name: 'Embedded Linux', version: '3.0.35', endOfLife: true });
    expect(osOf([snmp('Linux mon12 4.14.98 #1 PREEMPT Thu Feb 6 2020 armv7l')])).toEqual({ name: 'Embedded Linux', version: '4.14.98', label: 'Embedded Linux 4.14', endOfLife: true });
    expect(osOf([snmp('Lexmark MS821dn version MSNGM.074.201 kernel 4.17.19-yocto-standard All-N-1')])).toMatchObject({ name: 'Embedded Linux', version: '4.17.19', endOfLife: true });
  });

  it('must not fire as embedded: an x86_64 server uname is Linux, with its full kernel release', () => {
    expect(osOf([snmp('Linux db01 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 x86_64')])).toEqual({ name: 'Linux', version: '6.1.0', label: 'Linux 6.1', endOfLife: false });
  });
});

describe('RTOS in system descriptions and banners', () => {
  it('QNX uname: QNX Neutrino with its version (no sourced end-of-life date: null)', () => {
    expect(osOf([snmp('QNX monitor01 6.5.0 2010/07/09-14:44:03EDT x86pc x86')])).toEqual({ name: 'QNX', version: '6.5.0', label: 'QNX Neutrino 6.5.0', endOfLife: null });
  });

  it('VxWorks with a version is end of life; without one it is unknown', () => {
    expect(osOf([snmp('VxWorks 6.9 SNMPv1/v2c Agent')])).toEqual({ name: 'VxWorks', version: '6.9', label: 'VxWorks 6.9', endOfLife: true });
    expect(osOf([ftp('220 VxWorks (5.4.2) FTP server ready')])).toMatchObject({ name: 'VxWorks', version: '5.4.2', endOfLife: true });
    expect(osOf([snmp('Infusion system controller, VxWorks')])).toMatchObject({ name: 'VxWorks', version: null, endOfLife: null });
  });

  it('must not fire: a VxWorks BSP or a QNX company/toolkit name', () => {
    expect(osOf([snmp('Built with VxWorks BSP tools')]).name).toBeNull();
    expect(osOf([snmp('QNX Software Systems Ltd.')]).name).toBeNull();
  });
});
