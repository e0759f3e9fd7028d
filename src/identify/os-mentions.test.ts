/** osMentions: the OS strings devices send, each family must fire on its real forms and not on look-alikes. */
import { describe, expect, it } from 'vitest';
import { OS_FAMILIES } from './os-family.js';
import { osMentions, type OsMention } from './os-mentions.js';

const one = (text: string, field = 'snmp.sysDescr'): Pick<OsMention, 'osName' | 'osVersion' | 'osLabel'> | null => {
  const m = osMentions(text, field);
  expect(m.length).toBeLessThanOrEqual(1);
  const first = m[0];
  return first === undefined ? null : { osName: first.osName, osVersion: first.osVersion, osLabel: first.osLabel };
};
const names = (text: string, field = 'snmp.sysDescr'): string[] => osMentions(text, field).map((m) => `${m.osName} ${m.osVersion ?? '-'}`);

describe('Windows: NT versions, builds, product names, Embedded, CE', () => {
  it('must fire on NT versions and builds', () => {
    expect(one('Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko', 'http.userAgent')).toEqual({ osName: 'Windows', osVersion: '6.1', osLabel: null });
    expect(one('Hardware: Intel64 Family 6 Model 85 Stepping 7 AT/AT COMPATIBLE - Software: Windows Version 6.3 (Build 9600 Multiprocessor Free)')?.osVersion).toBe('6.3.9600');
    expect(one('Microsoft Windows [Version 10.0.19045.3803]')?.osVersion).toBe('10.0.19045');
    expect(one('Windows 10.0.19045')?.osVersion).toBe('10.0.19045');
    expect(one('Windows NT 6.1.7601 SP1')?.osVersion).toBe('6.1.7601');
    expect(one('Windows Embedded Standard 6.1.7601 Service Pack 1')?.osVersion).toBe('6.1.7601');
  });

  it('must fire on product names, Embedded and CE with the version they imply', () => {
    expect(one('Windows Embedded Standard 7 SP1')).toEqual({ osName: 'Windows', osVersion: '6.1', osLabel: 'Windows Embedded Standard 7' });
    expect(one('Windows XP Professional')).toEqual({ osName: 'Windows', osVersion: '5.1', osLabel: 'Windows XP' });
    expect(one('Windows Server 2008 R2 Standard')?.osVersion).toBe('6.1');
    expect(one('Windows CE 6.0')).toEqual({ osName: 'Windows CE', osVersion: '6.0', osLabel: 'Windows CE 6.0' });
    expect(one('Mozilla/4.0 (compatible; MSIE 6.0; Windows CE; IEMobile 7.11)', 'http.userAgent')).toEqual({ osName: 'Windows CE', osVersion: null, osLabel: null });
    expect(one('Windows Embedded Compact 7')?.osVersion).toBe('7.0');
  });

  it('must fire on SMB NativeOS / NativeLanMan forms, with the build when it agrees with the product', () => {
    expect(one('Windows 7 Professional 7601 Service Pack 1', 'smb.nativeOs')).toEqual({ osName: 'Windows', osVersion: '6.1.7601', osLabel: 'Windows 7' });
    expect(one('Windows Server 2012 R2 Standard 9600', 'smb.nativeOs')?.osVersion).toBe('6.3.9600');
    expect(one('Windows 2002 Service Pack 3 2600', 'smb.nativeOs')).toEqual({ osName: 'Windows', osVersion: '5.1.2600', osLabel: 'Windows XP' });
    expect(one('Windows Embedded Standard 7601 Service Pack 1', 'smb.nativeOs')).toEqual({ osName: 'Windows', osVersion: '6.1.7601', osLabel: 'Windows Embedded Standard 7' });
    expect(one('Windows Embedded Standard 6.1', 'smb.nativeOs')?.osVersion).toBe('6.1');
    expect(one('Windows 4.0', 'smb.nativeOs')?.osVersion).toBe('4.0');
    // NativeLanMan of Windows 10 claims 6.3: the product name wins, a build that disagrees is not taken.
    expect(one('Windows 10 Enterprise Evaluation 6.3', 'smb.nativeOs')?.osVersion).toBe('10.0');
    expect(one('Windows 7 Ultimate 9600', 'smb.nativeOs')?.osVersion).toBe('6.1');
  });

  it('MSFT 5.0 is Windows 2000 or later only as a DHCP vendor class', () => {
    expect(one('MSFT 5.0', 'dhcp.vendorClass')).toEqual({ osName: 'Windows', osVersion: null, osLabel: null });
    expect(osMentions('MSFT 5.0', 'dhcp.vendorClass')[0]?.confidence).toBeGreaterThanOrEqual(0.7);
    expect(one('MSFT 5.0', 'http.title')).toBeNull();
  });

  it('must not fire: NT-like numbers without Windows, a window, Windows as a target', () => {
    expect(one('firmware 6.1.7601 build')).toBeNull();
    expect(one('Window blind controller 10.0')).toBeNull();
    expect(one('Remote viewer for Windows 10')).toBeNull();
    expect(one('Windows NT 7.3')).toBeNull();
  });
});

describe('Linux kernels and embedded Linux', () => {
  it('must fire on kernel releases with their version', () => {
    expect(one('Linux pmgw01 4.14.98 #1 SMP Mon Jan 6 2020 x86_64')).toEqual({ osName: 'Linux', osVersion: '4.14.98', osLabel: null });
    expect(one('Linux 2.6.32')?.osVersion).toBe('2.6.32');
    expect(one('Linux/2.6.32 UPnP/1.0 Portable SDK for UPnP devices/1.6.6', 'http.server')?.osVersion).toBe('2.6.32');
    expect(one('dhcpcd-5.5.6:Linux-3.0.35:armv7l:Freescale i.MX 6Quad', 'dhcp.vendorClass')).toEqual({ osName: 'Embedded Linux', osVersion: '3.0.35', osLabel: null });
    expect(one('dhcpcd-6.11.5:Linux-4.19.66:x86_64:GenuineIntel', 'dhcp.vendorClass')).toEqual({ osName: 'Linux', osVersion: '4.19.66', osLabel: null });
  });

  it('must fire as Embedded Linux on BusyBox, udhcp, Yocto, Buildroot, OpenWrt, Wind River Linux, armv7l', () => {
    expect(one('udhcp 1.19.4', 'dhcp.vendorClass')).toEqual({ osName: 'Embedded Linux', osVersion: null, osLabel: 'Embedded Linux (BusyBox udhcp 1.19.4)' });
    expect(osMentions('udhcp 1.19.4', 'dhcp.vendorClass')[0]?.confidence).toBeGreaterThanOrEqual(0.7);
    expect(one('Lexmark MS810 version LW63.DN2.P127 kernel 4.11.12-yocto-standard All-N-1')).toEqual({ osName: 'Embedded Linux', osVersion: '4.11.12', osLabel: null });
    expect(one('Linux mon-bed12 4.1.15 #1 PREEMPT Tue Mar 3 2020 armv7l')?.osName).toBe('Embedded Linux');
    expect(one('BusyBox v1.31.1 (2020-03-03) built-in shell', 'telnet.banner')?.osLabel).toBe('Embedded Linux (BusyBox 1.31.1)');
    expect(one('Wind River Linux 9 (kernel 4.18.20)')?.osVersion).toBe('4.18.20');
    expect(one('OpenWrt 19.07 Linux')?.osName).toBe('Embedded Linux');
  });

  it('distributions named in Server headers and SSH banners are Linux, labelled', () => {
    expect(one('Apache/2.4.29 (Ubuntu)', 'http.server')).toEqual({ osName: 'Linux', osVersion: null, osLabel: 'Ubuntu' });
    expect(one('OpenSSH_7.4p1 Debian-10+deb9u7', 'ssh.software')?.osLabel).toBe('Debian');
    expect(one('Apache/2.2.15 (Unix)', 'http.server')).toBeNull();
  });

  it('a plain Linux word is weaker than a kernel release', () => {
    const plain = osMentions('Linux', 'snmp.sysDescr')[0];
    const versioned = osMentions('Linux 5.10.0', 'snmp.sysDescr')[0];
    expect(plain?.osName).toBe('Linux');
    expect(plain?.confidence ?? 1).toBeLessThan(versioned?.confidence ?? 0);
  });

  it('must not fire: an x86_64 or aarch64 server is not embedded, Linux as a target, Darwin kernels, Android UAs', () => {
    expect(one('Linux db01 5.15.0-91-generic #101-Ubuntu SMP x86_64')?.osName).toBe('Linux');
    expect(one('Linux arm01 5.10.0 #1 SMP aarch64')?.osName).toBe('Linux');
    expect(one('USB driver for Linux')).toBeNull();
    expect(one('Linux SDK 2.6.32')).toBeNull();
    expect(names('Darwin mac01 6.8 Darwin Kernel Version 6.8: Wed Sep 10 2003')).toEqual(['macOS -']);
    expect(names('Mozilla/5.0 (Linux; Android 10; SM-T510) AppleWebKit/537.36', 'http.userAgent')).toEqual(['Android 10']);
    expect(one('armv7l')).toBeNull();
  });
});

describe('RTOS', () => {
  it('must fire on QNX uname and product names, with Neutrino labels', () => {
    expect(one('QNX monitor01 6.5.0 2010/07/09-14:44:03EDT x86pc x86')).toEqual({ osName: 'QNX', osVersion: '6.5.0', osLabel: 'QNX Neutrino 6.5.0' });
    expect(one('QNX Neutrino 6.4.1')?.osVersion).toBe('6.4.1');
    expect(one('QNX 7.0.0')?.osLabel).toBe('QNX Neutrino 7.0.0');
    expect(one('Vital signs monitor (QNX)')).toEqual({ osName: 'QNX', osVersion: null, osLabel: 'QNX' });
  });

  it('must fire on VxWorks with its version, in the forms FTP and Telnet greetings use', () => {
    expect(one('VxWorks 6.9')).toEqual({ osName: 'VxWorks', osVersion: '6.9', osLabel: 'VxWorks 6.9' });
    expect(one('220 VxWorks (5.4.2) FTP server ready', 'ftp.banner')?.osVersion).toBe('5.4.2');
    expect(one('220 FTP server (VxWorks VxWorks5.5.1) ready.', 'ftp.banner')?.osVersion).toBe('5.5.1');
    expect(one('Wind River VxWorks SMP 6.9.4.11')?.osVersion).toBe('6.9.4.11');
  });

  it('must fire on ThreadX, Nucleus, INTEGRITY, FreeRTOS, eCos, pSOS, Keil RTX', () => {
    expect(one('Azure RTOS ThreadX 6.1')?.osName).toBe('ThreadX');
    expect(one('Nucleus NET TCP/IP')?.osName).toBe('Nucleus');
    expect(one('Green Hills INTEGRITY RTOS')?.osName).toBe('INTEGRITY');
    expect(one('FreeRTOS V10.4.3')).toEqual({ osName: 'FreeRTOS', osVersion: '10.4.3', osLabel: 'FreeRTOS 10.4.3' });
    expect(one('eCos 3.0 web server', 'http.server')?.osName).toBe('eCos');
    expect(one('pSOSystem 2.5')?.osName).toBe('pSOS');
    expect(one('Keil RTX5 kernel')?.osName).toBe('RTX');
  });

  it('must not fire: toolkits and targets (VxWorks BSP, ATM driver for VxWorks, QNX Momentics), look-alike words', () => {
    expect(one('ATM adapter driver for VxWorks 5.4')).toBeNull();
    expect(one('VxWorks BSP 6.9 for PowerQUICC')).toBeNull();
    expect(one('Built with QNX Momentics')).toBeNull();
    expect(one('QNX Software Systems')).toBeNull();
    expect(one('RTX 3090 graphics')).toBeNull();
    expect(one('Nucleus of the server')).toBeNull();
    expect(one('Data integrity check')).toBeNull();
    expect(one('host qnx-lab01 build server')).toBeNull();
    expect(one('VxWorks 653')?.osVersion ?? null).toBeNull();
  });
});

describe('network OSes and macOS', () => {
  it('must fire on Cisco IOS, IOS XE, NX-OS, Junos, ArubaOS, FortiOS, PAN-OS, RouterOS', () => {
    expect(one('Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.0(2)SE11, RELEASE SOFTWARE (fc3)')).toEqual({ osName: 'Cisco IOS', osVersion: '15.0(2)SE11', osLabel: 'Cisco IOS 15.0(2)SE11' });
    expect(one('Cisco IOS Software [Amsterdam], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.3.4a, RELEASE SOFTWARE (fc3) IOS-XE')?.osLabel).toBe('Cisco IOS XE 17.3.4a');
    expect(one('Cisco NX-OS(tm) n9000, Software (n9000-dk9), Version 9.3(8), RELEASE SOFTWARE')?.osName).toBe('Cisco NX-OS');
    expect(one('Juniper Networks, Inc. ex2300-24p Ethernet Switch, kernel JUNOS 18.4R2-S3.4, Build date: 2020-01-14')?.osVersion).toBe('18.4R2-S3.4');
    expect(one('ArubaOS (MODEL: 7010), Version 8.6.0.4')?.osVersion).toBe('8.6.0.4');
    expect(one('FortiOS v6.4.5')?.osVersion).toBe('6.4.5');
    expect(one('Palo Alto Networks PA-220 series firewall PAN-OS 10.1.3')?.osVersion).toBe('10.1.3');
    expect(one('RouterOS RB951Ui-2HnD')).toEqual({ osName: 'RouterOS', osVersion: null, osLabel: null });
  });

  it('macOS from the Mac OS X User-Agent token and the Darwin kernel of uname', () => {
    expect(one('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15', 'http.userAgent')?.osVersion).toBe('10.15');
    expect(one('Darwin imac01 19.6.0 Darwin Kernel Version 19.6.0: Thu Jun 18 20:49:00 PDT 2020; root:xnu-6153.141.1~1/RELEASE_X86_64 x86_64')?.osVersion).toBe('10.15');
    expect(one('CFNetwork/1128.0.1 Darwin/19.6.0', 'http.userAgent')).toBeNull();
  });
});

describe('vocabulary', () => {
  it('every family a mention names is in the os.name vocabulary', () => {
    const texts = ['Windows NT 6.1', 'Windows CE 6.0', 'Linux 4.14', 'udhcp 1.2.1', 'Android 9', 'Mac OS X 10_15', 'QNX 6.5.0', 'VxWorks 6.9', 'ThreadX', 'Nucleus PLUS',
      'INTEGRITY RTOS', 'FreeRTOS', 'eCos', 'pSOS', 'Keil RTX', 'Cisco IOS Software', 'NX-OS', 'JUNOS 18.4', 'ArubaOS', 'FortiOS', 'PAN-OS', 'RouterOS'];
    const names = new Set(texts.flatMap((t) => osMentions(t, 'snmp.sysDescr').map((m) => m.osName)));
    expect(names.size).toBe(texts.length);
    for (const n of names) expect(OS_FAMILIES as readonly string[]).toContain(n);
  });
});

describe('confidence per field and bad input', () => {
  it('sysDescr is stronger than a User-Agent, which is stronger than a Server header or a page title', () => {
    const c = (field: string): number => osMentions('Linux 4.14.98', field)[0]?.confidence ?? 0;
    expect(c('snmp.sysDescr')).toBeGreaterThan(c('http.userAgent'));
    expect(c('http.userAgent')).toBeGreaterThan(c('http.server'));
    expect(c('http.server')).toBeGreaterThan(c('http.title'));
  });

  it('never throws and finds nothing in empty, control-character or huge input', () => {
    expect(osMentions('', 'snmp.sysDescr')).toEqual([]);
    expect(osMentions('\u0000\u0001\u0002', 'snmp.sysDescr')).toEqual([]);
    expect(osMentions(`${'x'.repeat(100_000)} Linux 4.14`, 'snmp.sysDescr')).toEqual([]);
    expect(osMentions('Windows NT 6.1 '.repeat(1000), 'snmp.sysDescr').length).toBe(1);
  });
});
