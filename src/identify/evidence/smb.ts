/** SMB/NTLMSSP evidence (MS-NLMP §2.2.2.10 VERSION; MS-SMB §2.2.4.53 NativeOS): OS version and host name. */
import type { RecordOf } from '../../decode/records.js';
import type { Observation } from '../types.js';
import { clean, emitterFor, text, type Emitter } from './common.js';

/** Windows NT versions that exist (5.x, 6.0-6.3, 10.0); Samba and others send filler such as 255.255.65535. */
export function windowsNtVersion(v: string | null): string | null {
  if (v === null) return null;
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
  if (m === null) return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const ok = (major === 5 && minor <= 2) || (major === 6 && minor <= 3) || (major === 10 && minor === 0);
  return ok && Number(m[3]) > 0 ? v : null;
}

export function ntlmOs(e: Emitter, version: string | null, source: string, why: string): void {
  const v = windowsNtVersion(version);
  if (v === null) return;
  e.add('osName', 'Windows', source, `${why} version ${v}`, 0.85);
  e.add('osVersion', v, source, `${why} version ${v}`, 0.9);
}

/** Takes no knowledge base: these facts need no tables (it fits the extractor signature all the same). */
export function smbObservations(rec: RecordOf<'smb'>): Observation[] {
  const out: Observation[] = [];
  const e = emitterFor(out, rec, 'sender');
  if (e === null) return out;
  if (rec.kind === 'ntlmssp') {
    // CHALLENGE (type 2) comes from the server, AUTHENTICATE (type 3) from the client: either way, the sender.
    const type = rec.ntlmMessageType;
    const why = type === 2 ? 'NTLMSSP CHALLENGE' : type === 3 ? 'NTLMSSP AUTHENTICATE' : 'NTLMSSP';
    ntlmOs(e, clean(rec.osVersion), 'smb.ntlmssp.osVersion', why);
    const host = text(rec, type === 2 ? 'dnsComputer' : 'ntlmHost') ?? clean(rec.ntlmHost);
    if (type === 2 || type === 3) e.add('hostname', host, 'smb.ntlmssp.host', `${why} host ${host ?? ''}`, 0.8);
  } else if (rec.kind === 'session-setup') {
    const nativeOs = clean(rec.nativeOs);
    const m = nativeOs === null ? null : /Windows (?:\D*?)(\d+\.\d+|\d{4})/.exec(nativeOs);
    if (nativeOs !== null && /^Windows/i.test(nativeOs)) {
      e.add('osName', 'Windows', 'smb.nativeOs', nativeOs, 0.8);
      if (m?.[1]?.includes('.') === true) e.add('osVersion', m[1], 'smb.nativeOs', nativeOs, 0.7);
      if (/Embedded/i.test(nativeOs)) e.add('osLabel', nativeOs.replace(/\s+Service Pack.*$/i, '').replace(/\s+\d+$/, ''), 'smb.nativeOs', nativeOs, 0.6);
    }
  }
  return out;
}
