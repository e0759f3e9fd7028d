/** TLS evidence (RFC 8446 §4.1.2 ClientHello; JA3/JA4): the client's fingerprint and SNI, the server's certificate names. */
import type { RecordOf } from '../../decode/records.js';
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import type { Observation } from '../types.js';
import { clean, emitterFor } from './common.js';
import { isSiteAddress } from './dns.js';
import { certificateText } from './free-text.js';

export function tlsObservations(rec: RecordOf<'tls'>, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  const e = emitterFor(out, rec, 'sender');
  if (e === null) return out;
  if (rec.kind === 'client-hello') {
    const ja4 = clean(rec.ja4);
    const ja3 = clean(rec.ja3Hash);
    e.add('tlsClientFingerprint', ja4 ?? ja3, ja4 !== null ? 'tls.ja4' : 'tls.ja3', `ja3 ${ja3 ?? '-'} ja4 ${ja4 ?? '-'}`, 0.9);
    const sni = clean(rec.sni);
    e.add('tlsServerName', sni, 'tls.sni', `client asked for ${sni ?? ''}`, 0.9);
  } else if ((rec.kind as string) === 'server-hello') {
    // The certificate's CN is the name the server presents; hosts often use their own DNS name.
    const cn = /(?:^|,\s*)CN=([^,]+)/.exec(clean(rec.certSubject) ?? '')?.[1]?.trim() ?? null;
    if (cn !== null && !cn.includes('*')) e.add('hostname', cn.split('.')[0] ?? cn, 'tls.certSubject', `certificate CN=${cn}`, 0.35);
    // An internet service's certificate (O=Apple Inc., O=Cisco Systems) names the cloud, not a device on the site.
    if (isSiteAddress(rec.src)) {
      certificateText(e, kb, clean(rec.certSubject), clean(rec.certIssuer));
      // A product's own default certificate (data/banner-fingerprints.json certSubject) names the product serving it.
      e.rules(kb, 'banner-fingerprints', 'certSubject', clean(rec.certSubject), 'tls.certSubject');
    }
  }
  return out;
}
