/**
 * Webhooks against a real HTTP receiver on loopback: the receiver verifies every signature; 5xx, 429 and silence are
 * retried with backoff, a 4xx is not; after the last attempt the event is in the JSONL dead-letter file, the secret and
 * the URL's query token are not.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { device, NOW_MS } from '../risk/test-support/fixtures.js';
import { backoffDelayMs, retryAfterMs } from './backoff.js';
import { buildAlertEvent } from './build-event.js';
import { JsonlDeadLetterFile, type DeadLetter } from './dead-letter.js';
import { webhookReceiver, type WebhookReceiver, type WebhookRequest } from './test-support/receivers.js';
import type { AlertEvent } from './types.js';
import { WebhookSender, type WebhookTarget } from './webhook-sender.js';
import { EVENT_ID_HEADER, signWebhook, verifyWebhook } from './webhook-signature.js';

const SECRET = 'whsec-0123456789abcdef0123456789abcdef-do-not-log';
const event = buildAlertEvent({ kind: 'device-new', device: device() }, { nowMs: NOW_MS, id: 'evt-1' }) as AlertEvent;

function verified(req: WebhookRequest): boolean {
  return verifyWebhook({ secret: SECRET, headers: req.headers, body: req.body, nowMs: Date.now() }).ok;
}

describe('signWebhook / verifyWebhook', () => {
  const body = JSON.stringify(event);
  const nowMs = 1_800_000_000_000;
  const headers = signWebhook(SECRET, nowMs / 1000, body);

  it('accepts what was signed, inside the replay window', () => {
    expect(verifyWebhook({ secret: SECRET, headers, body, nowMs: nowMs + 299_000 })).toEqual({ ok: true, timestampSec: nowMs / 1000 });
  });

  it('refuses a changed body, another secret, a changed timestamp, an old request and missing headers', () => {
    expect(verifyWebhook({ secret: SECRET, headers, body: body.replace('dev-1', 'dev-2'), nowMs }).ok).toBe(false);
    expect(verifyWebhook({ secret: `${SECRET}x`, headers, body, nowMs }).ok).toBe(false);
    expect(verifyWebhook({ secret: SECRET, headers: { ...headers, 'x-wardwatch-timestamp': String(nowMs / 1000 + 1) }, body, nowMs }).ok).toBe(false);
    expect(verifyWebhook({ secret: SECRET, headers, body, nowMs: nowMs + 301_000 })).toEqual({ ok: false, reason: 'timestamp outside the 300 s replay window' });
    expect(verifyWebhook({ secret: SECRET, headers: {}, body, nowMs }).ok).toBe(false);
    expect(verifyWebhook({ secret: SECRET, headers: { ...headers, 'x-wardwatch-signature': 'sha256=zz' }, body, nowMs }).ok).toBe(false);
  });

  it('reads header names in any case', () => {
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyWebhook({ secret: SECRET, headers: upper, body: Buffer.from(body), nowMs }).ok).toBe(true);
  });
});

describe('backoff', () => {
  it('grows exponentially under full jitter, capped', () => {
    const s = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((a) => backoffDelayMs(a, s, () => 0.999))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffDelayMs(3, s, () => 0)).toBe(0);
  });

  it('reads Retry-After in seconds and as a date', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(retryAfterMs('soon', 0)).toBeNull();
  });
});

describe('WebhookSender against a real receiver', () => {
  let dir: string;
  let rx: WebhookReceiver | null = null;
  let deadFile: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ww-webhook-'));
    deadFile = path.join(dir, 'dead', 'alerts.jsonl');
  });
  afterEach(async () => {
    await rx?.close();
    rx = null;
    rmSync(dir, { recursive: true, force: true });
  });

  function sender(url: string, over: Partial<WebhookTarget> = {}): WebhookSender {
    return new WebhookSender({ name: 'soc', url, secret: SECRET, baseDelayMs: 20, maxDelayMs: 100, timeoutMs: 2000, maxAttempts: 4, ...over }, { deadLetter: new JsonlDeadLetterFile(deadFile) });
  }

  function deadLetters(): DeadLetter[] {
    return readFileSync(deadFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as DeadLetter);
  }

  it('fails twice with 503, then accepts: delivered on the third attempt, every attempt signed', async () => {
    rx = await webhookReceiver((req, n) => (!verified(req) ? 401 : n <= 2 ? 503 : 204));
    const r = await sender(rx.url).deliver(event);
    expect(r).toEqual({ ok: true, attempts: 3, status: 204 });
    expect(rx.requests).toHaveLength(3);
    expect(rx.requests.every(verified)).toBe(true);
    expect(rx.requests.map((q) => q.headers[EVENT_ID_HEADER])).toEqual(['evt-1', 'evt-1', 'evt-1']);
    expect(JSON.parse(rx.requests[2]?.body.toString() ?? '')).toEqual(event);
  });

  it('429 is retried; 400 is not, and goes straight to the dead letters', async () => {
    rx = await webhookReceiver((_req, n) => (n === 1 ? 429 : n === 2 ? 200 : 400));
    const s = sender(rx.url);
    expect(await s.deliver(event)).toMatchObject({ ok: true, attempts: 2 });
    expect(await s.deliver(event)).toEqual({ ok: false, attempts: 1, status: 400, error: 'HTTP 400' });
    expect(deadLetters()).toMatchObject([{ destination: 'soc', attempts: 1, lastError: 'HTTP 400' }]);
  });

  it('a receiver that never answers: each attempt times out, then one dead-letter line without the secret or the token', async () => {
    rx = await webhookReceiver(() => 'hang');
    const r = await sender(rx.url, { timeoutMs: 200, maxAttempts: 3 }).deliver(event);
    expect(r).toMatchObject({ ok: false, attempts: 3, error: 'timed out' });
    expect(rx.requests).toHaveLength(3);
    const text = readFileSync(deadFile, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('not-for-logs');
    const [dl] = deadLetters();
    expect(dl).toMatchObject({ destination: 'soc', target: rx.url.split('?')[0], attempts: 3, lastError: 'timed out', event: { id: 'evt-1', kind: 'device-new' } });
  });

  it('connection refused is retried, then dead-lettered; send() returns at once and never throws', async () => {
    const s = sender('http://127.0.0.1:9/hook', { maxAttempts: 3 });
    s.send(event);
    expect(s.stats().pending).toBe(1);
    await s.idle();
    expect(s.stats()).toEqual({ delivered: 0, failed: 1, pending: 0 });
    expect(deadLetters()[0]).toMatchObject({ attempts: 3, lastError: expect.stringMatching(/ECONNREFUSED|fetch failed/) as unknown });
  });

  it('at most maxConcurrent requests at once; beyond maxWaiting an event is dead-lettered at the door', async () => {
    rx = await webhookReceiver(() => 'hang');
    const s = sender(rx.url, { timeoutMs: 300, maxAttempts: 1, maxConcurrent: 2, maxWaiting: 3 });
    for (let i = 0; i < 10; i++) s.send({ ...event, id: `evt-${String(i)}` });
    expect(s.stats().pending).toBe(5);
    await new Promise((r) => setTimeout(r, 150));
    expect(rx.requests.length).toBeLessThanOrEqual(2);
    await s.idle();
    expect(rx.requests).toHaveLength(5);
    const dead = deadLetters();
    expect(dead).toHaveLength(10);
    expect(dead.filter((d) => d.lastError === 'too many deliveries waiting').map((d) => d.event.id).sort()).toEqual(['evt-5', 'evt-6', 'evt-7', 'evt-8', 'evt-9']);
  });

  it('closing cuts a long backoff short and files the event', async () => {
    rx = await webhookReceiver(() => 503);
    const slow = new WebhookSender({ name: 'soc', url: rx.url, secret: SECRET, baseDelayMs: 60_000, maxDelayMs: 60_000, maxAttempts: 5 }, { deadLetter: new JsonlDeadLetterFile(deadFile), random: () => 0.99 });
    slow.send(event);
    await new Promise((r) => setTimeout(r, 200));
    await slow.close();
    expect(deadLetters()).toMatchObject([{ attempts: 1, lastError: 'HTTP 503; stopped before the next attempt' }]);
  });

  it('a redirect is not followed: the signed alert goes only where configured', async () => {
    rx = await webhookReceiver(() => 302);
    expect(await sender(rx.url).deliver(event)).toMatchObject({ ok: false, attempts: 1, status: 302 });
  });
});
