/** HL7 v2 evidence (HL7 v2.5 ch. 2 MSH-3/4/5; IHE PCD TF-2 EUI-64 in MSH-3): applications, facility, message peers. */
import type { RecordOf } from '../../decode/records.js';
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import { ouiVendor } from '../knowledge/lookup.js';
import { hl7RelayHalves } from '../role-rules.js';
import { hl7ResultHalves } from '../traffic-role-hl7.js';
import type { Observation } from '../types.js';
import { clean, emitterFor, type Emitter } from './common.js';
import { freeText } from './free-text.js';

/** `NAME^0123456789ABCDEF^EUI-64` -> name and EUI-64 (IHE PCD form of a HD data type). */
function splitHd(hd: string): { name: string; eui64: string | null } {
  const parts = hd.split('^');
  const name = (parts[0] ?? '').trim();
  const id = (parts[1] ?? '').trim();
  const eui64 = (parts[2] ?? '').trim().toUpperCase() === 'EUI-64' && /^[0-9A-F]{16}$/i.test(id) ? id.toUpperCase() : null;
  return { name: name === '' ? hd : name, eui64 };
}

function application(e: Emitter, kb: KnowledgeBase, app: string, facility: string | null, own: boolean): void {
  const { name, eui64 } = splitHd(app);
  e.add('hl7Application', name, own ? 'hl7.sendingApplication' : 'hl7.receivingApplication', app, own ? 0.9 : 0.5);
  if (!own) return;
  e.add('hl7Facility', facility, 'hl7.sendingFacility', facility ?? '', 0.7);
  e.rules(kb, 'hl7-applications', 'application', app, 'hl7.sendingApplication');
  e.rules(kb, 'hl7-applications', 'facility', facility, 'hl7.sendingFacility');
  e.rules(kb, 'device-types', 'hl7Application', name, 'hl7.sendingApplication');
  // MSH-3 names the sending application ("SYSMEX_XN"); MSH-4 is often the hospital's own name, hence weak.
  freeText(e, kb, 'hl7.sendingApplication', name);
  freeText(e, kb, 'hl7.sendingFacility', facility === null ? null : splitHd(facility).name);
  if (eui64 !== null) {
    e.add('eui64', eui64, 'hl7.sendingApplication', app, 0.9);
    // An EUI-64's first 24 bits are the maker's OUI (IEEE EUI-64 guidelines). One made from a MAC (FFFE in the middle)
    // names the NIC's maker, as the MAC does: an embedded network module's maker (Intel, Murata …) is not the device's.
    const o = ouiVendor(kb, eui64.slice(0, 6));
    if (o !== null) e.add('vendor', o.vendor, 'hl7.eui64.oui', `EUI-64 ${eui64} OUI ${o.oui}${o.moduleMaker ? ' (network-module maker)' : ''}`, o.moduleMaker ? 0.1 : 0.6);
  }
}

/**
 * Who sent an application message (not an acknowledgement: HL7 v2.5 ch. 2 ACK with MSA) to whom, for role-rules.ts: both ends
 * of an ORU carry it, the ACK coming back does not, so a sender that only hears ACKs never looks like a receiver.
 */
function relayHalves(kb: KnowledgeBase, sender: Emitter | null, receiver: Emitter | null, rec: RecordOf<'hl7'>): void {
  const type = clean(rec.messageType);
  if (type === null || /^ACK\b/i.test(type)) return;
  hl7RelayHalves(kb, type, rec.src, rec.dst, sender, receiver);
  hl7ResultHalves(kb, rec, sender, receiver);
}

export function hl7Observations(rec: RecordOf<'hl7'>, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  if ((rec.kind as string) !== 'message') return out; // typed by the decoder, still checked at run time
  const sending = clean(rec.sendingApplication);
  const sender = emitterFor(out, rec, 'sender');
  if (sender !== null && sending !== null) application(sender, kb, sending, clean(rec.sendingFacility), true);
  const receiving = clean(rec.receivingApplication);
  const receiver = emitterFor(out, rec, 'receiver');
  if (receiver !== null && receiving !== null) application(receiver, kb, receiving, null, false);
  relayHalves(kb, sender, receiver, rec);
  return out;
}
