/** Service banners: SSH identification string (RFC 4253 §4.2, either side), FTP 220 greeting and Telnet prompt (server). */
import type { ProtocolRecord } from '../../decode/types.js';
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import type { Observation } from '../types.js';
import { emitterFor, text } from './common.js';
import { isSiteAddress } from './dns.js';
import { freeText } from './free-text.js';

export function bannerObservations(rec: ProtocolRecord, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  if (rec.kind !== 'banner') return out; // login records repeat the banner; one is enough
  // ftp/telnet banner records are sent by the server; ssh banners describe whichever side sent them.
  const e = emitterFor(out, rec, 'sender');
  if (e === null) return out;
  const field = rec.proto === 'ssh' ? 'software' : 'banner';
  const value = text(rec, field);
  e.rules(kb, 'banner-fingerprints', rec.proto, value, `${rec.proto}.${field}`);
  if (!isSiteAddress(rec.src)) return out; // an internet server's banner names no device on the site
  if (rec.proto === 'ssh' || rec.proto === 'ftp' || rec.proto === 'telnet') freeText(e, kb, rec.proto === 'ssh' ? 'ssh.software' : `${rec.proto}.banner`, value);
  return out;
}
