/**
 * Device-level corroboration (docs/architecture.md "identify"): facts that mean something only together — a computer maker's
 * OUI and what the host shows it is, a TCP stack signature and the application the host runs.
 */
import type { KnowledgeBase } from './knowledge/kb-types.js';
import { canonicalVendor, isDeviceMakerName, normaliseVendorKey } from './knowledge/lookup.js';
import { COMPUTER_ROLE_SOURCE, isSignal } from './computer-role.js';
import { isDerivedRole, isRelayHalf } from './role-rules.js';
import { BACNET_SOURCE_PREFIX } from './evidence/bacnet.js';
import { SERVICE_PORT_SOURCE } from './service-ports.js';
import type { Evidence } from './types.js';
import { isHostNameMention, isVendorMention } from './vendor-mentions.js';

/** Sources whose vendor is a NIC's IEEE OUI (the MAC itself, or an EUI-64 built from it). */
const OUI_SOURCES: ReadonlySet<string> = new Set(['mac.oui', 'hl7.eui64.oui']);

/** Source of the vendor evidence this module derives from a computer maker's OUI. */
const COMPUTER_MAKER_SOURCE = 'rule.computer-maker-oui';

/** Categories of clinical equipment: their maker, not the maker of the PC inside, is the device's vendor. */
const EQUIPMENT_CATEGORIES: ReadonlySet<string> = new Set(['imaging', 'patient-monitoring', 'infusion', 'life-support', 'laboratory']);

/** The host itself sent a DICOM association (its implementation UID) or an HL7 message (its MSH-3). */
function isAppHost(evidence: readonly Evidence[]): boolean {
  return evidence.some((e) => e.attribute === 'dicomImplementationClassUid' || (e.attribute === 'hl7Application' && e.source === 'hl7.sendingApplication'));
}

function isComputerOui(kb: KnowledgeBase, e: Evidence): boolean {
  return e.attribute === 'vendor' && OUI_SOURCES.has(e.source) && kb.computerMakers.has(normaliseVendorKey(canonicalVendor(kb, e.value)));
}

/** A computer maker named in free text ("Dell" in a title): like its OUI, it names the PC, not the product on it. */
function isComputerMention(kb: KnowledgeBase, e: Evidence): boolean {
  return isVendorMention(e) && kb.computerMakers.has(normaliseVendorKey(canonicalVendor(kb, e.value)));
}

/** Where a device states its own maker (DICOM (0008,0070), LLDP-MED inventory, POCT1-A/IntelliVue identity). */
const SELF_STATEMENT_SOURCES: ReadonlySet<string> = new Set(['dicom.dataset.manufacturer', 'lldp.manufacturer', 'cdp.manufacturer', 'poct1a.vendor', 'intellivue.vendor']);

/**
 * Vendor names found in free text, judged against the rest: a device's own statement of its maker beats free text
 * that names another; a host name never names a vendor alone, only seconds one that another source names. A sender
 * whose DICOM data sets name several makers forwards images (a PACS, a router): its statements are not about itself.
 */
export function mentionsThatVote(kb: KnowledgeBase, vendorEv: readonly Evidence[]): Evidence[] {
  if (!vendorEv.some(isVendorMention)) return [...vendorEv];
  const key = (e: Evidence): string => normaliseVendorKey(canonicalVendor(kb, e.value));
  const stated = new Set(vendorEv.filter((e) => SELF_STATEMENT_SOURCES.has(e.source)).map(key));
  const named = new Set(vendorEv.filter((e) => !isHostNameMention(e)).map(key));
  return vendorEv.filter((e) => {
    if (!isVendorMention(e)) return true;
    if (stated.size === 1 && !stated.has(key(e))) return false;
    return !isHostNameMention(e) || named.has(key(e));
  });
}

/**
 * The evidence without what this module derived on an earlier run: the inventory keeps a profile's derived evidence
 * and hands it back, and a stale derivation must not count as "another source naming a vendor" (nor a stale HL7 role,
 * whose reason lists peers that change as more traffic is seen).
 */
export function withoutDerived(evidence: readonly Evidence[]): Evidence[] {
  return evidence.filter((e) => e.source !== COMPUTER_MAKER_SOURCE && e.source !== COMPUTER_ROLE_SOURCE && !isDerivedRole(e));
}

/**
 * An IT device maker's OUI (a printer, camera, UPS or network-gear maker: data/vendor-aliases.json deviceMaker) names
 * the vendor alone, but its board can sit inside another maker's product: when any other source that is not an OUI
 * nor a host name names a different maker at least as surely, that OUI leaves the vote instead of diluting it.
 */
function withoutOutvotedMakerOui(kb: KnowledgeBase, vendorEv: readonly Evidence[]): Evidence[] {
  const key = (e: Evidence): string => normaliseVendorKey(canonicalVendor(kb, e.value));
  const isMakerOui = (e: Evidence): boolean => OUI_SOURCES.has(e.source) && isDeviceMakerName(kb, e.value);
  const makers = vendorEv.filter(isMakerOui);
  if (makers.length === 0) return [...vendorEv];
  const others = vendorEv.filter((e) => !OUI_SOURCES.has(e.source) && !isHostNameMention(e));
  return vendorEv.filter((e) => !isMakerOui(e) || !others.some((o) => key(o) !== key(e) && o.confidence >= e.confidence));
}

export interface VendorEvidence {
  /** The vendor evidence that takes part in the vote. */
  vote: Evidence[];
  /** Evidence this rule adds (also kept in the profile, as reasons). */
  added: Evidence[];
}

/**
 * A PC/server/VM maker's OUI names the hardware, not the product on it. When any other source names a vendor (a
 * modality on a Dell PC, an infusion gateway in a VMware VM) that OUI leaves the vote: it neither wins nor dilutes.
 * When nothing else names a vendor, the host shows itself as a general-purpose computer (its OS is known, or an
 * IT type such as workstation) and nothing says it is clinical equipment, the hardware maker is the answer.
 */
export function vendorEvidence(kb: KnowledgeBase, allVendorEv: readonly Evidence[], all: readonly Evidence[], computer: { osName: string | null; itType: boolean }): VendorEvidence {
  const vendorEv = withoutOutvotedMakerOui(kb, mentionsThatVote(kb, allVendorEv));
  const isHardware = (e: Evidence): boolean => isComputerOui(kb, e) || isComputerMention(kb, e);
  const hardware = vendorEv.filter(isHardware);
  if (hardware.length === 0) return { vote: vendorEv, added: [] };
  const others = vendorEv.filter((e) => !OUI_SOURCES.has(e.source) && !isHardware(e));
  if (others.length > 0) return { vote: vendorEv.filter((e) => !isHardware(e)), added: [] };
  const equipment = all.find((e) => e.attribute === 'category' && EQUIPMENT_CATEGORIES.has(e.value));
  // On clinical equipment a PC maker named in free text stays out too; its OUI votes as before (it cannot fill alone).
  if (equipment !== undefined) return { vote: vendorEv.filter((e) => !isComputerMention(kb, e)), added: [] };
  const nics = hardware.filter((e) => isComputerOui(kb, e));
  if (nics.length === 0 || (computer.osName === null && !computer.itType)) return { vote: vendorEv, added: [] };
  const best = nics.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  const shows = computer.osName !== null ? `a ${computer.osName} host` : 'an IT device';
  const added: Evidence = {
    attribute: 'vendor', value: best.value, source: COMPUTER_MAKER_SOURCE, confidence: 0.45, tsMs: best.tsMs,
    detail: `${best.detail}: a computer maker's NIC on ${shows} that no other source names and nothing marks as clinical equipment (data/vendor-aliases.json computerMaker)`,
  };
  return { vote: [...vendorEv, added], added: [added] };
}

/** Source of full-stack SYN evidence that counts only on an application host (data/tcp-fingerprints.json hostConfidence). */
export const APP_HOST_STACK_SOURCE = 'tcp.syn.app-host';

/** Where a device states what it is: its own DICOM, HL7, lab-protocol or LLDP/CDP statements. */
const OWN_STATEMENT_PREFIXES: readonly string[] = ['dicom.', 'hl7.', 'astm.', 'poct1a.', 'intellivue.', 'lldp.', 'cdp.'];

/**
 * Evidence of what a host serves: a service port (service-ports.ts), or a BACnet Device object it answers as
 * (evidence/bacnet.ts: building-management software on a PC answers Who-Is with its own I-Am and vendor identifier).
 */
export function isServedEvidence(e: Evidence): boolean {
  return e.source === SERVICE_PORT_SOURCE || e.source.startsWith(BACNET_SOURCE_PREFIX);
}

const DESKTOP_OS = /^(windows|macos)$/i;

/**
 * What a host on a desktop OS serves names the software on it, not the machine: its vendor evidence leaves the vote
 * (a BMS front end's BACnet vendor identifier is the BMS maker's, the PC is someone else's).
 */
export function withoutServedOnDesktop(evidence: readonly Evidence[], osName: string | null): Evidence[] {
  return osName !== null && DESKTOP_OS.test(osName) ? evidence.filter((e) => !isServedEvidence(e)) : [...evidence];
}

/**
 * A service it serves (service-ports.ts) says what kind of device a host is only when the host says nothing itself:
 * beside its own DICOM/HL7/lab/LLDP statement, a medical maker's name, or a desktop OS (a Windows print server's LPD,
 * a PC's Intel AMT answering RMCP, a Mac sharing printers over IPP), service-port evidence leaves the vote.
 */
function serviceVotes(evidence: readonly Evidence[], osName: string | null, medicalMaker: boolean): boolean {
  if (medicalMaker || (osName !== null && DESKTOP_OS.test(osName))) return false;
  return !evidence.some((e) => !isServedEvidence(e) && OWN_STATEMENT_PREFIXES.some((p) => e.source.startsWith(p)));
}

/**
 * A TCP SYN signature alone is weak (embedded stacks and middleboxes imitate), but a full-stack signature on a host
 * that runs a DICOM/HL7 application names the OS well: such software runs on Windows or Linux, not on a bare RTOS.
 * Returns the evidence that votes: `tcp.syn.app-host` pieces stay only when the host runs such an application; the
 * halves of an HL7 relay and interactive-use signals never vote (role-rules.ts and computer-role.ts judge them);
 * service-port evidence votes only as serviceVotes allows (`host` given once the OS and vendor are known).
 */
export function votingEvidence(evidence: readonly Evidence[], host?: { osName: string | null; medicalMaker: boolean }): Evidence[] {
  let voting = evidence.filter((e) => !isRelayHalf(e) && !isSignal(e));
  if (host !== undefined && voting.some(isServedEvidence) && !serviceVotes(voting, host.osName, host.medicalMaker)) {
    voting = voting.filter((e) => !isServedEvidence(e));
  }
  if (!voting.some((e) => e.source === APP_HOST_STACK_SOURCE)) return voting;
  if (isAppHost(voting)) return voting;
  return voting.filter((e) => e.source !== APP_HOST_STACK_SOURCE);
}
