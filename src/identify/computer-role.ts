/**
 * What a general-purpose computer is used as (docs/architecture.md "identify"): a client OS (Windows client editions, macOS,
 * desktop Linux) that an interactive user drives (a browser User-Agent, NetBIOS host announcements — MS-BRWS §2.2.1,
 * SMB client authentication — MS-NLMP §2.2.1.3) is a workstation; a Windows Server build or product type (data/
 * os-lifecycle.json productType, MS-SRVS §2.2.2.7 SV_TYPE_SERVER_NT / domain controller bits) is a server. Only on a
 * host that shows nothing clinical: a modality console also runs Windows 10 and browses.
 */
import type { KnowledgeBase, LifecycleEntry } from './knowledge/kb-types.js';
import { canonicalVendor, isMedicalMakerName, normaliseVendorKey } from './knowledge/lookup.js';
import { osNameKey } from './os-family.js';
import { BACNET_SOURCE_PREFIX } from './evidence/bacnet.js';
import { SERVICE_PORT_SOURCE } from './service-ports.js';
import type { Evidence } from './types.js';

/** Interactive-use signals (type evidence that never votes: host-rules.ts votingEvidence drops it). */
export const SIGNAL_BROWSER_UA = 'signal.browserUserAgent';
export const SIGNAL_BROWSER_ANNOUNCEMENT = 'signal.browserAnnouncement';
export const SIGNAL_SMB_CLIENT = 'signal.smbClient';
/** The host answered a TCP connection with data of its own (service-ports.ts serverSentData): it serves something. */
export const SIGNAL_TCP_SERVER = 'signal.tcpServer';
const SIGNALS: ReadonlySet<string> = new Set([SIGNAL_BROWSER_UA, SIGNAL_BROWSER_ANNOUNCEMENT, SIGNAL_SMB_CLIENT, SIGNAL_TCP_SERVER]);
/** Below any threshold: a signal is a note for the judgement here, not a vote. */
export const SIGNAL_CONFIDENCE = 0.1;

/** Source of the evidence this module derives; recomputed on every classification, never taken back from storage. */
export const COMPUTER_ROLE_SOURCE = 'rule.computer-role';
/** Enough to fill alone, well under the clinical roles (DICOM modality 0.85, traffic roles 0.65-0.8) it never meets. */
const ROLE_CONFIDENCE = 0.55;

export function isSignal(e: Evidence): boolean {
  return SIGNALS.has(e.source);
}

/** Sources where a host speaks a clinical protocol itself (DICOM, HL7, ASTM, POCT1-A, IntelliVue) or is addressed in one. */
const CLINICAL_PREFIXES: readonly string[] = ['dicom.', 'hl7.', 'astm.', 'poct1a.', 'intellivue.', 'rule.device-types.hl7', 'rule.device-types.trafficRole'];
const IT_CATEGORIES: ReadonlySet<string> = new Set(['it', 'unknown']);
/** Types a plain computer may also carry: a virtual machine (a VMware NIC) is a server or workstation all the same. */
const IT_TYPES: ReadonlySet<string> = new Set(['workstation', 'server', 'virtual machine']);

/**
 * Anything that makes the host more than a plain computer: a clinical protocol of its own, a category other than IT,
 * another type (a modality, a printer …), or a medical or clinical-software maker named (by its OUI or any source).
 * A service it serves does not count: on a desktop OS it is a print share, Intel AMT or BMS software answering BACnet
 * Who-Is (host-rules.ts serviceVotes).
 */
export function showsOtherRole(kb: KnowledgeBase, evidence: readonly Evidence[]): boolean {
  return evidence.some((e) => {
    if (isSignal(e) || e.source === COMPUTER_ROLE_SOURCE || e.source === SERVICE_PORT_SOURCE || e.source.startsWith(BACNET_SOURCE_PREFIX)) return false;
    if (CLINICAL_PREFIXES.some((p) => e.source.startsWith(p))) return true;
    if (e.attribute === 'category') return !IT_CATEGORIES.has(e.value);
    if (e.attribute === 'type') return !IT_TYPES.has(e.value.toLowerCase());
    if (e.attribute !== 'vendor') return false;
    const canonical = canonicalVendor(kb, e.value);
    const entry = kb.vendorEntries.find((v) => v.canonical === canonical);
    return entry?.kind === 'medical' || entry?.kind === 'clinical-software' || isMedicalMakerName(kb, e.value);
  });
}

function versionMatches(entry: string, seen: string): boolean {
  return entry === seen || entry.startsWith(`${seen}.`) || seen.startsWith(`${entry}.`);
}

/** workstation / server when every lifecycle row the OS matches agrees (10.0.17763 is both Windows 10 and Server 2019). */
export function lifecycleProductType(kb: KnowledgeBase, osName: string, osVersion: string | null, osLabel: string | null): LifecycleEntry['productType'] {
  if (osVersion === null && osLabel === null) return null;
  const name = osName.toLowerCase();
  let rows = kb.lifecycle.filter((e) => e.name.toLowerCase() === name && (osVersion === null || versionMatches(e.version, osVersion)));
  if (osLabel !== null) {
    const l = osLabel.toLowerCase();
    const narrowed = rows.filter((e) => e.label.toLowerCase().startsWith(l) || l.startsWith(e.family.toLowerCase()));
    if (narrowed.length > 0 || osVersion === null) rows = narrowed;
  }
  const types = new Set(rows.map((e) => e.productType));
  return types.size === 1 ? ([...types][0] ?? null) : null;
}

export interface HostOs {
  name: string | null;
  version: string | null;
  label: string | null;
}

/** workstation, server or null for the host's OS; browser announcements settle Windows builds the table cannot. */
function productType(kb: KnowledgeBase, os: HostOs, signals: readonly Evidence[]): 'workstation' | 'server' | null {
  if (os.name === null) return null;
  const key = osNameKey(os.name);
  if (key === osNameKey('macOS')) return 'workstation';
  if (key === osNameKey('Linux')) return signals.some((s) => s.source === SIGNAL_BROWSER_UA && /\bX11\b/.test(s.detail)) ? 'workstation' : null;
  if (key !== osNameKey('Windows')) return null;
  const fromTable = lifecycleProductType(kb, 'Windows', os.version, os.label);
  if (fromTable === 'workstation' || fromTable === 'server') return fromTable;
  if (fromTable === 'embedded') return null;
  const announced = new Set(signals.filter((s) => s.source === SIGNAL_BROWSER_ANNOUNCEMENT).map((s) => s.value));
  return announced.size === 1 ? ([...announced][0] === 'server' ? 'server' : 'workstation') : null;
}

/** Every NIC OUI seen on the host is a PC/server/VM maker's (data/vendor-aliases.json computerMaker); none seen is none against. */
function onComputerHardware(kb: KnowledgeBase, evidence: readonly Evidence[]): boolean {
  return evidence.every((e) => e.source !== 'mac.oui' || kb.computerMakers.has(normaliseVendorKey(canonicalVendor(kb, e.value))));
}

/**
 * A Windows client build that logs on to file shares as an SMB client (MS-NLMP §2.2.1.3 AUTHENTICATE), serves nothing
 * over TCP and whose NIC, when its MAC is seen at all, is a computer maker's: an office PC even without a browser seen.
 * A NIC registered to anyone else (a medical maker, a device maker, an organisation the vendor dictionary does not
 * know) leaves it unknown: a Windows-based telemetry receiver also logs on to shares and announces itself, and the
 * maker's name on its NIC is then all that tells it from a PC.
 */
function officeClient(kb: KnowledgeBase, evidence: readonly Evidence[], os: HostOs, signals: readonly Evidence[]): boolean {
  if (os.name === null || osNameKey(os.name) !== osNameKey('Windows')) return false;
  if (!signals.some((s) => s.source === SIGNAL_SMB_CLIENT) || signals.some((s) => s.source === SIGNAL_TCP_SERVER)) return false;
  return onComputerHardware(kb, evidence);
}

/**
 * `type` and `category` evidence for a general-purpose computer that shows nothing clinical: a client OS with an
 * interactive-use signal is a workstation; a Windows Server build or product type is a server.
 */
export function computerRoleEvidence(kb: KnowledgeBase, evidence: readonly Evidence[], os: HostOs, tsMs: number): Evidence[] {
  const signals = evidence.filter(isSignal);
  const product = productType(kb, os, signals);
  if (product === null || showsOtherRole(kb, evidence)) return [];
  // A person browsing is what makes a workstation: Windows-based clinical appliances (telemetry receivers, modality
  // consoles) announce themselves over NetBIOS and map shares too, so those signals alone only count on PC hardware.
  if (product === 'workstation' && !signals.some((s) => s.source === SIGNAL_BROWSER_UA) && !officeClient(kb, evidence, os, signals)) return [];
  const shown = [os.label ?? os.name, os.version].filter((v) => v !== null).join(' ');
  const why = product === 'server'
    ? `${shown}: a server build or product type, and nothing clinical on the host`
    : `${shown}: a client OS that ${[...new Set(signals.map((s) => s.detail))].slice(0, 3).join('; ')}, and nothing clinical on the host`;
  const mk = (attribute: 'type' | 'category', value: string): Evidence => ({ attribute, value, source: COMPUTER_ROLE_SOURCE, detail: why, confidence: ROLE_CONFIDENCE, tsMs });
  return [mk('type', product), mk('category', 'it')];
}
