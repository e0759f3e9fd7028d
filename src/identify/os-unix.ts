/**
 * Linux and its embedded builds, Android and macOS as devices name them: `uname -a` in a Net-SNMP sysDescr
 * ("Linux <host> <release> …", Net-SNMP snmpd.conf(5) sysdescr default), "Linux x.y.z", "kernel x.y.z-yocto-standard",
 * dhcpcd's vendor class "dhcpcd-<v>:Linux-<release>:<machine>" (dhcpcd(8)), UPnP SERVER "Linux/2.6.32 UPnP/1.0 …"
 * (UPnP Device Architecture 1.1 §1.2.2: OS/version first), BusyBox udhcpc's vendor class "udhcp <v>" (satori dhcp.xml
 * "BusyBox Client"), build systems and distributions that mark an embedded image, Darwin kernel majors (Apple's
 * Darwin/XNU release table: Darwin 19 = macOS 10.15, 20 = 11 …).
 */
import { scan, type OsFound, type OsPattern } from './os-found.js';

/** A kernel release: major 2-6, minor, optional patch ("4.14.98", "2.6.32", "5.10"). */
const KVER = '([2-6]\\.\\d{1,2}(?:\\.\\d{1,3})?)(?![\\d])';

function kernel(v: string | undefined): Omit<OsFound, 'start' | 'end'> | null {
  if (v === undefined) return null;
  return { osName: 'Linux', osVersion: v, osLabel: null, specificity: 1 };
}

const KERNEL_WORD: OsPattern = { re: new RegExp(`\\bkernel(?:[ _-]version)?[ :]+v?${KVER}`, 'i'), read: (m) => kernel(m[1]) };

const LINUX: readonly OsPattern[] = [
  { re: new RegExp(`^Linux\\s+[\\w.-]+\\s+${KVER}`), read: (m) => kernel(m[1]) },
  { re: new RegExp(`\\bLinux(?:[ _-]?version|[ _-]kernel)?[ /:-]v?${KVER}`, 'i'), read: (m) => kernel(m[1]) },
  KERNEL_WORD,
  // Distributions that name themselves in Server headers and SSH banners ("Apache/2.4.29 (Ubuntu)", "OpenSSH_7.4p1
  // Debian-10"): Linux, the distribution as the label.
  { re: /\b(Ubuntu|Debian|CentOS|Red Hat Enterprise Linux|Red Hat|RHEL|Fedora|SUSE|openSUSE|Raspbian|Amazon Linux|Rocky Linux|AlmaLinux)\b/, read: (m) => ({ osName: 'Linux', osVersion: null, osLabel: m[1] ?? null, specificity: 0.8 }) },
  { re: /\bGNU\/Linux\b|\bLinux\b/, read: () => ({ osName: 'Linux', osVersion: null, osLabel: null, specificity: 0.75 }) },
];

/** What marks an image as embedded Linux; `implies` = the marker names Linux by itself (BusyBox runs on Linux). */
interface Marker {
  re: RegExp;
  label: (m: RegExpExecArray) => string;
  implies: boolean;
}

const MARKERS: readonly Marker[] = [
  { re: /\budhcpc?[ -]?v?(\d+\.\d+(?:\.\d+)?)/i, label: (m) => `BusyBox udhcp ${m[1] ?? ''}`, implies: true },
  { re: /^udhcpc?\b/i, label: () => 'BusyBox udhcp', implies: true },
  { re: /\bBusyBox(?: v?(\d+\.\d+(?:\.\d+)?))?/i, label: (m) => (m[1] === undefined ? 'BusyBox' : `BusyBox ${m[1]}`), implies: true },
  { re: /\buClinux\b/i, label: () => 'uClinux', implies: true },
  { re: /\b(?:Yocto|Poky)\b|-yocto-/i, label: () => 'Yocto', implies: true },
  { re: /\bBuildroot\b/i, label: () => 'Buildroot', implies: true },
  { re: /\bOpenWrt\b/i, label: () => 'OpenWrt', implies: true },
  { re: /\bWind River Linux\b/i, label: () => 'Wind River Linux', implies: true },
  { re: /\bMontaVista\b/i, label: () => 'MontaVista Linux', implies: true },
  { re: /\bPetaLinux\b/i, label: () => 'PetaLinux', implies: true },
  // A 32-bit ARM, MIPS, PowerPC or SuperH machine name in uname output: hardware that hospitals meet in devices,
  // not in servers (aarch64 and x86_64 say nothing). Only together with a Linux mention.
  { re: /\b(armv[4-7]\w*|arm926\w*|mips(?:el)?|ppc|powerpc|sh4)\b/i, label: (m) => m[1] ?? '', implies: false },
];

const ANDROID: readonly OsPattern[] = [
  { re: /\bandroid-dhcp-(\d+(?:\.\d+)?)/i, read: (m) => ({ osName: 'Android', osVersion: m[1] ?? null, osLabel: null, specificity: 1 }) },
  { re: /\bAndroid[ /](\d+(?:\.\d+)?)/, read: (m) => ({ osName: 'Android', osVersion: m[1] ?? null, osLabel: null, specificity: 1 }) },
];

const DARWIN_MACOS: Readonly<Record<string, string>> = {
  8: '10.4', 9: '10.5', 10: '10.6', 11: '10.7', 12: '10.8', 13: '10.9', 14: '10.10', 15: '10.11', 16: '10.12', 17: '10.13', 18: '10.14',
  19: '10.15', 20: '11', 21: '12', 22: '13', 23: '14', 24: '15',
};

function macos(v: string | null, specificity: number): Omit<OsFound, 'start' | 'end'> {
  return { osName: 'macOS', osVersion: v, osLabel: v === null ? null : `macOS ${v}`, specificity };
}

const MAC: readonly OsPattern[] = [
  { re: /\bMac OS X (\d+)[._](\d+)/, read: (m) => macos(`${m[1] ?? ''}.${m[2] ?? ''}`, 1) },
  { re: /\bmacOS (\d+(?:\.\d+)?)/, read: (m) => macos(m[1] ?? null, 1) },
  // Only the kernel's own forms: "Darwin Kernel Version 19.6.0" and uname "Darwin <host> 19.6.0" (a CFNetwork
  // User-Agent's "Darwin/19.6.0" is iOS as often as macOS).
  { re: /\bDarwin Kernel Version (\d{1,2})\.\d+|^Darwin [\w.-]+ (\d{1,2})\.\d+\.\d+/, read: (m) => macos(DARWIN_MACOS[m[1] ?? m[2] ?? ''] ?? null, 0.95) },
];

/**
 * Linux (plain, or "Embedded Linux" when a marker says the image is an embedded build), Android and macOS. One
 * Linux mention at most: the kernel release if any, marked embedded if any marker is there.
 */
export function findUnix(text: string, otherOs: boolean): OsFound[] {
  const out: OsFound[] = [...scan(text, ANDROID), ...scan(text, MAC)];
  // "kernel 6.8" next to an RTOS or Darwin names their kernel, not Linux's: then only the word Linux counts.
  const linux = scan(text, otherOs || out.length > 0 ? LINUX.filter((p) => p !== KERNEL_WORD) : LINUX);
  const android = out.some((f) => f.osName === 'Android');
  const best = linux.find((f) => f.osVersion !== null) ?? linux[0];
  let marker: { label: string; start: number; end: number } | null = null;
  for (const mk of MARKERS) {
    const m = mk.re.exec(text);
    if (m === null || (!mk.implies && best === undefined)) continue;
    marker = { label: mk.label(m), start: m.index, end: m.index + m[0].length };
    break;
  }
  if (marker !== null && !android) {
    const v = best?.osVersion ?? null;
    const at = best ?? marker;
    out.push({ osName: 'Embedded Linux', osVersion: v, osLabel: v === null ? `Embedded Linux (${marker.label})` : null, specificity: v === null ? 0.9 : 1, start: at.start, end: at.end });
  } else if (best !== undefined && !(android && best.osVersion === null)) {
    out.push(best);
  }
  return out;
}
