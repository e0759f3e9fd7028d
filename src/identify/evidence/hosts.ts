/** Names a host gives itself: NetBIOS browser announcements (MS-BRWS §2.2.1.2), syslog HOSTNAME (RFC 3164 §4.1.2). */
import type { ProtocolRecord } from '../../decode/types.js';
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import type { Observation } from '../types.js';
import { emitterFor, text } from './common.js';
import { freeText } from './free-text.js';

export function hostObservations(rec: ProtocolRecord, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  const e = emitterFor(out, rec, 'sender');
  if (e === null) return out;
  const host = text(rec, 'hostname');
  if (rec.proto === 'nbdgm' || rec.proto === 'nbns') {
    if (text(rec, 'osVersion') !== null && host !== null) {
      e.add('hostname', host, `${rec.proto}.hostname`, `browser announcement ${host}`, 0.75);
      freeText(e, kb, rec.proto === 'nbns' ? 'nbns.hostname' : 'nbdgm.hostname', host);
      // Browser OS version is major.minor only and Samba imitates Windows values: a weak OS hint.
      const v = text(rec, 'osVersion');
      if (v !== null && /^(5\.[012]|6\.[0-3]|10\.0)$/.test(v)) e.add('osVersion', v, `${rec.proto}.osVersion`, `browser announcement OS ${v}`, 0.35);
    }
  } else if (rec.proto === 'syslog' && host !== null && !/^[\d.:]+$/.test(host)) {
    e.add('hostname', host, 'syslog.hostname', host, 0.5);
    e.rules(kb, 'device-types', 'hostname', host, 'syslog.hostname');
    freeText(e, kb, 'syslog.hostname', host);
  }
  return out;
}
