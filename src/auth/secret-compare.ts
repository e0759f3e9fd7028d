/** Constant-time comparison of secrets (CSRF tokens, token digests) that also hides their lengths. */
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when `a` and `b` are the same string. Both sides are hashed to 32 bytes first: `timingSafeEqual` needs equal
 * lengths and throws otherwise, and an early length check would tell an attacker how long the secret is.
 */
export function secretsEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}
