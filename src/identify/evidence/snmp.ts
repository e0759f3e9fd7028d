/** SNMP evidence (RFC 3418 system group): sysDescr, sysObjectID, sysName, sysLocation from the responder. */
import type { ProtocolRecord } from '../../decode/types.js';
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import type { Observation } from '../types.js';
import { emitterFor, text } from './common.js';
import { freeText } from './free-text.js';

export function snmpObservations(rec: ProtocolRecord, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  if (rec.kind !== 'response') return out;
  const e = emitterFor(out, rec, 'sender');
  if (e === null) return out;
  e.rules(kb, 'snmp-sysdescr', 'sysDescr', text(rec, 'sysDescr'), 'snmp.sysDescr');
  freeText(e, kb, 'snmp.sysDescr', text(rec, 'sysDescr'));
  e.rules(kb, 'snmp-sysdescr', 'sysObjectId', text(rec, 'sysObjectId'), 'snmp.sysObjectId');
  const name = text(rec, 'sysName');
  e.add('hostname', name, 'snmp.sysName', name ?? '', 0.8);
  e.rules(kb, 'device-types', 'hostname', name, 'snmp.sysName');
  freeText(e, kb, 'snmp.sysName', name);
  const loc = text(rec, 'sysLocation');
  e.add('location', loc, 'snmp.sysLocation', loc ?? '', 0.6);
  return out;
}
