/** Checks for values a person types or imports into the controls register; errors are AppError bad-argument. */
import { AppError, ErrorCode } from '../../util/app-error.js';
import { CONTROL_KINDS, SUPPORT_STATUSES, type ControlKind, type SupportStatus } from '../types.js';

const bad = (message: string): AppError => new AppError(ErrorCode.BadArgument, message);

/** `2026-12-31` (a real calendar day) or null. Day-first and month-first forms are refused: `03/04/2026` is ambiguous. */
export function parseIsoDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (m === null) return null;
  const date = `${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : null;
}

export function checkDate(value: string, what: string): string {
  const date = parseIsoDate(value);
  if (date === null) throw bad(`${what} "${value.slice(0, 40)}" is not a date (expected YYYY-MM-DD)`);
  return date;
}

export function checkKind(value: string): ControlKind {
  if (!(CONTROL_KINDS as readonly string[]).includes(value)) throw bad(`unknown control kind "${value.slice(0, 40)}" (expected one of ${CONTROL_KINDS.join(', ')})`);
  return value as ControlKind;
}

export function checkStatus(value: string): SupportStatus {
  const v = value.trim().toLowerCase();
  if (!(SUPPORT_STATUSES as readonly string[]).includes(v)) throw bad(`unknown support status "${value.slice(0, 40)}" (expected one of ${SUPPORT_STATUSES.join(', ')})`);
  return v as SupportStatus;
}

/** A leading =, +, -, @, tab or CR makes a spreadsheet run the cell as a formula when the value is exported again. */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}

/** Free text: trimmed, control characters removed, bounded; empty is refused. */
export function checkText(value: string, what: string, max = 500): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const text = value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (text === '') throw bad(`${what} must not be empty`);
  if (text.length > max) throw bad(`${what} is longer than ${max} characters`);
  return text;
}

/** A vendor or model name: text that is not a spreadsheet formula (it is matched against devices and exported). */
export function checkName(value: string, what: string): string {
  const text = checkText(value, what, 200);
  if (looksLikeFormula(text)) throw bad(`${what} "${text.slice(0, 40)}" starts with ${JSON.stringify(text.charAt(0))}, which a spreadsheet would run as a formula`);
  return text;
}
