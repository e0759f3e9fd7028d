/**
 * Shape checks for the few values an alert copies out of the inventory. A value that does not have the expected shape
 * is dropped (null), so a field can never smuggle free text: an address must parse as one, a CVE id must look like one.
 */
import { isIP } from 'node:net';

const MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/i;
const CVE = /^CVE-\d{4}-\d{4,7}$/;
/** `telnet/23`, `dicom/104`, `smb/?`: a protocol word and a port. */
const SERVICE = /^[a-z0-9][a-z0-9.+-]{0,31}\/(?:\d{1,5}|\?)$/i;
/** Inventory ids and finding ids are opaque tokens (hex, UUIDs, slugs). */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const PROTO_WORD = /^[a-z0-9][a-z0-9.+-]{0,31}$/i;
// C0/C1 controls, DEL, and the Unicode line/paragraph separators: none belongs in a one-line alert field.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Longest free-form inventory text (a vendor, a model, a host name) an alert carries. */
export const MAX_TEXT_CHARS = 128;

export function safeIp(s: string | null | undefined): string | null {
  return typeof s === 'string' && isIP(s) !== 0 ? s : null;
}

export function safeMac(s: string | null | undefined): string | null {
  return typeof s === 'string' && MAC.test(s) ? s.toLowerCase() : null;
}

export function safeCve(s: string): string | null {
  return CVE.test(s) ? s : null;
}

export function safeService(s: string | null | undefined): string | null {
  return typeof s === 'string' && SERVICE.test(s) ? s.toLowerCase() : null;
}

export function safeId(s: string | null | undefined): string | null {
  return typeof s === 'string' && ID.test(s) ? s : null;
}

export function safeProtoWord(s: string | null | undefined): string | null {
  return typeof s === 'string' && PROTO_WORD.test(s) ? s.toLowerCase() : null;
}

/** Inventory text (vendor, model, host name, firmware): one line, bounded, never cut inside a surrogate pair. */
export function safeText(s: string | null | undefined, max = MAX_TEXT_CHARS): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(CONTROLS, ' ').trim();
  if (t === '') return null;
  return cutChars(t, max);
}

/** The first `max` code points of `s` (a UTF-16 cut could split an emoji into a lone surrogate). */
export function cutChars(s: string, max: number): string {
  if (s.length <= max) return s;
  return Array.from(s).slice(0, max).join('');
}

/** A finite, non-negative number, or null. */
export function safeCount(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}
