import { hash as argon2Hash } from '@node-rs/argon2';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../util/app-error.js';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.js';
import { MAX_PASSWORD_BYTES } from './password-params.js';

// Counts argon2 verifications (calling the real one) so the tests can check that every path does the same work
// without measuring time.
const verifyCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      verifyCalls.count++;
      return real.verify(...args);
    },
  };
});

const PASSWORD = 'correct horse battery staple';

describe('hashPassword', () => {
  it('makes an argon2id PHC string with the OWASP parameters and a fresh salt each time', async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(PASSWORD);
  });

  it('refuses a password over the byte bound before hashing it', async () => {
    await expect(hashPassword('x'.repeat(10_000))).rejects.toBeInstanceOf(AppError);
    await expect(hashPassword('é'.repeat(MAX_PASSWORD_BYTES / 2 + 1))).rejects.toThrow(/too long/);
  });
});

describe('verifyPassword', () => {
  beforeEach(() => {
    verifyCalls.count = 0;
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(stored, PASSWORD)).toEqual({ ok: true, needsRehash: false });
    expect((await verifyPassword(stored, `${PASSWORD} `)).ok).toBe(false);
    expect((await verifyPassword(stored, PASSWORD.toUpperCase())).ok).toBe(false);
  });

  it('treats NUL as an ordinary character, not an end of string', async () => {
    const stored = await hashPassword('before\u0000after and more');
    expect((await verifyPassword(stored, 'before\u0000after and more')).ok).toBe(true);
    expect((await verifyPassword(stored, 'before')).ok).toBe(false);
  });

  it('verifies a passphrase typed with combining accents against its precomposed form (NFKC)', async () => {
    const stored = await hashPassword('caf\u00e9 au lait sans sucre');
    expect((await verifyPassword(stored, 'cafe\u0301 au lait sans sucre')).ok).toBe(true);
  });

  it('answers false without throwing for an unknown user, a malformed hash or an oversized password', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(null, PASSWORD)).toEqual({ ok: false, needsRehash: false });
    expect((await verifyPassword('$argon2id$garbage', PASSWORD)).ok).toBe(false);
    expect((await verifyPassword('', PASSWORD)).ok).toBe(false);
    expect((await verifyPassword(stored, 'x'.repeat(10_000))).ok).toBe(false);
  });

  it('does one argon2 verification on every path, so an unknown user costs what a known one does', async () => {
    const stored = await hashPassword(PASSWORD);
    for (const [hashValue, password] of [
      [stored, PASSWORD],
      [stored, 'wrong password here'],
      [null, PASSWORD],
      ['not a hash', PASSWORD],
      [stored, 'x'.repeat(10_000)],
    ] as const) {
      verifyCalls.count = 0;
      await verifyPassword(hashValue, password);
      expect(verifyCalls.count).toBe(1);
    }
  });

  it('reports needsRehash for a hash made with older parameters, only when the password is right', async () => {
    const weak = await argon2Hash(PASSWORD, { memoryCost: 8192, timeCost: 1, parallelism: 1 });
    expect(needsRehash(weak)).toBe(true);
    expect(await verifyPassword(weak, PASSWORD)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword(weak, 'wrong password here')).toEqual({ ok: false, needsRehash: false });
    expect(needsRehash(await hashPassword(PASSWORD))).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
  });
});
