/** An HTTP/1.x message head (RFC 9112 §2-§5): start line and header fields, bounded. */
import { latin1 } from '../common/byte-cursor.js';

/** Largest head we wait for (servers commonly refuse more than 8-64 KiB). */
export const MAX_HEAD = 64 * 1024;
const MAX_FIELDS = 128;

export interface MessageHead {
  request: boolean;
  method: string;
  uri: string;
  version: string;
  status: number;
  reason: string;
  /** Field names lower-cased; repeated fields keep every value in order. */
  fields: Map<string, string[]>;
}

const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}) (\S{1,65535}) HTTP\/(1\.[01])$/;
const STATUS_LINE = /^HTTP\/(1\.[01]) (\d{3})(?: (.*))?$/;

/** Index just past the blank line ending the head (CRLF CRLF, or bare LF LF as RFC 9112 §2.2 tolerates), or -1. */
export function headEnd(buf: Uint8Array, from: number): number {
  const limit = Math.min(buf.length, from + MAX_HEAD);
  for (let i = from; i < limit; i++) {
    if (buf[i] !== 0x0a) continue;
    if (buf[i + 1] === 0x0a) return i + 2;
    if (buf[i + 1] === 0x0d && buf[i + 2] === 0x0a) return i + 3;
  }
  return -1;
}

/** Empty lines before a start line are ignored (RFC 9112 §2.2). */
export function leadingBlankLines(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length && i < 64 && (buf[i] === 0x0d || buf[i] === 0x0a)) i++;
  return i;
}

export function value(head: MessageHead, name: string): string | null {
  return head.fields.get(name)?.[0] ?? null;
}

/** Parses head bytes (start line to blank line). Returns null when the start line is not HTTP/1.x. */
export function parseHead(bytes: Uint8Array): MessageHead | null {
  const lines = latin1(bytes).split(/\r?\n/);
  const start = lines[0] ?? '';
  const head: MessageHead = { request: false, method: '', uri: '', version: '', status: 0, reason: '', fields: new Map() };
  const req = REQUEST_LINE.exec(start);
  if (req !== null) {
    head.request = true;
    head.method = req[1] ?? '';
    head.uri = req[2] ?? '';
    head.version = req[3] ?? '';
  } else {
    const st = STATUS_LINE.exec(start);
    if (st === null) return null;
    head.version = st[1] ?? '';
    head.status = Number(st[2]);
    head.reason = st[3] ?? '';
  }
  let count = 0;
  for (let i = 1; i < lines.length && count < MAX_FIELDS; i++) {
    const line = lines[i] ?? '';
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // blank line, obsolete folding or junk: ignored
    const name = line.slice(0, colon).trim().toLowerCase();
    const v = line.slice(colon + 1).trim();
    const list = head.fields.get(name);
    if (list === undefined) head.fields.set(name, [v]);
    else list.push(v);
    count++;
  }
  return head;
}
