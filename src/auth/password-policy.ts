/**
 * The rules a new password must meet, after NIST SP 800-63B §5.1.1.2 (https://pages.nist.gov/800-63-3/sp800-63b.html):
 * a minimum length, a blocklist of common and context-specific values, no repetitive or sequential strings, and no
 * composition rules ("SHOULD NOT impose other composition rules", such as requiring a digit or a symbol).
 */
import { commonPasswords } from './common-passwords.js';
import { MAX_PASSWORD_BYTES, MIN_PASSWORD_CHARS, normalisePassword, withinPasswordBound } from './password-params.js';

export const PasswordProblemCode = {
  TooShort: 'too-short',
  TooLong: 'too-long',
  ControlCharacter: 'control-character',
  ContainsUserName: 'contains-user-name',
  ContainsServiceName: 'contains-service-name',
  Common: 'common',
  Repetitive: 'repetitive',
} as const;
export type PasswordProblemCode = (typeof PasswordProblemCode)[keyof typeof PasswordProblemCode];

/** Why a password is refused; `message` is for the person choosing it and never contains the password. */
export interface PasswordProblem {
  readonly code: PasswordProblemCode;
  readonly message: string;
}

// NIST's "context-specific words, such as the name of the service".
const SERVICE_NAME = 'wardwatch';

/** The problems with `password` as the new password of `userName` (canonical form); empty when it is acceptable. */
export function checkNewPassword(password: string, userName: string): PasswordProblem[] {
  if (!withinPasswordBound(password)) {
    return [problem(PasswordProblemCode.TooLong, `password is longer than ${MAX_PASSWORD_BYTES} bytes (UTF-8)`)];
  }
  const normal = normalisePassword(password);
  const lower = normal.toLowerCase();
  const problems: PasswordProblem[] = [];
  // NIST §5.1.1.2: "each Unicode code point SHALL be counted as a single character".
  if (Array.from(normal).length < MIN_PASSWORD_CHARS) {
    problems.push(problem(PasswordProblemCode.TooShort, `password must have at least ${MIN_PASSWORD_CHARS} characters`));
  }
  // Control characters (NUL, escape, newline) cannot be typed at a login form and break `--password-stdin`.
  if (/\p{Cc}/u.test(normal)) {
    problems.push(problem(PasswordProblemCode.ControlCharacter, 'password must not contain control characters'));
  }
  const name = userName.toLowerCase();
  if (name.length > 0 && lower.includes(name)) {
    problems.push(problem(PasswordProblemCode.ContainsUserName, 'password must not contain the user name'));
  }
  if (lower.includes(SERVICE_NAME)) {
    problems.push(problem(PasswordProblemCode.ContainsServiceName, `password must not contain "${SERVICE_NAME}"`));
  }
  if (isCommon(lower)) {
    problems.push(problem(PasswordProblemCode.Common, 'password is one of the most common passwords'));
  }
  if (isRepetitive(lower)) {
    problems.push(problem(PasswordProblemCode.Repetitive, 'password is a repeated or sequential string'));
  }
  return problems;
}

/** In the list as typed, or once the digits and symbols around it are stripped ("Password2024!" -> "password"). */
function isCommon(lower: string): boolean {
  const list = commonPasswords();
  if (list.has(lower)) return true;
  const stem = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return stem.length > 0 && list.has(stem);
}

/** "aaaaaaaaaaaa", "abcabcabcabc", "qwertyqwerty" (a repeated unit) or "abcdefghijkl", "987654321098" (a run). */
export function isRepetitive(lower: string): boolean {
  const points = Array.from(lower); // code points, as NIST counts characters
  const n = points.length;
  for (let unit = 1; unit <= n / 2; unit++) {
    if (n % unit === 0 && points.every((p, i) => p === points[i % unit])) return true;
  }
  return n >= 3 && (isRun(points, 1) || isRun(points, -1));
}

function isRun(points: readonly string[], step: 1 | -1): boolean {
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1] ?? '';
    const cur = points[i] ?? '';
    if (!(nextInRun(prev, step) === cur)) return false;
  }
  return true;
}

// Digits wrap (…8, 9, 0, 1…) the way people type them across the top row of a keyboard.
function nextInRun(ch: string, step: 1 | -1): string {
  if (/^\d$/.test(ch)) return String((Number(ch) + step + 10) % 10);
  const code = ch.codePointAt(0) ?? 0;
  return String.fromCodePoint(Math.max(0, code + step));
}

function problem(code: PasswordProblemCode, message: string): PasswordProblem {
  return { code, message };
}
