/**
 * Free text a device sends about itself (SNMP sysDescr, LLDP/CDP description, DHCP option 60, HTTP Server/title/
 * User-Agent, certificate names, banners, HL7 MSH-3/4, DICOM implementation name, host names): the vendors it names
 * (vendor-mentions.ts) and the OS it names (os-mentions.ts), as evidence under the field's own source name.
 */
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import { osMentions, type OsMention } from '../os-mentions.js';
import { HOST_NAME_MENTION, VENDOR_MENTION, soleMaker, vendorMentions, type VendorKind, type VendorMention } from '../vendor-mentions.js';
import type { Emitter } from './common.js';

interface FieldPolicy {
  /** Confidence of a maker named in this field (the fill threshold is 0.5: below it, a field only corroborates). */
  confidence: number;
  /** Which makers the field may name: a browser's User-Agent names Apple and Microsoft engines, not the device's maker. */
  kinds: ReadonlySet<VendorKind>;
  /** A host name: only unambiguous names count, and never alone (host-rules.ts). */
  hostName: boolean;
}

const MAKERS: ReadonlySet<VendorKind> = new Set(['medical', 'clinical-software', 'it']);
const MEDICAL: ReadonlySet<VendorKind> = new Set(['medical', 'clinical-software']);
const strong = (confidence: number): FieldPolicy => ({ confidence, kinds: MAKERS, hostName: false });
const HOST: FieldPolicy = { confidence: 0.25, kinds: MEDICAL, hostName: true };

/**
 * The fields and how far their words go. What the device's firmware writes about itself (sysDescr, LLDP description,
 * the certificate's organisation) is strong; an application's name or a page title is medium; what an administrator
 * or a hospital chose (host names, the HL7 sending facility, a CA that issued a certificate) is weak.
 */
const POLICIES = {
  'snmp.sysDescr': strong(0.7),
  'lldp.systemDescription': strong(0.7),
  'cdp.systemDescription': strong(0.7),
  'tls.certSubject O': strong(0.7),
  'tls.certSubject OU': strong(0.5),
  'tls.certSubject CN': strong(0.45),
  'tls.certIssuer': strong(0.3),
  'dhcp.vendorClass': strong(0.65),
  'http.server': strong(0.6),
  'http.title': strong(0.55),
  'http.userAgent': { confidence: 0.5, kinds: MEDICAL, hostName: false },
  'ssh.software': strong(0.55),
  'ftp.banner': strong(0.55),
  'telnet.banner': strong(0.55),
  'hl7.sendingApplication': strong(0.55),
  'hl7.sendingFacility': strong(0.3),
  'dicom.implementationVersionName': strong(0.55),
  'dhcp.hostname': HOST,
  'syslog.hostname': HOST,
  'nbns.hostname': HOST,
  'nbdgm.hostname': HOST,
  'snmp.sysName': HOST,
  'lldp.systemName': HOST,
  'cdp.systemName': HOST,
} as const satisfies Record<string, FieldPolicy>;

export type FreeTextField = keyof typeof POLICIES;

const MAX_SHOWN = 120;

function quoted(text: string): string {
  return JSON.stringify(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);
}

/**
 * A hospital, clinic or university named in the text: makers' names there are more often a place's or a person's
 * ("Abbott Northwestern Hospital", "Baxter Regional Medical Center") than the device's maker.
 */
const INSTITUTION = /\b(?:hospitals?|clinics?|infirmary|universit(?:y|ies)|college|medical cent(?:er|re)|health system)\b/i;

function makerIn(kb: KnowledgeBase, text: string, policy: FieldPolicy): VendorMention | null {
  if (INSTITUTION.test(text)) return null;
  const all = vendorMentions(kb.vendorDictionary, text);
  return soleMaker(policy.hostName ? all.filter((m) => m.scope === 'free') : all, policy.kinds);
}

/** What one (field, text) gives as vendor evidence, or null: the same banners and names repeat record after record. */
interface Named {
  vendor: string;
  detail: string;
}

const MEMO_LIMIT = 4096;
const memos = new WeakMap<KnowledgeBase, Map<string, Named | null>>();

function namedIn(kb: KnowledgeBase, field: FreeTextField, value: string): Named | null {
  let memo = memos.get(kb);
  if (memo === undefined) {
    memo = new Map();
    memos.set(kb, memo);
  }
  const key = `${field}\u0000${value}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const policy: FieldPolicy = POLICIES[field];
  const maker = makerIn(kb, value, policy);
  const space = field.indexOf(' ');
  const shown = space < 0 ? quoted(value) : `${field.slice(space + 1)}=${quoted(value)}`;
  const prefix = policy.hostName ? HOST_NAME_MENTION : VENDOR_MENTION;
  const named = maker === null ? null : { vendor: maker.canonical, detail: `${prefix}${quoted(maker.text)} (alias ${quoted(maker.alias)}) in ${shown}` };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, named);
  return named;
}

/** osMentions per (source, text), kept like the vendor memo: devices repeat the same banners and descriptions. */
const osMemo = new Map<string, readonly OsMention[]>();

function osMentionsOnce(value: string, source: string): readonly OsMention[] {
  const key = `${source}\u0000${value}`;
  const hit = osMemo.get(key);
  if (hit !== undefined) return hit;
  const found = osMentions(value, source);
  if (osMemo.size >= MEMO_LIMIT) osMemo.clear();
  osMemo.set(key, found);
  return found;
}

/**
 * Evidence from one free-text field: the maker it names, and what os-mentions.ts finds in it. `field` picks the
 * policy; the evidence source is the field's record name (`tls.certSubject`, not its RDN).
 */
export function freeText(e: Emitter, kb: KnowledgeBase, field: FreeTextField, value: string | null): void {
  if (value === null || value === '') return;
  const space = field.indexOf(' ');
  const source = space < 0 ? field : field.slice(0, space);
  const named = namedIn(kb, field, value);
  if (named !== null) e.add('vendor', named.vendor, source, named.detail, POLICIES[field].confidence);
  for (const os of osMentionsOnce(value, source)) {
    e.add('osName', os.osName, source, os.detail, os.confidence);
    e.add('osVersion', os.osVersion, source, os.detail, os.confidence);
    e.add('osLabel', os.osLabel, source, os.detail, os.confidence);
  }
}

/** Attribute values of an X.500 name as the TLS decoder prints it ("CN=x, O=GE Healthcare, C=US"). */
export function nameParts(dn: string): { type: string; value: string }[] {
  const out: { type: string; value: string }[] = [];
  // Split before each ", TYPE=": a comma inside a value ("O=Becton, Dickinson and Company") is not followed by one.
  for (const rdn of dn.split(/,\s*(?=[A-Za-z][A-Za-z0-9.-]*=)/)) {
    const eq = rdn.indexOf('=');
    if (eq <= 0) continue;
    const value = rdn.slice(eq + 1).trim();
    if (value !== '') out.push({ type: rdn.slice(0, eq).trim().toUpperCase(), value });
  }
  return out;
}

/** The server certificate's subject O/OU/CN, and its issuer when another party issued it. */
export function certificateText(e: Emitter, kb: KnowledgeBase, subject: string | null, issuer: string | null): void {
  if (subject !== null) {
    for (const p of nameParts(subject)) {
      if (p.type === 'O') freeText(e, kb, 'tls.certSubject O', p.value);
      else if (p.type === 'OU') freeText(e, kb, 'tls.certSubject OU', p.value);
      else if (p.type === 'CN') freeText(e, kb, 'tls.certSubject CN', p.value);
    }
  }
  // A self-signed certificate's issuer repeats its subject; a CA's name says who signed, weakly who made the device.
  if (issuer !== null && issuer !== subject) {
    const org = nameParts(issuer).find((p) => p.type === 'O') ?? nameParts(issuer).find((p) => p.type === 'CN');
    if (org !== undefined) freeText(e, kb, 'tls.certIssuer', org.value);
  }
}
