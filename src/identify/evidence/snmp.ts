/** SNMP evidence (RFC 3418 system group): sysDescr, sysObjectID, sysName, sysLocation from the responder. */
import type { RecordOf } from '../../decode/records.js';
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import type { Observation } from '../types.js';
import { clean, emitterFor } from './common.js';
import { freeText } from './free-text.js';

export function snmpObservations(rec: RecordOf<'snmp'>, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  if (rec.kind !== 'response') return out;
  const e = emitterFor(out, rec, 'sender');
  if (e === null) return out;
  e.rules(kb, 'snmp-sysdescr', 'sysDescr', clean(rec.sysDescr), 'snmp.sysDescr');
  freeText(e, kb, 'snmp.sysDescr', clean(rec.sysDescr));
  e.rules(kb, 'snmp-sysdescr', 'sysObjectId', clean(rec.sysObjectId), 'snmp.sysObjectId');
  const name = clean(rec.sysName);
  e.add('hostname', name, 'snmp.sysName', name ?? '', 0.8);
  e.rules(kb, 'device-types', 'hostname', name, 'snmp.sysName');
  freeText(e, kb, 'snmp.sysName', name);
  const loc = clean(rec.sysLocation);
  e.add('location', loc, 'snmp.sysLocation', loc ?? '', 0.6);
  return out;
}
