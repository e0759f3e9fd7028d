/**
 * Hashing and verifying passwords with argon2id (@node-rs/argon2). Verification takes the same path whether or not
 * the user exists, so response time does not tell an attacker which user names are real.
 */
import { hash, parseOptions, verify } from '@node-rs/argon2';
import { AppError, ErrorCode } from '../util/app-error.js';
import { ARGON2ID, ARGON2ID_PARAMS, normalisePassword, withinPasswordBound } from './password-params.js';

export interface PasswordVerification {
  readonly ok: boolean;
  /** True when `ok` and the stored hash was made with other parameters: store `hashPassword(password)` now. */
  readonly needsRehash: boolean;
}

const REFUSED: PasswordVerification = { ok: false, needsRehash: false };

/** A PHC string (`$argon2id$v=19$m=…`) for storage. Refuses passwords over the bound: the policy should have. */
export async function hashPassword(password: string): Promise<string> {
  if (!withinPasswordBound(password)) throw new AppError(ErrorCode.BadArgument, 'password is too long');
  return hash(normalisePassword(password), ARGON2ID_PARAMS);
}

// A hash of a random string made with the current parameters, verified in place of a real one when the user does not
// exist (or the input is refused before hashing), so that path costs one argon2 run like the real one. Made once,
// lazily: hashing at import time would slow every CLI command that never logs anyone in.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hash(crypto.randomUUID(), ARGON2ID_PARAMS);
  return dummyHash;
}

/**
 * Checks `password` against `stored` (null: no such user). Never throws for bad input: an oversized password, a
 * malformed stored hash or a missing user all cost one argon2 verification and answer `ok: false`. The comparison
 * of digests inside argon2 is constant-time.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<PasswordVerification> {
  const usable = stored !== null && withinPasswordBound(password) && isParsableHash(stored);
  if (!usable) {
    await verify(await getDummyHash(), 'not the password').catch(() => false);
    return REFUSED;
  }
  const ok = await verify(stored, normalisePassword(password)).catch(() => false);
  return ok ? { ok, needsRehash: needsRehash(stored) } : REFUSED;
}

/** Whether `stored` was made with an algorithm or costs other than ARGON2ID_PARAMS (stronger or weaker). */
export function needsRehash(stored: string): boolean {
  try {
    const used = parseOptions(stored);
    const algorithm: number = used.algorithm; // a const enum in the package's types, a plain number at run time
    return (
      algorithm !== ARGON2ID ||
      used.memoryCost !== ARGON2ID_PARAMS.memoryCost ||
      used.timeCost !== ARGON2ID_PARAMS.timeCost ||
      used.parallelism !== ARGON2ID_PARAMS.parallelism ||
      used.outputLen !== ARGON2ID_PARAMS.outputLen
    );
  } catch {
    return true;
  }
}

function isParsableHash(stored: string): boolean {
  try {
    parseOptions(stored);
    return true;
  } catch {
    return false;
  }
}
