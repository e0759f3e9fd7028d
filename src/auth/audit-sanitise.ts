/**
 * Keeps secrets and patient data out of audit records: fields whose names say password, token, cookie, session or a
 * patient attribute are dropped, and any value shaped like a credential or an HL7 patient segment is replaced, whatever
 * its field is called. The audit log is exported and forwarded to SIEMs, so it must be safe to read anywhere.
 */
import type { AuditDetailValue } from './audit-event.js';

export const REDACTED = '[redacted]';
const MAX_TEXT_CHARS = 256;
const MAX_DETAIL_FIELDS = 32;

// Field names that carry a credential.
const SECRET_KEY = /pass|pwd|secret|token|cookie|authori[sz]ation|session|csrf|hash|api.?key|private|credential|bearer/i;
// Field names that carry patient data (HL7 PID/NK1/PV1/OBX, DICOM patient attributes, common identifiers).
const PHI_KEY =
  /patient|^pid\b|^pid[-_ ]?\d|\bmrn\b|medical.?record|birth|^dob$|ssn|social.?security|nhs.?number|insurance|diagnos|^(given|family|first|last|sur)?.?name$|^(nk1|pv1|obx)\b/i;

// Values shaped like a secret or like patient data, whatever the field is called.
const SECRET_VALUE: readonly RegExp[] = [
  /\bww_[A-Za-z0-9_-]{8,}/, // our API token
  /\$argon2(id|i|d)\$/, // a password hash
  /\b(bearer|basic)\s+\S{8,}/i, // an Authorization header value
  // A long base64url / hex run: session ids (43 chars), SHA-256 hex (64). 40, not 32, so a UUID (36) stays readable.
  /[A-Za-z0-9_-]{40,}/,
  /(^|[\r\n])(PID|NK1|PV1|OBX)\|/, // an HL7 v2 patient segment (HL7 v2.5 ch. 3 and 7)
  /\b\d{3}-\d{2}-\d{4}\b/, // a US social security number
];

/** A bounded, printable, secret-free version of `text`. */
export function cleanAuditText(text: string): string {
  if (SECRET_VALUE.some((re) => re.test(text))) return REDACTED;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const printable = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return printable.length > MAX_TEXT_CHARS ? `${printable.slice(0, MAX_TEXT_CHARS)}…` : printable;
}

/** The detail fields that may be kept, and the names of those that were not. Only scalar values survive. */
export function cleanAuditDetail(detail: Readonly<Record<string, unknown>>): {
  detail: Record<string, AuditDetailValue>;
  redacted: string[];
} {
  const kept: Record<string, AuditDetailValue> = {};
  const redacted: string[] = [];
  for (const [rawKey, value] of Object.entries(detail).slice(0, MAX_DETAIL_FIELDS)) {
    const key = cleanKey(rawKey);
    if (SECRET_KEY.test(key) || PHI_KEY.test(key)) {
      redacted.push(key);
      continue;
    }
    if (typeof value === 'string') kept[key] = cleanAuditText(value);
    else if (typeof value === 'number') kept[key] = Number.isFinite(value) ? value : null;
    else if (typeof value === 'boolean' || value === null) kept[key] = value;
    else redacted.push(key); // objects, arrays, functions: cannot be checked field by field here
  }
  return { detail: kept, redacted };
}

function cleanKey(key: string): string {
  const clean = key.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64);
  return clean === '' ? '_' : clean;
}
