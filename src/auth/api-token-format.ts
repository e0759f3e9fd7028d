/** The shape of a wardwatch API token and how it is hashed for storage. */
import { createHash, randomBytes } from 'node:crypto';

/** Lets secret scanners (and people) recognise a leaked token: `ww_` then 43 base64url characters. */
export const API_TOKEN_PREFIX = 'ww_';
const TOKEN_BYTES = 32; // 256 bits
export const API_TOKEN_PATTERN = /^ww_[A-Za-z0-9_-]{43}$/;

/** A new token: shown once to its creator, then only its hash is kept. */
export function generateApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString('base64url')}`;
}

/** A short id for lists and revocation: 6 random bytes, 8 base64url characters. Not derived from the secret. */
export function generateApiTokenId(): string {
  return randomBytes(6).toString('base64url');
}

/**
 * SHA-256 of the token, hex. A fast hash is right here, unlike for passwords: the token is 256 random bits, so no
 * dictionary or brute-force search over its hash is feasible however fast the hash is, and a slow hash would only
 * cost every API request its time (OWASP Password Storage Cheat Sheet: slow hashes are for low-entropy secrets).
 * Lookups by this hash in a database index leak nothing useful through timing: an attacker cannot choose inputs
 * whose hashes share a prefix with a stored one.
 */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
