/**
 * Cleartext PHI (issue 5 §1): HL7 v2 messages with PHI-bearing fields and DICOM data sets with patient attributes,
 * seen outside TLS (a record exists only because the bytes were readable). Only which fields crossed, between whom
 * and how often is kept; the decoders dropped the values.
 */
import type { ProtocolRecord } from '../../decode/types.js';
import { at, receiver, sender, str, strList, tsOf, type Hit } from './hit.js';

/** Fields named in one evidence sentence; the rest are counted. */
const MAX_FIELDS_NAMED = 8;

function fieldList(fields: readonly string[]): string {
  const named = fields.slice(0, MAX_FIELDS_NAMED).join(', ');
  return fields.length > MAX_FIELDS_NAMED ? `${named} and ${fields.length - MAX_FIELDS_NAMED} more` : named;
}

function both(rec: ProtocolRecord, proto: string, what: string, evidence: string, service: string, out: Hit[]): void {
  const tsMs = tsOf(rec);
  const detail = `${what} cross the network unencrypted, so anyone on the path can read them. Use ${proto === 'hl7' ? 'MLLP over TLS (or a VPN between the interface engine and the device)' : 'DICOM TLS (port 2762)'}, or confine the traffic to a protected clinical segment.`;
  out.push({ ...sender(rec), tsMs, peer: rec.dst, kind: 'cleartext-phi', key: `${proto}:sent`, severity: 'high', title: `Sends patient data in clear (${proto.toUpperCase()})`, detail, evidence, facts: { service } });
  out.push({ ...receiver(rec), tsMs, peer: rec.src, kind: 'cleartext-phi', key: `${proto}:received`, severity: 'high', title: `Receives patient data in clear (${proto.toUpperCase()})`, detail, evidence, facts: { service } });
}

export function phiHits(rec: ProtocolRecord, out: Hit[]): void {
  if (rec.proto === 'hl7' && rec.kind === 'message') {
    const fields = strList(rec.phiFields);
    if (fields.length === 0) return;
    const type = str(rec.messageType) ?? 'message';
    const evidence = `HL7 ${type} from ${rec.src} to ${at(rec.dst, rec.dport)} carried ${fieldList(fields)} without TLS`;
    both(rec, 'hl7', 'HL7 messages with patient identifiers', evidence, `hl7/${rec.dport ?? '?'}`, out);
  } else if (rec.proto === 'dicom' && rec.kind === 'command' && rec.patientDataPresent === true) {
    const tags = strList(rec.patientDataTags).map((t) => `(${t})`);
    const command = str(rec.command) ?? 'command';
    const evidence = `DICOM ${command} from ${rec.src} to ${at(rec.dst, rec.dport)} carried a data set with patient attributes ${fieldList(tags)} without TLS`;
    both(rec, 'dicom', 'DICOM data sets with patient attributes', evidence, `dicom/${rec.dport ?? rec.sport ?? '?'}`, out);
  }
}
