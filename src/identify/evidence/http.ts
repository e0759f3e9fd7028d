/** HTTP evidence (RFC 9110 §10.1.5 User-Agent, §10.2.4 Server; HTML <title>): client UA, server header and title. */
import type { RecordOf } from '../../decode/records.js';
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import type { Observation } from '../types.js';
import { clean, emitterFor } from './common.js';
import { isSiteAddress } from './dns.js';
import { freeText } from './free-text.js';

export function httpObservations(rec: RecordOf<'http'>, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  const e = emitterFor(out, rec, 'sender');
  if (e === null) return out;
  if (rec.kind === 'request') {
    e.rules(kb, 'http-fingerprints', 'userAgent', clean(rec.userAgent), 'http.userAgent');
    freeText(e, kb, 'http.userAgent', clean(rec.userAgent));
  } else if ((rec.kind as string) === 'response') {
    e.rules(kb, 'http-fingerprints', 'server', clean(rec.server), 'http.server');
    e.rules(kb, 'http-fingerprints', 'title', clean(rec.title), 'http.title');
    // A web site on the internet (a maker's home page) is no device on the site: only site servers' words count.
    if (isSiteAddress(rec.src)) {
      freeText(e, kb, 'http.server', clean(rec.server));
      freeText(e, kb, 'http.title', clean(rec.title));
    }
  }
  return out;
}
