/**
 * The in-process event bus of `wardwatch serve`: live ingest publishes, the SSE stream and the alert dispatcher
 * subscribe. It keeps the last events in a bounded ring so a client that reconnects with Last-Event-ID gets what it
 * missed (WHATWG HTML "Server-sent events" §9.2: the `id` field and the Last-Event-ID header).
 */
import type { AlertEvent } from '../../alerts/types.js';

export interface BusEvent {
  /** `<epoch>-<seq>`: the epoch tells a restarted server's ids from the last one's. */
  id: string;
  seq: number;
  event: AlertEvent;
}

export const DEFAULT_RING_SIZE = 1000;

export class EventBus {
  private readonly ring: BusEvent[] = [];
  private seq = 0;
  private readonly subscribers = new Set<(e: BusEvent) => void>();
  private readonly streams = new Set<() => void>();
  readonly epoch: string;

  constructor(private readonly capacity: number = DEFAULT_RING_SIZE, epochMs: number = Date.now()) {
    this.epoch = epochMs.toString(36);
  }

  publish(event: AlertEvent): BusEvent {
    this.seq++;
    const e: BusEvent = { id: `${this.epoch}-${String(this.seq)}`, seq: this.seq, event };
    this.ring.push(e);
    if (this.ring.length > this.capacity) this.ring.shift();
    for (const s of [...this.subscribers]) {
      try {
        s(e);
      } catch {
        // One subscriber's fault must not keep the event from the others.
      }
    }
    return e;
  }

  /**
   * Events after `lastId` still in the ring. An id of another epoch (the server restarted) or none gives the whole
   * ring: all of it is new to that client. `gap` says events between were already dropped from the ring.
   */
  since(lastId: string | null): { events: BusEvent[]; gap: boolean } {
    const m = lastId === null ? null : /^([0-9a-z]+)-(\d+)$/.exec(lastId.trim());
    if (m === null || m[1] !== this.epoch) return { events: [...this.ring], gap: lastId !== null && this.ring[0] !== undefined && this.ring[0].seq > 1 };
    const after = Number(m[2]);
    const first = this.ring[0]?.seq ?? this.seq + 1;
    return { events: this.ring.filter((e) => e.seq > after), gap: after + 1 < first };
  }

  subscribe(fn: (e: BusEvent) => void): () => void {
    this.subscribers.add(fn);
    return () => { this.subscribers.delete(fn); };
  }

  /** A stream to end when the server shuts down (its `end` is called once); returns the untrack function. */
  track(end: () => void): () => void {
    this.streams.add(end);
    return () => { this.streams.delete(end); };
  }

  /** Ends every tracked stream: a server cannot close while event streams hold their connections open. */
  endStreams(): void {
    for (const end of [...this.streams]) end();
    this.streams.clear();
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }
}
