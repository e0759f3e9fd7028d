/**
 * Operating systems named in the free text devices send about themselves (SNMP sysDescr, LLDP system description,
 * DHCP vendor class, HTTP Server, SSH/FTP/Telnet banners, User-Agent): family and version, with a confidence per
 * field. Called by evidence/free-text.ts for every such field; data-driven where the strings vary by maker.
 */
import type { OsFound } from './os-found.js';
import { findNetworkOs, findRtos } from './os-rtos.js';
import { findUnix } from './os-unix.js';
import { findWindows } from './os-windows.js';

/** One OS a text names. `osName` is the family in docs/architecture.md's vocabulary ("Windows", "Linux", "QNX" …). */
export interface OsMention {
  osName: string;
  osVersion: string | null;
  /** A label hint for the lifecycle table ("Windows 7", "Linux 4.14"), or null. */
  osLabel: string | null;
  confidence: number;
  /** What in the text said so, for a person to check (`"QNX Neutrino 6.5.0"`). */
  detail: string;
}

/**
 * How much a field's own statement about its OS is worth. A device's SNMP agent, LLDP and DHCP client describe the
 * host they run on (strong); a browser's User-Agent describes the client (medium); a Server header or a banner may
 * come from a proxy or a product that names its platform loosely (weaker); anything else is free text (weak).
 */
const FIELD_CONFIDENCE: Readonly<Record<string, number>> = {
  'snmp.sysDescr': 0.85,
  'lldp.systemDescription': 0.8,
  'cdp.systemDescription': 0.8,
  'dhcp.vendorClass': 0.8,
  'smb.nativeOs': 0.8,
  'http.userAgent': 0.6,
  'ssh.software': 0.55,
  'ftp.banner': 0.55,
  'telnet.banner': 0.55,
  'http.server': 0.45,
};
const OTHER_FIELD_CONFIDENCE = 0.35;
/** Longest text read: system descriptions are a line or two; a page is not a self-description. */
const MAX_TEXT = 1024;

/**
 * Words around a name that make it a target or a toolkit, not the OS of the sender: "driver for VxWorks",
 * "supports QNX", "VxWorks BSP", "Linux SDK", "QNX Momentics", a vendor's company name.
 */
const TARGET_BEFORE = /\b(?:for|supports?|supporting|targets?|targeting|compatible with|ported to|port of|porting to|migrat\w+ (?:to|from)|replaces?|like)\s+(?:the\s+)?$/i;
const TOOLKIT_AFTER = /^[\s-]*(?:BSPs?|SDKs?|Workbench|tool ?chains?|tool ?kits?|tools|development|simulators?|IDE|Momentics|compatible|drivers?|ports?|targets?|cross|emulat\w*|Software Systems|Systems\b|Foundation)/i;

function inContext(text: string, f: OsFound): boolean {
  const before = text.slice(Math.max(0, f.start - 32), f.start);
  // After the name itself too: in "Linux SDK 2.6.32" the uname grammar would take "SDK" for a host name.
  const word = /^\S+/.exec(text.slice(f.start, f.end))?.[0].length ?? 0;
  const after = [text.slice(f.end, f.end + 24), text.slice(f.start + word, f.start + word + 24)];
  return !TARGET_BEFORE.test(before) && !after.some((a) => TOOLKIT_AFTER.test(a));
}

/** Control characters (C0, DEL) become spaces: banners carry CR/LF and NULs between their words. */
function withoutControls(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 || c === 0x7f ? ' ' : ch;
  }
  return out;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** OS mentions in `text` as seen in `field` (an evidence source name such as `snmp.sysDescr`). */
export function osMentions(text: string, field: string): OsMention[] {
  if (typeof text !== 'string') return [];
  const t = withoutControls(text.slice(0, MAX_TEXT)).trim();
  if (t === '') return [];
  const base = FIELD_CONFIDENCE[field] ?? OTHER_FIELD_CONFIDENCE;
  const named = [...findWindows(t, field), ...findRtos(t), ...findNetworkOs(t)];
  const found = [...named, ...findUnix(t, named.length > 0)].filter((f) => inContext(t, f));
  const out: OsMention[] = [];
  for (const f of found.sort((a, b) => b.specificity - a.specificity || a.start - b.start)) {
    // One mention per family: the most specific (a version beats the bare name).
    if (out.some((o) => o.osName === f.osName)) continue;
    out.push({ osName: f.osName, osVersion: f.osVersion, osLabel: f.osLabel, confidence: round2(base * f.specificity), detail: t.slice(f.start, f.end).trim().slice(0, 80) });
  }
  return out;
}
