import { describe, expect, it } from 'vitest';
import { AppError } from '../util/app-error.js';
import { API_TOKEN_PATTERN, hashApiToken } from './api-token-format.js';
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken, TOKEN_TOUCH_EVERY_MS } from './api-tokens.js';
import { MemoryAuthStore } from './memory-auth-store.js';

const NOW = Date.UTC(2026, 0, 5);
const HOUR = 3_600_000;

async function tokenInStore(expiresAtMs: number | null = null) {
  const store = new MemoryAuthStore();
  const created = await createApiToken(store, { name: 'siem-export', role: 'viewer', createdBy: 'alice', expiresAtMs }, NOW);
  return { store, ...created };
}

describe('createApiToken', () => {
  it('returns ww_ + 43 base64url characters once and stores only its SHA-256', async () => {
    const { store, token, record } = await tokenInStore();
    expect(token).toMatch(API_TOKEN_PATTERN);
    expect(record.tokenHash).toBe(hashApiToken(token));
    expect(record.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(token).not.toContain(record.id);
    expect(JSON.stringify([...store.tokens.values()])).not.toContain(token.slice(3));
  });

  it('makes a different token and id every time', async () => {
    const store = new MemoryAuthStore();
    const a = await createApiToken(store, { name: 'a', role: 'viewer', createdBy: null }, NOW);
    const b = await createApiToken(store, { name: 'a', role: 'viewer', createdBy: null }, NOW);
    expect(a.token).not.toBe(b.token);
    expect(a.record.id).not.toBe(b.record.id);
  });

  it.each(['', ' leading space', 'x'.repeat(65), 'name\u0000', 'na\nme', 'ünïcode'])('refuses the name %j', async (name) => {
    await expect(createApiToken(new MemoryAuthStore(), { name, role: 'viewer', createdBy: null }, NOW)).rejects.toBeInstanceOf(AppError);
  });

  it('refuses an expiry in the past', async () => {
    await expect(
      createApiToken(new MemoryAuthStore(), { name: 'x', role: 'viewer', createdBy: null, expiresAtMs: NOW - 1 }, NOW),
    ).rejects.toThrow(/future/);
  });
});

describe('authenticateApiToken', () => {
  it('accepts the token with its role and records its last use', async () => {
    const { store, token, record } = await tokenInStore();
    const result = await authenticateApiToken(store, `Bearer ${token}`, NOW + HOUR);
    expect(result).toMatchObject({ ok: true, token: { id: record.id, role: 'viewer' } });
    expect(store.tokens.get(record.id)?.lastUsedAtMs).toBe(NOW + HOUR);
  });

  it('writes the last use again only once it is a minute old, so reads stay reads', async () => {
    const { store, token, record } = await tokenInStore();
    await authenticateApiToken(store, `Bearer ${token}`, NOW + HOUR);
    await authenticateApiToken(store, `Bearer ${token}`, NOW + HOUR + TOKEN_TOUCH_EVERY_MS - 1);
    expect(store.tokens.get(record.id)?.lastUsedAtMs).toBe(NOW + HOUR);
    await authenticateApiToken(store, `Bearer ${token}`, NOW + HOUR + TOKEN_TOUCH_EVERY_MS);
    expect(store.tokens.get(record.id)?.lastUsedAtMs).toBe(NOW + HOUR + TOKEN_TOUCH_EVERY_MS);
  });

  it('refuses an unknown token of the right shape', async () => {
    const { store, token } = await tokenInStore();
    const other = `ww_${token.slice(3).split('').reverse().join('')}`;
    expect(await authenticateApiToken(store, `Bearer ${other}`, NOW)).toEqual({ ok: false, refusal: 'unknown' });
  });

  it('refuses a revoked token, and a second revoke is NotFound', async () => {
    const { store, token, record } = await tokenInStore();
    await revokeApiToken(store, record.id, NOW + 1);
    expect(await authenticateApiToken(store, `Bearer ${token}`, NOW + 2)).toEqual({ ok: false, refusal: 'revoked' });
    await expect(revokeApiToken(store, record.id, NOW + 3)).rejects.toThrow(/no active token/);
    await expect(revokeApiToken(store, 'nosuchid', NOW + 3)).rejects.toThrow(/no active token/);
  });

  it('accepts a token until its expiry and refuses it from then on', async () => {
    const { store, token } = await tokenInStore(NOW + HOUR);
    expect((await authenticateApiToken(store, `Bearer ${token}`, NOW + HOUR - 1)).ok).toBe(true);
    expect(await authenticateApiToken(store, `Bearer ${token}`, NOW + HOUR)).toEqual({ ok: false, refusal: 'expired' });
  });

  it('passes header problems through as refusals', async () => {
    const { store } = await tokenInStore();
    expect(await authenticateApiToken(store, undefined, NOW)).toEqual({ ok: false, refusal: 'missing' });
    expect(await authenticateApiToken(store, 'Basic YTpi', NOW)).toEqual({ ok: false, refusal: 'not-bearer' });
  });
});

describe('listApiTokens', () => {
  it('lists tokens without their hashes', async () => {
    const { store, record } = await tokenInStore();
    const list = await listApiTokens(store);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: record.id, name: 'siem-export', role: 'viewer', createdBy: 'alice' });
    expect(JSON.stringify(list)).not.toContain(record.tokenHash);
  });
});
