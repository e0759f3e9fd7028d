/**
 * GET /api/events over a real socket: events arrive in order with ids, a reconnect with Last-Event-ID resumes after
 * the last one seen, heartbeats keep the stream alive, a client that stops reading is dropped instead of buffered,
 * and only a viewer or above may listen.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAlertEvent } from '../../alerts/build-event.js';
import type { AlertEvent } from '../../alerts/types.js';
import { bearer, serveSample, type Served } from '../test-support/server-fixture.js';
import { LiveHub } from './live-hub.js';

interface Frame { id: string; event: string; data: AlertEvent }

/** An ingest-status event whose file name carries `n`, so order is visible. */
function numbered(n: number): AlertEvent {
  const e = buildAlertEvent({ kind: 'ingest-status', status: { state: 'running', packetsPerSec: n, drops: 0, lastFile: `cap-${String(n)}.pcap` } }, { nowMs: 1_700_000_000_000 + n });
  if (e === null) throw new Error('no event');
  return e;
}

function parseFrames(text: string): Frame[] {
  return text.split('\n\n').flatMap((block) => {
    const fields = new Map(block.split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)] as const));
    const id = fields.get('id');
    const event = fields.get('event');
    const data = fields.get('data');
    return id !== undefined && event !== undefined && data !== undefined ? [{ id, event, data: JSON.parse(data) as AlertEvent }] : [];
  });
}

interface Listener { text: () => string; frames: () => Frame[]; status: Promise<number>; headers: Promise<http.IncomingHttpHeaders>; close(): void }

function listen(port: number, headers: Record<string, string>): Listener {
  let text = '';
  let req: http.ClientRequest | undefined;
  let setStatus: (n: number) => void = () => undefined;
  let setHeaders: (h: http.IncomingHttpHeaders) => void = () => undefined;
  const status = new Promise<number>((r) => { setStatus = r; });
  const got = new Promise<http.IncomingHttpHeaders>((r) => { setHeaders = r; });
  req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers }, (res) => {
    setStatus(res.statusCode ?? 0);
    setHeaders(res.headers);
    res.setEncoding('utf8');
    res.on('data', (c: string) => { text += c; });
    res.on('error', () => undefined);
  });
  req.on('error', () => undefined);
  return { text: () => text, frames: () => parseFrames(text), status, headers: got, close: () => { req?.destroy(); req = undefined; } };
}

async function until(test: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('GET /api/events (Server-Sent Events)', () => {
  let s: Served;
  let hub: LiveHub;
  let port: number;
  beforeAll(async () => {
    hub = new LiveHub();
    s = await serveSample({ live: hub, sse: { heartbeatMs: 100, maxQueuedBytes: 256 * 1024 } });
    await s.app.listen({ host: '127.0.0.1', port: 0 });
    port = (s.app.server.address() as AddressInfo).port;
  }, 60_000);
  afterAll(async () => { await s.close(); });

  it('streams events in order, each with an id, its kind as the event name and JSON data, with heartbeats between', async () => {
    const l = listen(port, bearer('viewer'));
    try {
      expect(await l.status).toBe(200);
      const headers = await l.headers;
      expect(headers['content-type']).toMatch(/^text\/event-stream/);
      // The server's security headers, though the stream bypasses Fastify's own sending.
      expect(headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      await until(() => hub.bus.subscriberCount > 0, 'the subscription');
      for (let i = 1; i <= 20; i++) hub.bus.publish(numbered(i));
      await until(() => l.frames().length >= 20, '20 events');
      const frames = l.frames().slice(-20);
      expect(frames.map((f) => f.data.kind === 'ingest-status' ? f.data.ingest.lastFile : null)).toEqual(Array.from({ length: 20 }, (_, i) => `cap-${String(i + 1)}.pcap`));
      expect(frames.every((f) => f.event === 'ingest-status')).toBe(true);
      expect(new Set(frames.map((f) => f.id)).size).toBe(20);
      await until(() => l.text().includes(': heartbeat'), 'a heartbeat', 2000);
    } finally {
      l.close();
    }
  });

  it('resumes after Last-Event-ID with exactly the events missed', async () => {
    const first = listen(port, bearer('viewer'));
    await until(() => hub.bus.subscriberCount > 0, 'the subscription');
    hub.bus.publish(numbered(101));
    hub.bus.publish(numbered(102));
    await until(() => first.frames().some((f) => f.data.kind === 'ingest-status' && f.data.ingest.lastFile === 'cap-102.pcap'), 'event 102');
    const lastSeen = first.frames().at(-1)?.id ?? '';
    first.close();
    await until(() => hub.bus.subscriberCount === 0, 'the first client to leave');
    // Published while nobody listens.
    hub.bus.publish(numbered(103));
    hub.bus.publish(numbered(104));
    const again = listen(port, { ...bearer('viewer'), 'last-event-id': lastSeen });
    try {
      await until(() => again.frames().length >= 2, 'the replay');
      hub.bus.publish(numbered(105));
      await until(() => again.frames().length >= 3, 'the live event after the replay');
      const names = again.frames().map((f) => f.data.kind === 'ingest-status' ? f.data.ingest.lastFile : null);
      expect(names).toEqual(['cap-103.pcap', 'cap-104.pcap', 'cap-105.pcap']);
    } finally {
      again.close();
    }
  });

  it('follow=false sends what is buffered after Last-Event-ID and ends', async () => {
    const all = hub.bus.since(null).events;
    const from = all[all.length - 3]?.id ?? '';
    const r = await s.app.inject({ url: '/api/events?follow=false', headers: { ...bearer('viewer'), 'last-event-id': from } });
    expect(r.statusCode).toBe(200);
    expect(parseFrames(r.body).map((f) => f.id)).toEqual(all.slice(-2).map((e) => e.id));
  });

  it('drops a client that stops reading instead of buffering for it', async () => {
    // A raw socket that sends the request and then never reads: the kernel buffers fill, then the server's queue.
    const sock = net.connect(port, '127.0.0.1');
    await new Promise<void>((r) => sock.once('connect', () => { r(); }));
    sock.write(`GET /api/events HTTP/1.1\r\nHost: x\r\nAuthorization: ${bearer('viewer').authorization ?? ''}\r\n\r\n`);
    sock.pause();
    const closed = new Promise<void>((r) => sock.once('close', () => { r(); }));
    sock.on('error', () => undefined);
    await until(() => hub.bus.subscriberCount > 0, 'the slow client to subscribe');
    const reader = listen(port, bearer('viewer'));
    await until(() => hub.bus.subscriberCount > 1, 'the reading client to subscribe');
    try {
      const big = numbered(1);
      // ~40 MB in all: far past what socket buffers and the 256 KiB queue hold.
      for (let i = 0; i < 20_000 && hub.bus.subscriberCount > 1; i++) {
        hub.bus.publish({ ...big, summary: 'x'.repeat(2000) });
        // Both clients live in this process: yield often, so the reading one reads as it would on its own machine.
        if (i % 20 === 0) await new Promise((r) => setTimeout(r, 1));
      }
      await until(() => hub.bus.subscriberCount === 1, 'the slow client to be dropped', 20_000);
      sock.resume();
      await closed;
      // The client that reads is still served.
      const before = reader.frames().length;
      hub.bus.publish(numbered(999));
      await until(() => reader.frames().length > before, 'the reading client to go on', 20_000);
    } finally {
      reader.close();
      sock.destroy();
    }
  }, 60_000);

  it('needs a login: no token is 401, a viewer token is enough', async () => {
    const anon = await s.app.inject({ url: '/api/events?follow=false' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toMatchObject({ code: 'unauthorized' });
    const viewer = await s.app.inject({ url: '/api/events?follow=false', headers: bearer('viewer') });
    expect(viewer.statusCode).toBe(200);
  });
});
