/**
 * Windows as devices name it: NT versions and builds (Microsoft "Operating System Version" table: 5.0 2000, 5.1 XP,
 * 5.2 Server 2003, 6.0 Vista/2008, 6.1 7/2008 R2, 6.2 8/2012, 6.3 8.1/2012 R2, 10.0 10/11/2016+), product names,
 * Windows Embedded, Windows CE / Embedded Compact, and the DHCP vendor class "MSFT 5.0" (satori dhcp.xml: every NT
 * from Windows 2000 on sends it).
 */
import { scan, type OsFound, type OsPattern } from './os-found.js';

const NT_VERSIONS: ReadonlySet<string> = new Set(['4.0', '5.0', '5.1', '5.2', '6.0', '6.1', '6.2', '6.3', '10.0']);

function nt(version: string, build: string | undefined, specificity = 1): Omit<OsFound, 'start' | 'end'> | null {
  if (!NT_VERSIONS.has(version)) return null;
  const b = build !== undefined && /^\d{3,5}$/.test(build) && Number(build) > 0 ? `.${build}` : '';
  return { osName: 'Windows', osVersion: `${version}${b}`, osLabel: null, specificity };
}

/** NT version of a build number (Microsoft build numbers: 2195 2000, 2600 XP, 3790 2003, 600x Vista/2008 …). */
function ntOfBuild(build: number): string | null {
  if (build === 2195) return '5.0';
  if (build === 2600) return '5.1';
  if (build === 3790) return '5.2';
  if (build >= 6000 && build <= 6003) return '6.0';
  if (build === 7600 || build === 7601) return '6.1';
  if (build === 9200) return '6.2';
  if (build === 9600) return '6.3';
  return build >= 10240 && build < 40000 ? '10.0' : null;
}

/**
 * A product name and, when edition words and a build follow that agree with it ("Windows 7 Professional 7601 Service
 * Pack 1", "Windows Server 2012 R2 Standard 9600": SMB NativeOS / NativeLanMan in satori smb.xml), that build.
 */
function product(version: string | null, label: string): (m: RegExpExecArray) => Omit<OsFound, 'start' | 'end'> {
  return (m) => {
    const after = /^(?: (?:[A-Za-z()]+|\d)){0,6}? (\d{4,5})\b/.exec(m.input.slice(m.index + m[0].length));
    const build = after?.[1] === undefined ? null : Number(after[1]);
    const nt = version?.split('.').slice(0, 2).join('.') ?? null;
    const v = build !== null && nt !== null && ntOfBuild(build) === nt && version?.split('.').length === 2 ? `${nt}.${String(build)}` : version;
    return { osName: 'Windows', osVersion: v, osLabel: label, specificity: v === null ? 0.85 : 0.95 };
  };
}

/**
 * Windows CE versions: Embedded Compact 7 is CE 7.0, Compact 2013 is CE 8.0 (Microsoft lifecycle pages). A minor
 * written with two digits ("Microsoft-WinCE/7.00", the CE web server's Server header) is the same release as "7.0".
 */
function ce(version: string | undefined, label: string | null): Omit<OsFound, 'start' | 'end'> {
  const m = version === undefined ? null : /^(\d+)(?:\.(\d+))?$/.exec(version);
  const v = m === null ? (version ?? null) : `${m[1] ?? ''}.${String(Number(m[2] ?? '0'))}`;
  return { osName: 'Windows CE', osVersion: v, osLabel: label ?? (v === null ? null : `Windows CE ${v}`), specificity: v === null ? 0.85 : 1 };
}

const PATTERNS: readonly OsPattern[] = [
  { re: /\bWindows Embedded Compact (7|2013)\b/i, read: (m) => ce(m[1] === '7' ? '7.0' : '8.0', `Windows Embedded Compact ${m[1] ?? ''}`) },
  { re: /\b(?:Microsoft )?Win(?:dows)?[ ]?(?:Embedded )?CE(?:\s*\.NET)?(?:[ /]v?(\d{1,2}(?:\.\d{1,2})?))?(?![\w.])/i, read: (m) => ce(m[1], null) },
  // SNMP agent of Windows: "Software: Windows Version 6.3 (Build 9600 Multiprocessor Free)".
  { re: /\bWindows Version (\d{1,2}\.\d) \(Build (\d{3,5})/i, read: (m) => nt(m[1] ?? '', m[2]) },
  // User-Agent and many banners: "Windows NT 6.1", "Windows NT 10.0; Win64"; builds as "6.1.7601" or "Build 7601".
  { re: /\bWindows NT[ /]?(\d{1,2}\.\d)(?:\.(\d{3,5})| Build (\d{3,5}))?/i, read: (m) => nt(m[1] ?? '', m[2] ?? m[3]) },
  // "Windows 10.0.19045", "Microsoft Windows [Version 10.0.19045.3803]", "Windows Embedded Standard 6.1.7601".
  { re: /\bWindows(?: [A-Za-z]+){0,3} \[?(?:Version )?(10\.0|6\.[0-3]|5\.[0-2])\.(\d{3,5})\b/i, read: (m) => nt(m[1] ?? '', m[2]) },
  { re: /\bWindows Embedded Standard 7\b|\bWES7\b|\bWindows Embedded Standard(?= (?:7601|6\.1)\b)/i, read: product('6.1', 'Windows Embedded Standard 7') },
  { re: /\bWindows Embedded POSReady 7\b/i, read: product('6.1', 'Windows Embedded POSReady 7') },
  { re: /\bWindows Embedded (Standard|POSReady) 2009\b/i, read: (m) => product('5.1', `Windows Embedded ${m[1] ?? ''} 2009`)(m) },
  { re: /\bWindows XP Embedded\b|\bWindows Embedded XP\b/i, read: product('5.1', 'Windows XP Embedded') },
  { re: /\bWindows Embedded 8\.1 Industry\b/i, read: product('6.3', 'Windows Embedded 8.1 Industry') },
  { re: /\bWindows Embedded 8 Standard\b/i, read: product('6.2', 'Windows Embedded 8 Standard') },
  { re: /\bWindows 10 IoT(?: Enterprise)?\b/i, read: product('10.0', 'Windows 10 IoT Enterprise') },
  { re: /\bWindows Server 2008 R2\b/i, read: product('6.1', 'Windows Server 2008 R2') },
  { re: /\bWindows Server 2012 R2\b/i, read: product('6.3', 'Windows Server 2012 R2') },
  { re: /\bWindows Server (?:\(R\) )?(2003|2008|2012|2016|2019|2022)\b/i, read: (m) => product(SERVER[m[1] ?? ''] ?? null, `Windows Server ${m[1] ?? ''}`)(m) },
  // SMB NativeOS of Windows XP says "Windows 2002" (satori smb.xml: "Windows 2002 Service Pack 3 2600").
  { re: /\bWindows 2002\b/, read: product('5.1', 'Windows XP') },
  { re: /\bWindows (2000|XP|Vista|7|8\.1|8|10|11)(?![\w.])/i, read: (m) => product(CLIENT[(m[1] ?? '').toUpperCase()] ?? null, `Windows ${m[1] ?? ''}`)(m) },
  { re: /\bWindows (95|98|ME)\b/i, read: (m) => product(null, `Windows ${m[1] ?? ''}`)(m) },
  // NativeLanMan "Windows 4.0" is NT 4.0; "Windows 5.1" XP.
  { re: /\bWindows (4\.0|5\.[0-2]|6\.[0-3])(?![\w.])/, read: (m) => nt(m[1] ?? '', undefined, 0.95) },
];

const SERVER: Readonly<Record<string, string>> = { 2003: '5.2', 2008: '6.0', 2012: '6.2', 2016: '10.0.14393', 2019: '10.0.17763', 2022: '10.0.20348' };
const CLIENT: Readonly<Record<string, string>> = { 2000: '5.0', XP: '5.1', VISTA: '6.0', 7: '6.1', '8.1': '6.3', 8: '6.2', 10: '10.0', 11: '10.0' };

/** DHCP option 60 of Windows (satori dhcp.xml): "MSFT 5.0" = Windows 2000 or later, "MSFT 98" = 98/ME. */
const VENDOR_CLASS: readonly OsPattern[] = [
  { re: /^MSFT 5\.0\b/, read: () => ({ osName: 'Windows', osVersion: null, osLabel: null, specificity: 0.9 }) },
  { re: /^MSFT 98\b/, read: () => ({ osName: 'Windows', osVersion: null, osLabel: 'Windows 98/ME', specificity: 0.9 }) },
];

export function findWindows(text: string, field: string): OsFound[] {
  const found = scan(text, PATTERNS);
  return field === 'dhcp.vendorClass' ? [...scan(text, VENDOR_CLASS), ...found] : found;
}
