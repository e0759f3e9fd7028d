/** FTP control connection (RFC 959 §4.1 commands, §4.2 replies; RFC 4217 §4 AUTH): logins and the greeting. */
import { latin1 } from '../common/byte-cursor.js';
import { cleanText } from '../common/text.js';
import type { DecodeResult } from '../types.js';
import { lineBody } from '../common/frame-lines.js';
import type { FtpRecord, FtpState } from './types.js';

/** RFC 1635 §2: the guest account names. */
const ANONYMOUS_USERS = new Set(['anonymous', 'ftp']);

/** A client command line: `USER name`, `PASS secret`, `AUTH TLS` … */
export function onCommand(line: Uint8Array, st: FtpState): void {
  const text = latin1(lineBody(line).subarray(0, 512));
  const sp = text.indexOf(' ');
  const verb = (sp < 0 ? text : text.slice(0, sp)).toUpperCase();
  const arg = sp < 0 ? '' : text.slice(sp + 1);
  switch (verb) {
    case 'USER':
      st.user = cleanText(arg);
      st.passDefault = false;
      st.pending = 'user';
      break;
    case 'PASS':
      // The password lives only for this comparison.
      st.passDefault = st.user !== null && !ANONYMOUS_USERS.has(st.user.toLowerCase()) && st.credentials.isDefaultLogin(st.user, arg);
      st.pending = st.user === null ? 'none' : 'pass';
      break;
    case 'AUTH':
      st.authMechanism = cleanText(arg).toUpperCase();
      st.pending = 'auth';
      break;
    default:
      st.pending = 'none';
  }
}

function digit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

/** A server reply line; returns the records a completed reply yields. */
export function onReply(line: Uint8Array, st: FtpState, result: DecodeResult<FtpRecord>): void {
  const body = lineBody(line);
  const coded = body.length >= 3 && digit(body[0]) && digit(body[1]) && digit(body[2]) && (body.length === 3 || body[3] === 0x20 || body[3] === 0x2d);
  if (!coded) {
    // RFC 959 §4.2: a continuation line of a multi-line reply need not start with the code.
    if (st.multiCode !== 0) st.multiText = appendText(st.multiText, latin1(body.subarray(0, 512)));
    else result.issues.push({ code: 'ftp-bad-reply', offset: 0, message: 'server line is neither a reply nor a continuation' });
    return;
  }
  const code = ((body[0] ?? 0) - 0x30) * 100 + ((body[1] ?? 0) - 0x30) * 10 + ((body[2] ?? 0) - 0x30);
  const text = latin1(body.subarray(4, 516));
  if (body[3] === 0x2d) {
    if (st.multiCode === 0) {
      st.multiCode = code;
      st.multiText = cleanText(text);
    } else st.multiText = appendText(st.multiText, text);
    return;
  }
  if (st.multiCode !== 0 && st.multiCode !== code) {
    st.multiText = appendText(st.multiText, latin1(body.subarray(0, 512)));
    return;
  }
  const full = st.multiCode === code ? appendText(st.multiText, text) : cleanText(text);
  st.multiCode = 0;
  st.multiText = '';
  completeReply(code, full, st, result);
}

function appendText(a: string, b: string): string {
  const t = cleanText(b);
  if (t === '') return a;
  return a === '' ? t : cleanText(`${a} ${t}`);
}

function completeReply(code: number, text: string, st: FtpState, result: DecodeResult<FtpRecord>): void {
  if (code === 220 && st.banner === null) {
    st.banner = text;
    result.records.push({ kind: 'banner', banner: text });
    return;
  }
  const pending = st.pending;
  if (pending === 'auth') {
    st.pending = 'none';
    const success = code === 234;
    if (success) st.tls = true;
    result.records.push({ kind: 'starttls', mechanism: st.authMechanism, success, replyCode: code, banner: st.banner });
    return;
  }
  if ((pending !== 'user' && pending !== 'pass') || st.user === null) return;
  if (pending === 'user' && code >= 300 && code < 400) return; // 331: password wanted next
  st.pending = 'none';
  const anonymous = ANONYMOUS_USERS.has(st.user.toLowerCase());
  // A 230 straight after USER is a login without password: compare with the blank-password defaults.
  const defaultCredential = pending === 'pass' ? st.passDefault : !anonymous && code < 300 && st.credentials.isDefaultLogin(st.user, '');
  result.records.push({
    kind: 'login',
    actor: 'client',
    user: st.user,
    success: code < 300 ? true : code >= 400 ? false : null,
    anonymous,
    defaultCredential,
    replyCode: code,
    banner: st.banner,
  });
  st.passDefault = false;
}
