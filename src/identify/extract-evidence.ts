/** Evidence extraction: protocol records and flows -> observations about devices (docs/architecture.md "identify" stage). */
import type { FlowJson } from '../capture/flow-json.js';
import { asWireRecord, type RecordOf, type RecordProto, type WireRecord } from '../decode/records.js';
import type { ProtocolRecord } from '../decode/types.js';
import { bacnetObservations } from './evidence/bacnet.js';
import { bannerObservations } from './evidence/banners.js';
import { Emitter, unicastIp, unicastMac } from './evidence/common.js';
import { dhcpObservations } from './evidence/dhcp.js';
import { dicomObservations } from './evidence/dicom.js';
import { dnsObservations } from './evidence/dns.js';
import { hl7Observations } from './evidence/hl7.js';
import { hostObservations } from './evidence/hosts.js';
import { httpObservations } from './evidence/http.js';
import { labObservations } from './evidence/lab.js';
import { lldpObservations } from './evidence/lldp.js';
import { ntlmOs, smbObservations } from './evidence/smb.js';
import { snmpObservations } from './evidence/snmp.js';
import { tlsObservations } from './evidence/tls.js';
import { APP_HOST_STACK_SOURCE } from './host-rules.js';
import { signalObservations } from './host-signals.js';
import { serverSentData, servicePortObservations } from './service-ports.js';
import { SIGNAL_CONFIDENCE, SIGNAL_TCP_SERVER } from './computer-role.js';
import type { KnowledgeBase } from './knowledge/kb-types.js';
import { initialTtl, matchTcpSignature, ouiVendor, penMaker } from './knowledge/lookup.js';
import type { DeviceKey, Evidence, Observation } from './types.js';
import type { SynSignature } from '../capture/flow.js';

/** Each decoder's extractor reads its own record type (src/decode/records.ts); the rest still read by field name. */
type Extractors = { readonly [P in RecordProto]?: ((rec: RecordOf<P>, kb: KnowledgeBase) => Observation[]) | ((rec: ProtocolRecord, kb: KnowledgeBase) => Observation[]) };

const EXTRACTORS: Extractors = {
  dicom: dicomObservations,
  dhcp: dhcpObservations,
  dns: dnsObservations,
  hl7: hl7Observations,
  http: httpWithNtlm,
  tls: tlsObservations,
  smb: smbObservations,
  snmp: snmpWithEnterprise,
  lldp: lldpObservations,
  cdp: lldpObservations,
  poct1a: labObservations,
  astm: labObservations,
  intellivue: labObservations,
  ssh: bannerObservations,
  ftp: bannerObservations,
  telnet: bannerObservations,
  nbns: hostObservations,
  nbdgm: hostObservations,
  syslog: hostObservations,
  bacnet: bacnetObservations,
};

/** HTTP plus NTLM-over-HTTP (the decoder puts the NTLMSSP VERSION in `osVersion`). */
function httpWithNtlm(rec: RecordOf<'http'>, kb: KnowledgeBase): Observation[] {
  const out = httpObservations(rec, kb);
  // src/decode/http/parse-auth.ts sets `osVersion`, which the HTTP record types do not declare yet: read it untyped.
  const osVersion = (rec as ProtocolRecord).osVersion;
  if (typeof osVersion === 'string') {
    const e = new Emitter(out, { mac: unicastMac(rec.srcMac), ip: unicastIp(rec.src) }, Date.parse(rec.ts) || 0);
    ntlmOs(e, osVersion, 'http.ntlmssp.osVersion', 'HTTP NTLMSSP');
  }
  return out;
}

/** IANA's SMI Network Management Private Enterprise Codes arc (RFC 1155 §3.1.4: iso.org.dod.internet.private.enterprises). */
const ENTERPRISES = '1.3.6.1.4.1.';

/**
 * SNMP plus the maker its agent names: sysObjectID (RFC 3418) is `1.3.6.1.4.1.<PEN>…`, the agent vendor's own
 * subtree. Only makers of data/vendor-aliases.json count, by their `pens` or by the IANA registry's organisation name
 * (lookup.ts penMaker); generic agents (Net-SNMP 8072) name none.
 */
function snmpWithEnterprise(rec: RecordOf<'snmp'>, kb: KnowledgeBase): Observation[] {
  const out = snmpObservations(rec, kb);
  const oid = rec.kind === 'response' && typeof rec.sysObjectId === 'string' ? rec.sysObjectId : null;
  if (oid === null || !oid.startsWith(ENTERPRISES)) return out;
  const arc = /^(\d{1,9})(?:\.|$)/.exec(oid.slice(ENTERPRISES.length))?.[1];
  const maker = arc === undefined ? null : penMaker(kb, Number(arc));
  if (maker === null) return out;
  const e = new Emitter(out, { mac: unicastMac(rec.srcMac), ip: unicastIp(rec.src) }, Date.parse(rec.ts) || 0);
  if (!e.empty) e.add('vendor', maker, 'snmp.sysObjectId.enterprise', `sysObjectID ${oid}: IANA enterprise ${arc ?? ''} (${maker})`, 0.6);
  return out;
}

/** Observations one protocol record gives, each keyed to the device it is about. Never throws on odd records. */
export function observationsFromRecord(rec: ProtocolRecord, kb: KnowledgeBase): Observation[] {
  const wire = asWireRecord(rec);
  // The table pairs each proto with its extractor, so the record this proto names is the one it reads.
  const extract = EXTRACTORS[wire.proto] as ((rec: WireRecord, kb: KnowledgeBase) => Observation[]) | undefined;
  if (extract === undefined) return [];
  const out = extract(wire, kb);
  // Interactive-use signals (computer-role.ts): browsers, NetBIOS announcements, SMB client logons.
  if (rec.proto === 'http' || rec.proto === 'nbdgm' || rec.proto === 'smb') out.push(...signalObservations(rec));
  return out;
}

function ouiObservation(out: Observation[], kb: KnowledgeBase, key: DeviceKey, tsMs: number): void {
  if (key.mac === null) return;
  const o = ouiVendor(kb, key.mac);
  if (o === null) return;
  // A NIC's OUI names who made the network interface: often the device maker, but an embedded module maker
  // (Lantronix, Silex, Murata …) says little about the device, hence the lower weight there. A maker of whole devices
  // (medical: Alaris, Spacelabs, Nihon Kohden …; IT: printers, cameras, UPS, network gear, data/vendor-aliases.json
  // deviceMaker) puts its OUI on its own devices: enough to name the vendor alone. PC, server, VM, NIC and chip makers
  // stay at the low weight (host-rules.ts decides when a PC maker's OUI names a computer).
  const maker = o.medicalMaker || o.deviceMaker;
  const confidence = o.moduleMaker ? 0.1 : maker ? 0.55 : 0.35;
  const note = o.moduleMaker ? ' (network-module maker)' : o.medicalMaker ? ' (medical device maker)' : o.deviceMaker ? ' (device maker)' : '';
  new Emitter(out, key, tsMs).add('vendor', o.vendor, 'mac.oui', `OUI ${o.oui} ${o.vendor}${note}`, confidence);
}

/**
 * Observations from an address binding alone (ARP, a record's sender MAC): the OUI vendor. A packet from another
 * subnet carries the router's MAC beside a remote address: the inventory collector finds router MACs and keeps
 * evidence made from them (mac.oui) off the routed hosts, so the key keeps its IP here and a plain host's OUI joins
 * its one device instead of making a MAC-only one.
 */
export function observationsFromAddress(key: DeviceKey, tsMs: number, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  ouiObservation(out, kb, { mac: unicastMac(key.mac), ip: key.ip === null ? null : unicastIp(key.ip) }, tsMs);
  return out;
}

/** Sources of the OS guessed from a SYN or SYN+ACK signature. */
const SYN_SOURCES: ReadonlySet<string> = new Set(['tcp.syn', APP_HOST_STACK_SOURCE]);
const SYN_TTL = /\bttl (\d+) \(initial (\d+)\)/;

/**
 * Router hops a SYN-signature piece of evidence crossed (its initial TTL less the one seen, RFC 1812 §5.3.1: every
 * router decrements it), or null when the evidence is no SYN signature. A SYN that crossed a router carries that
 * router's MAC: the stack it shows is another host's.
 */
export function synHops(e: Evidence): number | null {
  if (!SYN_SOURCES.has(e.source)) return null;
  const m = SYN_TTL.exec(e.detail);
  return m === null ? null : Number(m[2]) - Number(m[1]);
}

function synObservation(out: Observation[], kb: KnowledgeBase, key: DeviceKey, tsMs: number, syn: SynSignature, direction: 'request' | 'response'): void {
  const sig = matchTcpSignature(kb, direction, syn);
  if (sig === null) return;
  const detail = `${direction === 'request' ? 'SYN' : 'SYN+ACK'} ttl ${syn.ttl} (initial ${initialTtl(syn.ttl)}) win ${syn.window} mss ${syn.mss ?? '-'} ws ${syn.windowScale ?? '-'} opts ${syn.options} (${sig.source})`;
  const e = new Emitter(out, key, tsMs);
  e.add('osName', sig.osName, 'tcp.syn', detail, sig.confidence);
  // Counted only on a host that runs a DICOM/HL7 application (host-rules.ts): alone, the weaker entry above stands.
  if (sig.hostConfidence !== null) e.add('osName', sig.osName, APP_HOST_STACK_SOURCE, `${detail}; counts only on a host that runs a DICOM or HL7 application`, sig.hostConfidence);
}

/**
 * The client of a completed TCP connection to a well-known service port that only one kind of device uses (BD Alaris
 * PCUs to their Systems Manager on 3613): data/device-types.json `serverPort` rules. A SYN alone (a half-open scan)
 * is not enough: the handshake must have completed and the server must have sent more than its SYN+ACK.
 */
function serverPortObservation(out: Observation[], kb: KnowledgeBase, client: DeviceKey, tsMs: number, flow: FlowJson): void {
  if (flow.proto !== 'tcp' || flow.dport === null || (flow.state !== 'established' && flow.state !== 'closed')) return;
  if (flow.packetsOut < 3 || flow.packetsIn < 2) return;
  const e = new Emitter(out, client, tsMs);
  if (!e.empty) e.rules(kb, 'device-types', 'serverPort', `tcp/${String(flow.dport)}`, 'flow.serverPort');
}

/**
 * Observations from a flow: the OUI vendor of both MACs, the p0f-style OS guess from SYN / SYN+ACK, the client of a
 * one-kind service port (`serverPort`), the server of a one-kind service (`servicePort`, service-ports.ts) and, as a
 * signal, that the server serves TCP at all.
 */
export function observationsFromFlow(flow: FlowJson, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  const tsMs = Date.parse(flow.first) || 0;
  const client: DeviceKey = { mac: unicastMac(flow.srcMac), ip: unicastIp(flow.src) };
  const server: DeviceKey = { mac: unicastMac(flow.dstMac), ip: unicastIp(flow.dst) };
  // Keyed by the MAC only, as in observationsFromAddress.
  ouiObservation(out, kb, client, tsMs);
  ouiObservation(out, kb, server, tsMs);
  serverPortObservation(out, kb, client, tsMs, flow);
  servicePortObservations(out, kb, server, tsMs, flow);
  // That it serves at all (any port) is a note for computer-role.ts: an office PC serves nothing.
  if (serverSentData(flow) && flow.dport !== null) new Emitter(out, server, tsMs).add('type', 'server', SIGNAL_TCP_SERVER, `serves tcp/${String(flow.dport)}`, SIGNAL_CONFIDENCE);
  if (flow.syn !== undefined) synObservation(out, kb, client, tsMs, flow.syn, 'request');
  if (flow.synAck !== undefined) synObservation(out, kb, server, tsMs, flow.synAck, 'response');
  return out;
}
