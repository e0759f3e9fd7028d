/**
 * Real-time and network operating systems as their own banners and agents name them: QNX `uname` ("QNX <host> 6.5.0
 * <date> x86pc x86", QNX Neutrino utilities reference) and product names, VxWorks ("VxWorks 6.9", "VxWorks5.5.1" in
 * FTP/Telnet greetings, CISA ICSMA-19-274-01), ThreadX, Nucleus, INTEGRITY, FreeRTOS, eCos, pSOS, Keil RTX; Cisco
 * IOS / IOS XE / NX-OS, Junos, ArubaOS, FortiOS, PAN-OS and RouterOS system descriptions (their makers' SNMP agents).
 */
import { scan, type OsFound, type OsPattern } from './os-found.js';

type Read = Omit<OsFound, 'start' | 'end'>;

function os(name: string, version: string | null | undefined, label: string | null = null): Read {
  const v = version === undefined || version === '' ? null : version;
  return { osName: name, osVersion: v, osLabel: label ?? (v === null ? null : `${name} ${v}`), specificity: v === null ? 0.85 : 1 };
}

/** "QNX Neutrino 6.5.0" for 6.x/7.x (Neutrino), "QNX OS 8.0" from 8 on, "QNX 4.25" before. */
function qnx(v: string | undefined): Read {
  if (v === undefined) return os('QNX', null, 'QNX');
  const major = Number(v.split('.')[0]);
  return os('QNX', v, major >= 8 ? `QNX OS ${v}` : major >= 6 ? `QNX Neutrino ${v}` : `QNX ${v}`);
}

const VER = '(\\d+\\.\\d+(?:\\.\\d+)?)';

const RTOS: readonly OsPattern[] = [
  { re: new RegExp(`^QNX\\s+[\\w.-]+\\s+${VER}\\s+\\d{4}/`), read: (m) => qnx(m[1]) },
  { re: new RegExp(`\\bQNX(?: Neutrino)?(?: RTOS| OS)?[ ]?(?:v|version )?${VER}?(?![\\w.])`), read: (m) => qnx(m[1]) },
  { re: /\bNeutrino (?:RTOS )?(\d+\.\d+(?:\.\d+)?)\b/, read: (m) => qnx(m[1]) },
  // "VxWorks 653" is a product (ARINC 653 platform), not version 653: one-digit majors only.
  { re: /\bVxWorks(?:[ -]?SMP)?(?:[ ]?(?:version|v)?[ ]?\(?(\d(?:\.\d+){0,3})(?![\d]))?/i, read: (m) => os('VxWorks', m[1]) },
  { re: /\b(?:Azure RTOS |Eclipse )?ThreadX(?:[ /]v?(\d+\.\d+(?:\.\d+)?))?\b/, read: (m) => os('ThreadX', m[1]) },
  { re: /\bNucleus (?:PLUS|RTOS|NET|OS)\b/i, read: () => os('Nucleus', null, 'Nucleus RTOS') },
  { re: /\bINTEGRITY(?:-178(?: tuMP)?| RTOS)\b|\bGreen Hills (?:Software )?INTEGRITY\b/, read: () => os('INTEGRITY', null, 'Green Hills INTEGRITY') },
  { re: /\bFreeRTOS(?:\+TCP)?(?:[ /]?[Vv]?(\d+\.\d+(?:\.\d+)?))?/, read: (m) => os('FreeRTOS', m[1]) },
  { re: /\beCos(?:Pro)?\b(?: (\d+\.\d+))?/, read: (m) => os('eCos', m[1]) },
  { re: /\bpSOS(?:ystem|\+)?(?![\w])/, read: () => os('pSOS', null) },
  { re: /\b(?:Keil|CMSIS-RTOS2?) RTX(\d)?\b|\bRTX5? (?:RTOS|Kernel)\b/, read: (m) => os('RTX', m[1] ?? null, 'Keil RTX') },
];

/** "Version 15.2(4)E10" or "Version 17.3.4a" after the OS name in Cisco and Aruba descriptions. */
const AFTER_VERSION = /\bVersion ([\d][\w.()-]*)/;

function versionAfter(m: RegExpExecArray): string | null {
  const rest = m.input.slice(m.index);
  const v = AFTER_VERSION.exec(rest)?.[1] ?? null;
  return v === null ? null : v.replace(/[,.]+$/, '');
}

/** Cisco's IOS XE says so in its image name or text ("CAT9K_IOSXE", "IOS-XE Software"): same family, its own label. */
function cisco(m: RegExpExecArray): Read {
  const v = versionAfter(m);
  if (!/IOS[- _]?XE/i.test(m.input)) return os('Cisco IOS', v);
  return { ...os('Cisco IOS', v), osLabel: v === null ? 'Cisco IOS XE' : `Cisco IOS XE ${v}` };
}

const NETWORK: readonly OsPattern[] = [
  { re: /\bCisco IOS Software\b|\bCisco Internetwork Operating System\b|\bIOS \(tm\)|\bIOS[- ]XE\b/, read: cisco },
  { re: /\bNX-OS\b/, read: (m) => os('Cisco NX-OS', versionAfter(m)) },
  { re: /\bJUNOS (\d+\.\d+[\w.-]*)|\bJunos OS\b/i, read: (m) => os('Junos', m[1]?.replace(/[,.]+$/, '') ?? null) },
  { re: /\bArubaOS(?:-CX)?\b|\bAOS-CX\b/, read: (m) => os('ArubaOS', versionAfter(m)) },
  { re: /\bFortiOS(?:[ ,]+v?(\d+\.\d+(?:\.\d+)?))?/, read: (m) => os('FortiOS', m[1]) },
  { re: /\bPAN-OS(?: version)?(?: (\d+\.\d+(?:\.\d+)?))?/, read: (m) => os('PAN-OS', m[1]) },
  { re: /\bRouterOS(?: v?(\d+\.\d+(?:\.\d+)?))?/, read: (m) => os('RouterOS', m[1]) },
];

export function findRtos(text: string): OsFound[] {
  return scan(text, RTOS);
}

export function findNetworkOs(text: string): OsFound[] {
  return scan(text, NETWORK);
}
