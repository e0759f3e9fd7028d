/** Point-of-care and lab identity: POCT1-A2 HEL/DST device fields, ASTM E1394 H record, IntelliVue connect indication. */
import type { ProtocolRecord } from '../../decode/types.js';
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import type { Observation } from '../types.js';
import { astmHalves } from '../traffic-role-lab.js';
import { emitterFor, text } from './common.js';

const SELF_DESCRIBING: ReadonlySet<string> = new Set(['hello', 'device-status', 'connect-indication']);

export function labObservations(rec: ProtocolRecord, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  const e = emitterFor(out, rec, 'sender');
  if (rec.proto === 'astm' && rec.kind === 'header') astmHalves(rec.src, rec.dst, e, emitterFor(out, rec, 'receiver'));
  if (e === null) return out;
  const p = rec.proto;
  if ((p === 'poct1a' || p === 'intellivue') && SELF_DESCRIBING.has(rec.kind)) {
    const vendor = text(rec, p === 'poct1a' ? 'vendor' : 'manufacturer');
    e.add('vendor', vendor, `${p}.vendor`, vendor ?? '', 0.85);
    e.add('model', text(rec, 'model'), `${p}.model`, text(rec, 'model') ?? '', 0.85);
    e.add('serial', text(rec, 'serial'), `${p}.serial`, text(rec, 'serial') ?? '', 0.85);
    e.add('firmware', text(rec, 'softwareVersion'), `${p}.softwareVersion`, text(rec, 'softwareVersion') ?? '', 0.8);
    e.add('hostname', text(rec, 'deviceName'), `${p}.deviceName`, text(rec, 'deviceName') ?? '', 0.5);
    e.rules(kb, 'device-types', 'protocol', p, `${p}.${rec.kind}`);
  } else if (p === 'astm' && rec.kind === 'header') {
    const sender = text(rec, 'sender') ?? text(rec, 'senderName');
    const name = text(rec, 'senderName');
    e.add('model', name, 'astm.senderName', sender ?? '', 0.6);
    e.add('firmware', text(rec, 'senderVersion'), 'astm.senderVersion', sender ?? '', 0.5);
    e.add('serial', text(rec, 'senderSerial'), 'astm.senderSerial', sender ?? '', 0.7);
    e.rules(kb, 'hl7-applications', 'astmSender', sender, 'astm.sender');
    e.rules(kb, 'device-types', 'protocol', 'astm', 'astm.header');
  }
  return out;
}
