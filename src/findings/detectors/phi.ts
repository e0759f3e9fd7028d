/**
 * Cleartext PHI: HL7 v2 messages with PHI-bearing fields, DICOM data sets with patient attributes, ASTM E1394 /
 * LIS2-A2 laboratory messages (P and R records) and POCT1-A observations (PT elements), seen outside TLS (a record exists only because the bytes were readable). Only which fields crossed, between whom
 * and how often is kept; the decoders dropped the values.
 */
import type { RecordEnvelope, WireRecord } from '../../decode/records.js';
import { at, receiver, sender, tsOf, type Hit } from './hit.js';

/** Fields named in one evidence sentence; the rest are counted. */
const MAX_FIELDS_NAMED = 8;

function fieldList(fields: readonly string[]): string {
  const named = fields.slice(0, MAX_FIELDS_NAMED).join(', ');
  return fields.length > MAX_FIELDS_NAMED ? `${named} and ${fields.length - MAX_FIELDS_NAMED} more` : named;
}

/** What protects each protocol's traffic (none of ASTM E1381 and POCT1-A's TCP profile defines its own security). */
const REMEDY: Readonly<Record<string, string>> = {
  hl7: 'MLLP over TLS (or a VPN between the interface engine and the device)',
  dicom: 'DICOM TLS (port 2762)',
  astm: 'a TLS tunnel or a VPN between the analyzer (or its middleware) and the LIS',
  poct1a: 'TLS between the device or docking station and the data manager (or a VPN)',
};

/** The protocol as titles name it. */
const TITLE: Readonly<Record<string, string>> = { poct1a: 'POCT1-A' };

function both(rec: RecordEnvelope, proto: string, what: string, evidence: string, service: string, out: Hit[]): void {
  const tsMs = tsOf(rec);
  const detail = `${what} cross the network unencrypted, so anyone on the path can read them. Use ${REMEDY[proto] ?? 'TLS'}, or confine the traffic to a protected clinical segment.`;
  out.push({ ...sender(rec), tsMs, peer: rec.dst, kind: 'cleartext-phi', key: `${proto}:sent`, severity: 'high', title: `Sends patient data in clear (${TITLE[proto] ?? proto.toUpperCase()})`, detail, evidence, facts: { service } });
  out.push({ ...receiver(rec), tsMs, peer: rec.src, kind: 'cleartext-phi', key: `${proto}:received`, severity: 'high', title: `Receives patient data in clear (${TITLE[proto] ?? proto.toUpperCase()})`, detail, evidence, facts: { service } });
}

export function phiHits(rec: WireRecord, out: Hit[]): void {
  if (rec.proto === 'hl7') {
    const fields = rec.phiFields;
    if (fields.length === 0) return;
    const type = rec.messageType ?? 'message';
    const evidence = `HL7 ${type} from ${rec.src} to ${at(rec.dst, rec.dport)} carried ${fieldList(fields)} without TLS`;
    both(rec, 'hl7', 'HL7 messages with patient identifiers', evidence, `hl7/${rec.dport ?? '?'}`, out);
  } else if (rec.proto === 'dicom' && rec.kind === 'command' && rec.patientDataPresent === true) {
    const tags = (rec.patientDataTags ?? []).map((t) => `(${t})`);
    const command = rec.command ?? 'command';
    const evidence = `DICOM ${command} from ${rec.src} to ${at(rec.dst, rec.dport)} carried a data set with patient attributes ${fieldList(tags)} without TLS`;
    both(rec, 'dicom', 'DICOM data sets with patient attributes', evidence, `dicom/${rec.dport ?? rec.sport ?? '?'}`, out);
  } else if (rec.proto === 'astm') {
    // One record per ASTM message; phiFields names the P (patient) and R (result) fields that held a value.
    const fields = rec.phiFields;
    if (fields.length === 0) return;
    const evidence = `ASTM message from ${rec.src} to ${at(rec.dst, rec.dport)} carried ${fieldList(fields)} without TLS`;
    both(rec, 'astm', 'Laboratory messages (ASTM E1394 / LIS2-A2) with patient identifiers', evidence, `astm/${rec.dport ?? '?'}`, out);
  } else if (rec.proto === 'poct1a') {
    const fields = rec.phiFields;
    if (fields.length === 0) return;
    const type = rec.messageType ?? 'message';
    const evidence = `POCT1-A ${type} from ${rec.src} to ${at(rec.dst, rec.dport)} carried ${fieldList(fields)} without TLS`;
    both(rec, 'poct1a', 'Point-of-care messages (POCT1-A) with patient identifiers', evidence, `poct1a/${rec.dport ?? '?'}`, out);
  }
}
