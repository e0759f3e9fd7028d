/**
 * One Server-Sent Events stream (WHATWG HTML §9.2, `text/event-stream`): each bus event as `id`, `event` (the event
 * kind) and one `data` line of JSON; a comment line as heartbeat, so proxies and the client see a live connection.
 * A client that does not read is dropped once this much is queued for it, rather than buffered without bound: it
 * reconnects with Last-Event-ID and resumes from the ring.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BusEvent, EventBus } from './event-bus.js';

export interface SseOptions {
  heartbeatMs: number;
  /** Bytes queued for one client beyond which it is dropped. */
  maxQueuedBytes: number;
}

export const DEFAULT_SSE: SseOptions = { heartbeatMs: 15_000, maxQueuedBytes: 1 << 20 };

/** Where a reconnecting client tells the browser to wait before trying again (the `retry` field). */
const RETRY_MS = 3000;

export function sseFrame(e: BusEvent): string {
  // JSON.stringify never emits a raw line break, so one data line carries the whole event.
  return `id: ${e.id}\nevent: ${e.event.kind}\ndata: ${JSON.stringify(e.event)}\n\n`;
}

/** Streams `bus` to the client: what it missed since `lastEventId`, then live events until it goes (or `follow` is false). */
export function streamEvents(request: FastifyRequest, reply: FastifyReply, bus: EventBus, lastEventId: string | null, follow: boolean, options: SseOptions = DEFAULT_SSE): void {
  // Headers the server's hooks set (security headers, no-store) go out too: a hijacked reply skips Fastify's sending.
  const set: Record<string, string | number | string[]> = {};
  for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) set[k] = v;
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    ...set,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    // nginx buffers responses unless told not to; a buffered event stream arrives in lumps.
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  });
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    unsubscribe();
    untrack();
    clearInterval(heartbeat);
  };
  const send = (text: string): void => {
    if (closed) return;
    res.write(text);
    if (res.writableLength > options.maxQueuedBytes) {
      request.log.warn({ queuedBytes: res.writableLength }, 'event stream client too slow; dropped');
      close();
      res.destroy();
    }
  };
  const { events, gap } = bus.since(lastEventId);
  // Subscribed before the replay is written, and events already replayed skipped: none is lost or sent twice.
  const replayedTo = events[events.length - 1]?.seq ?? 0;
  const unsubscribe = follow ? bus.subscribe((e) => { if (e.seq > replayedTo) send(sseFrame(e)); }) : () => undefined;
  const untrack = bus.track(() => { close(); res.end(); });
  const heartbeat = setInterval(() => { send(': heartbeat\n\n'); }, options.heartbeatMs);
  heartbeat.unref();
  res.once('close', close);
  send(`retry: ${String(RETRY_MS)}\n${gap ? ': some events were missed (older than the buffer)\n' : ''}\n`);
  for (const e of events) send(sseFrame(e));
  if (!follow) {
    close();
    res.end();
  }
}
