/**
 * The first certificate of a TLS <= 1.2 Certificate message (RFC 5246 §7.4.2), read just far enough into the
 * X.509 DER (RFC 5280 §4.1) for subject, issuer, serial and validity; names printed as RFC 4514 strings.
 */
import { ByteCursor, latin1, utf8 } from '../common/byte-cursor.js';
import { cleanTextUntrimmed } from '../common/text.js';

export interface CertificateInfo {
  certSubject: string;
  certIssuer: string;
  certSerial: string;
  certNotBefore: string | null;
  certNotAfter: string | null;
}

/** RFC 4514 §3 short names, plus the usual extras (X.520 / PKCS #9). */
const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.15': 'businessCategory',
  '2.5.4.17': 'postalCode',
  '2.5.4.42': 'GN',
  '2.5.4.46': 'dnQualifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  // EV certificate jurisdiction (CA/Browser Forum EV Guidelines §9.2.4), named as OpenSSL names them.
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
};

const Tag = { Integer: 0x02, Oid: 0x06, Sequence: 0x30, Set: 0x31, UtcTime: 0x17, GeneralizedTime: 0x18, Bmp: 0x1e, Utf8: 0x0c } as const;

interface Tlv {
  tag: number;
  value: ByteCursor;
}

/** One DER TLV (X.690 §8.1); only low tag numbers and definite lengths, as DER requires. */
function tlv(c: ByteCursor): Tlv {
  const tag = c.u8();
  let len = c.u8();
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new RangeError('unsupported DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + c.u8();
  }
  return { tag, value: c.sub(len) };
}

function expect(c: ByteCursor, tag: number): ByteCursor {
  const t = tlv(c);
  if (t.tag !== tag) throw new RangeError(`DER tag 0x${t.tag.toString(16)} where 0x${tag.toString(16)} expected`);
  return t.value;
}

function oidText(c: ByteCursor): string {
  const parts: number[] = [];
  let v = 0;
  while (c.remaining > 0 && parts.length < 32) {
    const b = c.u8();
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

function stringValue(t: Tlv): string {
  const bytes = t.value.bytes(t.value.remaining);
  if (t.tag === Tag.Utf8) return utf8(bytes);
  if (t.tag === Tag.Bmp) {
    let s = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
    return s;
  }
  return latin1(bytes); // Printable, IA5, Teletex, Visible: ASCII in practice
}

/** RFC 4514 §2.4 escaping of the characters that would break the string form. */
function escape(v: string): string {
  return v.replace(/[,+"\\<>;]/g, (ch) => `\\${ch}`).replace(/^[ #]|[ ]$/g, (ch) => `\\${ch}`);
}

/** Name ::= SEQUENCE OF RelativeDistinguishedName; RFC 4514 prints the last RDN first. */
function nameText(c: ByteCursor): string {
  const rdns: string[] = [];
  while (c.remaining > 0 && rdns.length < 64) {
    const set = expect(c, Tag.Set);
    const avas: string[] = [];
    while (set.remaining > 0 && avas.length < 16) {
      const ava = expect(set, Tag.Sequence);
      const oid = oidText(expect(ava, Tag.Oid));
      avas.push(`${ATTRIBUTE_NAMES[oid] ?? oid}=${escape(stringValue(tlv(ava)))}`);
    }
    rdns.push(avas.join('+'));
  }
  return cleanTextUntrimmed(rdns.reverse().join(', '));
}

/** UTCTime YYMMDDHHMMSSZ (RFC 5280 §4.1.2.5.1: YY >= 50 is 19YY) or GeneralizedTime, as ISO 8601. */
function timeText(t: Tlv): string | null {
  const s = latin1(t.value.bytes(t.value.remaining));
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s);
  if (m === null) return null;
  let year = m[1] ?? '';
  if (t.tag === Tag.UtcTime) year = (Number(year) >= 50 ? '19' : '20') + year;
  return `${year}-${m[2] ?? ''}-${m[3] ?? ''}T${m[4] ?? ''}:${m[5] ?? ''}:${m[6] ?? '00'}Z`;
}

/** Parses one certificate's DER. Throws OutOfBounds / RangeError on bytes that are not a certificate. */
export function parseCertificateDer(der: Uint8Array): CertificateInfo {
  const cert = expect(new ByteCursor(der), Tag.Sequence);
  const tbs = expect(cert, Tag.Sequence);
  let first = tlv(tbs);
  if (first.tag === 0xa0) first = tlv(tbs); // [0] EXPLICIT Version
  if (first.tag !== Tag.Integer) throw new RangeError('certificate serial missing');
  const serialBytes = first.value.bytes(Math.min(first.value.remaining, 32));
  const certSerial = Array.from(serialBytes, (b) => b.toString(16).padStart(2, '0')).join('');
  expect(tbs, Tag.Sequence); // signature AlgorithmIdentifier
  const certIssuer = nameText(expect(tbs, Tag.Sequence));
  const validity = expect(tbs, Tag.Sequence);
  const certNotBefore = timeText(tlv(validity));
  const certNotAfter = timeText(tlv(validity));
  const certSubject = nameText(expect(tbs, Tag.Sequence));
  return { certSubject, certIssuer, certSerial, certNotBefore, certNotAfter };
}

/** Certificate message body: certificate_list<0..2^24-1> of ASN.1Cert<1..2^24-1>; the first entry is the peer's. */
export function firstCertificate(body: Uint8Array): Uint8Array {
  const c = new ByteCursor(body);
  c.skip(3); // list length (the list may be cut short when the message exceeded our buffer)
  const len = (c.u8() << 16) | c.u16();
  return c.bytes(len);
}
