/** Syslog over UDP: RFC 5424 §6 (`<PRI>1 TS HOST APP PROCID MSGID SD MSG`) and RFC 3164 §4.1 (`<PRI>Mmm dd hh:mm:ss HOST TAG: MSG`). */
import { latin1 } from '../common/byte-cursor.js';
import { cleanText } from '../common/text.js';
import type { DecodeResult } from '../types.js';
import type { SyslogRecord } from './types.js';

/** Header bytes looked at; the message itself is only measured. */
const MAX_HEADER_BYTES = 2048;
const MAX_SD_IDS = 8;
const BSD_TIMESTAMP = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d /;
/** A BSD TAG: up to 32 characters before `[pid]`, `:` or a space (RFC 3164 §4.1.3 allows more in practice). */
const BSD_TAG = /^([^\s[:]{1,48})(?:\[([^\]]{0,32})\])?:? ?/;

/** `<PRI>` at the start: PRI value and the offset after '>', or null (RFC 5424 §6.2.1: 1-3 digits, at most 191). */
export function readPri(b: Uint8Array): { pri: number; next: number } | null {
  if (b[0] !== 0x3c) return null;
  let pri = 0;
  let i = 1;
  for (; i <= 4; i++) {
    const c = b[i];
    if (c === 0x3e) break;
    if (c === undefined || c < 0x30 || c > 0x39 || i === 4) return null;
    pri = pri * 10 + (c - 0x30);
  }
  if (i === 1 || pri > 191) return null;
  return { pri, next: i + 1 };
}

function nil(v: string | undefined): string | undefined {
  return v === undefined || v === '-' || v === '' ? undefined : cleanText(v, 64);
}

/** RFC 5424 §6.3: `[id k="v" …][id2 …]` — ids kept, values skipped (escaped `\]` and `\"` honoured). */
function structuredData(s: string, at: number, rec: SyslogRecord): number {
  if (s[at] === '-') return at + 1;
  const ids: string[] = [];
  while (s[at] === '[' && at < s.length) {
    const idEnd = s.slice(at + 1).search(/[ \]]/);
    if (idEnd < 0) return s.length;
    const id = s.slice(at + 1, at + 1 + idEnd);
    if (ids.length < MAX_SD_IDS) ids.push(cleanText(id, 32));
    let i = at + 1 + idEnd;
    let inQuote = false;
    for (; i < s.length; i++) {
      const c = s[i];
      if (c === '\\') i++;
      else if (c === '"') inQuote = !inQuote;
      else if (c === ']' && !inQuote) break;
    }
    if (id === 'origin') {
      const elem = s.slice(at, i);
      const sw = /software="((?:[^"\\]|\\.){0,64})"/.exec(elem);
      const ver = /swVersion="((?:[^"\\]|\\.){0,32})"/.exec(elem);
      if (sw?.[1] !== undefined) rec.originSoftware = cleanText(sw[1], 64);
      if (ver?.[1] !== undefined) rec.originSwVersion = cleanText(ver[1], 32);
    }
    at = i + 1;
  }
  if (ids.length > 0) rec.sdIds = ids;
  return at;
}

function parse5424(s: string, rec: SyslogRecord): number {
  // VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP SD
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < 6; i++) {
    const sp = s.indexOf(' ', at);
    if (sp < 0) {
      parts.push(s.slice(at));
      at = s.length;
      break;
    }
    parts.push(s.slice(at, sp));
    at = sp + 1;
  }
  const set = (k: 'hostname' | 'appName' | 'procId' | 'msgId', v: string | undefined): void => {
    const t = nil(v);
    if (t !== undefined) rec[k] = t;
  };
  set('hostname', parts[2]);
  set('appName', parts[3]);
  set('procId', parts[4]);
  set('msgId', parts[5]);
  if (at >= s.length) return s.length;
  at = structuredData(s, at, rec);
  return s[at] === ' ' ? at + 1 : at;
}

function parse3164(s: string, rec: SyslogRecord): number {
  let at = 0;
  let hasTimestamp = false;
  if (BSD_TIMESTAMP.test(s)) {
    at = 16;
    hasTimestamp = true;
  }
  let rest = s.slice(at);
  // After a timestamp comes HOSTNAME, unless the next word is already the TAG (ends in ':' or has a [pid]).
  const word = /^(\S{1,255}) /.exec(rest);
  if (hasTimestamp && word?.[1] !== undefined && !/[:\]]$/.test(word[1])) {
    rec.hostname = cleanText(word[1], 64);
    at += word[0].length;
    rest = s.slice(at);
  }
  const tag = BSD_TAG.exec(rest);
  if (tag?.[1] !== undefined && (tag[0].includes(':') || tag[2] !== undefined)) {
    rec.appName = cleanText(tag[1], 48);
    if (tag[2] !== undefined && tag[2] !== '') rec.procId = cleanText(tag[2], 32);
    at += tag[0].length;
  }
  return at;
}

export function parseSyslog(pdu: Uint8Array): DecodeResult<SyslogRecord> {
  const p = readPri(pdu);
  if (p === null) return { records: [], issues: [{ code: 'syslog-bad-pri', offset: 0, message: 'datagram does not start with <PRI>' }] };
  const header = latin1(pdu.subarray(p.next, Math.min(pdu.length, p.next + MAX_HEADER_BYTES)));
  const rec: SyslogRecord = { kind: 'message', format: 'rfc3164', facility: p.pri >> 3, severity: p.pri & 7, messageLength: 0 };
  let msgAt: number;
  if (/^1 \S/.test(header)) {
    rec.format = 'rfc5424';
    msgAt = parse5424(header, rec);
  } else {
    msgAt = parse3164(header, rec);
  }
  // Trailing NUL / newline framing is not message text.
  let end = pdu.length;
  while (end > p.next + msgAt && (pdu[end - 1] === 0 || pdu[end - 1] === 0x0a || pdu[end - 1] === 0x0d)) end--;
  rec.messageLength = Math.max(0, end - (p.next + msgAt));
  return { records: [rec], issues: [] };
}
