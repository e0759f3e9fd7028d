/**
 * Authorization / WWW-Authenticate (RFC 9110 §11): Basic (RFC 7617) user name, Digest (RFC 7616) username,
 * NTLM / Negotiate (MS-NLMP over RFC 4559) names and OS version. Passwords are compared, then dropped.
 */
import { findNtlmssp, parseNtlmssp, type NtlmsspInfo } from '../ntlmssp/parse-ntlmssp.js';
import type { FieldValue } from '../types.js';
import type { DefaultCredentials } from '../common/default-credentials.js';
import { cleanTextUntrimmed } from '../common/text.js';

type Fields = Record<string, FieldValue>;

/** Tokens are short; a huge one is garbage and not worth decoding. */
const MAX_TOKEN = 16 * 1024;

function base64(s: string): Uint8Array | null {
  if (s.length === 0 || s.length > MAX_TOKEN || !/^[A-Za-z0-9+/=_-]+$/.test(s)) return null;
  return new Uint8Array(Buffer.from(s, 'base64'));
}

function ntlmFields(info: NtlmsspInfo, out: Fields): void {
  out.ntlmMessageType = info.messageType;
  if (info.user !== undefined && info.user !== '') out.authUser = cleanTextUntrimmed(info.user);
  if (info.domain !== undefined && info.domain !== '') out.ntlmDomain = cleanTextUntrimmed(info.domain);
  if (info.host !== undefined && info.host !== '') out.ntlmHost = cleanTextUntrimmed(info.host);
  if (info.netbiosDomain !== undefined) out.ntlmNetbiosDomain = cleanTextUntrimmed(info.netbiosDomain);
  if (info.netbiosComputer !== undefined) out.ntlmNetbiosComputer = cleanTextUntrimmed(info.netbiosComputer);
  if (info.dnsDomain !== undefined) out.ntlmDnsDomain = cleanTextUntrimmed(info.dnsDomain);
  if (info.dnsComputer !== undefined) out.ntlmDnsComputer = cleanTextUntrimmed(info.dnsComputer);
  if (info.osVersion !== undefined) out.osVersion = cleanTextUntrimmed(info.osVersion);
}

/** NTLM carries NTLMSSP directly; Negotiate carries SPNEGO, which may wrap NTLMSSP (or Kerberos, not read). */
function ntlmToken(scheme: string, token: string, out: Fields): void {
  const bytes = base64(token);
  if (bytes === null) return;
  const info = scheme === 'ntlm' ? parseNtlmssp(bytes) : findNtlmssp(bytes);
  if (info !== null) ntlmFields(info, out);
}

/** Fields from an Authorization value: authScheme, authUser, and for Basic authDefaultCredential (checked against `defaults`). */
export function authorizationFields(v: string, defaults: DefaultCredentials): Fields {
  const sp = v.indexOf(' ');
  const scheme = (sp < 0 ? v : v.slice(0, sp)).trim();
  const rest = sp < 0 ? '' : v.slice(sp + 1).trim();
  const out: Fields = { authScheme: cleanTextUntrimmed(scheme) };
  const lower = scheme.toLowerCase();
  if (lower === 'basic') {
    const bytes = base64(rest);
    if (bytes === null) return out;
    const text = Buffer.from(bytes).toString('utf8');
    const colon = text.indexOf(':'); // RFC 7617 §2: the user-id cannot contain a colon
    const user = colon < 0 ? text : text.slice(0, colon);
    out.authUser = cleanTextUntrimmed(user);
    out.authDefaultCredential = colon >= 0 && defaults.isDefaultFor('http', user, text.slice(colon + 1));
  } else if (lower === 'digest') {
    const m = /(?:^|[\s,])username\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/i.exec(rest);
    if (m !== null) out.authUser = cleanTextUntrimmed((m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1'));
  } else if (lower === 'ntlm' || lower === 'negotiate') {
    ntlmToken(lower, rest, out);
  }
  return out;
}

/** Fields from every WWW-Authenticate value: the offered schemes, the realm, an NTLM CHALLENGE's names. */
export function challengeFields(values: readonly string[]): Fields {
  const schemes: string[] = [];
  const out: Fields = {};
  for (const v of values.slice(0, 16)) {
    const m = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*(.*)$/.exec(v);
    if (m === null) continue;
    const scheme = m[1] ?? '';
    const rest = m[2] ?? '';
    if (!schemes.includes(scheme)) schemes.push(scheme);
    const realm = /(?:^|[\s,])realm\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(rest);
    if (realm !== null && out.authRealm === undefined) out.authRealm = cleanTextUntrimmed(realm[1] ?? '');
    const lower = scheme.toLowerCase();
    // A bare token (not auth-params) after NTLM / Negotiate is the server's CHALLENGE message.
    if ((lower === 'ntlm' || lower === 'negotiate') && /^[A-Za-z0-9+/]+=*$/.test(rest)) ntlmToken(lower, rest, out);
  }
  out.wwwAuthenticate = schemes.length > 0 ? cleanTextUntrimmed(schemes.join(', ')) : null;
  return out;
}
