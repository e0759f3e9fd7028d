/**
 * BACnet/IP evidence (ANSI/ASHRAE 135-2020) about a device that speaks for itself: an I-Am (§16.10.2) says the sender
 * is a BACnet device and carries its maker's ASHRAE vendor identifier (§12.11.7); a ReadProperty-ACK of its device
 * object gives the names it keeps (vendor, model, firmware). What a router relayed (NPDU SNET, §6.2.2) or a BBMD
 * forwarded (Forwarded-NPDU, J.2.9) is about another device and says nothing about the sender.
 */
import type { ProtocolRecord } from '../../decode/types.js';
import { bacnetVendorName } from '../knowledge/bacnet-vendors.js';
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import { canonicalVendor, normaliseVendorKey, ouiVendor } from '../knowledge/lookup.js';
import type { Observation } from '../types.js';
import { Emitter, senderKey, text, tsMsOf } from './common.js';

/** Prefix of every source this module emits: host-rules.ts keeps them out of the vote on a desktop OS (a BMS front end). */
export const BACNET_SOURCE_PREFIX = 'bacnet.';
/** The device's own statements weigh as an SNMP agent's enterprise number does (extract-evidence.ts). */
const MAKER_CONFIDENCE = 0.6;
/** As a maker of whole devices' OUI counts alone (extract-evidence.ts ouiObservation). */
const NIC_MAKER_CONFIDENCE = 0.55;

/** The sender speaks for itself: an original BVLL message, not relayed from another BACnet network. */
function fromSender(rec: ProtocolRecord): boolean {
  return (rec.bvlcFunction === 'original-broadcast-npdu' || rec.bvlcFunction === 'original-unicast-npdu') && rec.sourceNetwork === undefined && rec.forwardedFrom === undefined;
}

/** First word of a normalised organisation name, when it is long enough to be distinctive. */
function leadingWord(name: string): string | null {
  const w = normaliseVendorKey(name).split(' ')[0] ?? '';
  return w.length >= 4 ? w : null;
}

/**
 * The registry's organisation as the vendor; when the sender's own NIC is registered (IEEE OUI) to an organisation
 * with the same leading word, that fuller name is given instead, so both sources vote for one maker.
 */
function makerName(kb: KnowledgeBase, rec: ProtocolRecord, registryName: string): string {
  const mac = typeof rec.srcMac === 'string' ? rec.srcMac : null;
  const oui = mac === null ? null : ouiVendor(kb, mac);
  if (oui === null || oui.moduleMaker) return registryName;
  const word = leadingWord(registryName);
  return word !== null && word === leadingWord(oui.vendor) ? oui.vendor : registryName;
}

/**
 * A building controller's NIC is its maker's: on a BACnet device whose I-Am names no maker (the free stack's
 * identifier), the OUI owner counts as a maker of whole devices would (extract-evidence.ts ouiObservation), unless it
 * is a network-module, chip or computer maker. Only from a link-layer broadcast: a broadcast is never routed, so the
 * source MAC is the sender's own, not a router's.
 */
function nicMaker(kb: KnowledgeBase, rec: ProtocolRecord): { vendor: string; oui: string } | null {
  if (rec.bvlcFunction !== 'original-broadcast-npdu' || rec.dstMac !== 'ff:ff:ff:ff:ff:ff' || typeof rec.srcMac !== 'string') return null;
  const oui = ouiVendor(kb, rec.srcMac);
  if (oui === null || oui.moduleMaker || kb.computerMakers.has(normaliseVendorKey(canonicalVendor(kb, oui.vendor)))) return null;
  return { vendor: oui.vendor, oui: oui.oui };
}

const numberText = (v: unknown): string => (typeof v === 'number' ? String(v) : '?');

export function bacnetObservations(rec: ProtocolRecord, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  if (!fromSender(rec)) return out;
  const e = new Emitter(out, senderKey(rec), tsMsOf(rec));
  if (e.empty) return out;
  if (rec.kind === 'i-am' && typeof rec.vendorId === 'number') {
    e.rules(kb, 'device-types', 'bacnetRole', 'device', `${BACNET_SOURCE_PREFIX}iAm`);
    const registered = bacnetVendorName(kb, rec.vendorId);
    if (registered !== null) {
      const maker = makerName(kb, rec, registered);
      e.add('vendor', maker, `${BACNET_SOURCE_PREFIX}vendorId`, `I-Am device ${numberText(rec.deviceInstance)}: ASHRAE vendor identifier ${rec.vendorId} (${registered}, data/bacnet-vendors.json)`, MAKER_CONFIDENCE);
      return out;
    }
    const nic = nicMaker(kb, rec);
    if (nic !== null) e.add('vendor', nic.vendor, `${BACNET_SOURCE_PREFIX}nicMaker`, `OUI ${nic.oui} ${nic.vendor} on a BACnet device whose I-Am (vendor identifier ${rec.vendorId}) names no maker`, NIC_MAKER_CONFIDENCE);
    return out;
  }
  if (rec.kind === 'read-property-ack') {
    const at = `device ${numberText(rec.objectInstance)} ReadProperty-ACK`;
    e.add('vendor', text(rec, 'vendorName'), `${BACNET_SOURCE_PREFIX}vendorName`, `${at}: Vendor_Name ${text(rec, 'vendorName') ?? ''}`, MAKER_CONFIDENCE);
    e.add('model', text(rec, 'modelName'), `${BACNET_SOURCE_PREFIX}modelName`, `${at}: Model_Name ${text(rec, 'modelName') ?? ''}`, MAKER_CONFIDENCE);
    e.add('firmware', text(rec, 'firmwareRevision'), `${BACNET_SOURCE_PREFIX}firmwareRevision`, `${at}: Firmware_Revision ${text(rec, 'firmwareRevision') ?? ''}`, 0.5);
  }
  return out;
}
