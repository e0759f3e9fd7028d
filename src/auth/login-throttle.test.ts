import { describe, expect, it } from 'vitest';
import { throttleAddressKey } from './client-address.js';
import {
  afterFailure,
  checkThrottle,
  recordLoginFailure,
  recordLoginSuccess,
  throttleKeys,
  USER_NAME_RULE,
} from './login-throttle.js';
import { MemoryAuthStore } from './memory-auth-store.js';

const T0 = Date.UTC(2026, 0, 5, 8);

async function failures(store: MemoryAuthStore, name: string, from: string | null, n: number, atMs = T0): Promise<number[]> {
  const waits: number[] = [];
  for (let i = 0; i < n; i++) waits.push(await recordLoginFailure(store, throttleKeys(name, from), atMs));
  return waits;
}

describe('login throttle', () => {
  it('lets 3 failures pass, then doubles the wait, then locks out for 15 minutes at 10', async () => {
    const waits = await failures(new MemoryAuthStore(), 'alice', null, 10);
    expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 900]);
  });

  it('answers a blocked attempt with the wait for Retry-After, and lets it through once the wait is over', async () => {
    const store = new MemoryAuthStore();
    await failures(store, 'alice', '10.0.0.5', 5);
    const keys = throttleKeys('alice', '10.0.0.5');
    expect(await checkThrottle(store, keys, T0 + 500)).toEqual({ allowed: false, retryAfterSec: 2 });
    expect(await checkThrottle(store, keys, T0 + 2000)).toEqual({ allowed: true });
  });

  it('starts counting again after the window', async () => {
    const store = new MemoryAuthStore();
    await failures(store, 'alice', null, 5);
    const later = T0 + USER_NAME_RULE.windowSec * 1000;
    expect(await failures(store, 'alice', null, 1, later)).toEqual([0]);
  });

  it('keeps a lockout running even when a new window starts inside it', () => {
    let state = afterFailure(undefined, { ...USER_NAME_RULE, windowSec: 60 }, T0);
    for (let i = 1; i < USER_NAME_RULE.lockoutFailures; i++) state = afterFailure(state, { ...USER_NAME_RULE, windowSec: 60 }, T0);
    const next = afterFailure(state, { ...USER_NAME_RULE, windowSec: 60 }, T0 + 61_000);
    expect(next.failures).toBe(1);
    expect(next.blockedUntilMs).toBe(state.blockedUntilMs);
  });

  it('resets the user name on success but not the address', async () => {
    const store = new MemoryAuthStore();
    await failures(store, 'alice', '10.0.0.5', 12);
    await recordLoginSuccess(store, throttleKeys('alice', '10.0.0.5'));
    expect(await checkThrottle(store, throttleKeys('alice', null), T0)).toEqual({ allowed: true });
    // 12 failures is 2 beyond the address's free 10: still waiting, whoever logs in from there.
    expect(await checkThrottle(store, throttleKeys('bob', '10.0.0.5'), T0)).toEqual({ allowed: false, retryAfterSec: 2 });
    expect(store.throttles.get('addr:10.0.0.5')?.failures).toBe(12);
  });

  it('throttles an address spraying many names', async () => {
    const store = new MemoryAuthStore();
    for (let i = 0; i < 50; i++) await recordLoginFailure(store, throttleKeys(`user${i}`, '10.0.0.9'), T0);
    const decision = await checkThrottle(store, throttleKeys('someone-new', '10.0.0.9'), T0);
    expect(decision).toEqual({ allowed: false, retryAfterSec: 900 });
    expect(await checkThrottle(store, throttleKeys('someone-new', '10.0.0.10'), T0)).toEqual({ allowed: true });
  });

  it('keys user names by a hash, case-insensitively, so typed passwords are not stored', () => {
    const [user] = throttleKeys('Hunter2Hunter2', null);
    expect(user?.key).toMatch(/^user:[0-9a-f]{64}$/);
    expect(user?.key).not.toMatch(/hunter/i);
    expect(throttleKeys('ALICE', null)[0]?.key).toBe(throttleKeys('alice', null)[0]?.key);
  });

  it('treats a name nobody has like any other', async () => {
    const store = new MemoryAuthStore();
    store.users.set('u1', { id: 'u1', name: 'alice', role: 'admin', passwordHash: 'x', disabled: false, createdAtMs: 0, passwordChangedAtMs: 0 });
    expect(await failures(store, 'alice', null, 10)).toEqual(await failures(store, 'nobody', null, 10));
  });
});

describe('throttleAddressKey', () => {
  it.each([
    ['10.1.2.3', '10.1.2.3'],
    ['::ffff:10.1.2.3', '10.1.2.3'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:0db8:0000:0000:ffff:1:2:3', '2001:db8:0:0::/64'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
  ])('%s -> %s', (address, key) => {
    expect(throttleAddressKey(address)).toBe(key);
  });

  it.each(['', 'localhost', '10.1.2', '999.1.1.1', '1.2.3.4\u0000', 'x'.repeat(10_000), '::ffff:999.1.1.1'])('refuses %j', (a) => {
    expect(throttleAddressKey(a)).toBeNull();
  });

  it('puts two addresses of one IPv6 /64 under one key', () => {
    expect(throttleAddressKey('2001:db8:a:b::1')).toBe(throttleAddressKey('2001:db8:a:b:ffff:ffff:ffff:ffff'));
  });
});
