/** Facts of one ingest batch summed per device before they are written (one row per fact, not per key). */
import type { EvidenceAgg, KeyGroup } from './group-batch.js';

export type Seen = { firstMs: number; lastMs: number };

/**
 * Evidence and protocol rows per device, summed over the batch's keys (a device seen at two IPs is two keys): one
 * upsert per row instead of one per key, with the same result since the upserts add counts and widen times.
 * Each dialect's ingest writes what `take` hands over (sqlite/ingest.ts, src/store/postgres/inventory/pg-ingest.ts).
 */
export class PendingFacts {
  private evidence = new Map<string, Map<string, EvidenceAgg>>();
  private protocols = new Map<string, Map<string, Seen>>();

  add(deviceId: string, group: KeyGroup): void {
    const facts = this.evidence.get(deviceId) ?? new Map<string, EvidenceAgg>();
    this.evidence.set(deviceId, facts);
    for (const [k, agg] of group.evidence) {
      const had = facts.get(k);
      if (had === undefined) facts.set(k, { ...agg });
      else {
        had.count += agg.count;
        had.confidence = Math.max(had.confidence, agg.confidence);
        widen(had, agg);
      }
    }
    const spoken = this.protocols.get(deviceId) ?? new Map<string, Seen>();
    this.protocols.set(deviceId, spoken);
    for (const [k, seen] of group.protocols) {
      const had = spoken.get(k);
      if (had === undefined) spoken.set(k, { ...seen });
      else widen(had, seen);
    }
  }

  /** What was added since the last take, by device id; the holder starts empty again. */
  take(): { evidence: Map<string, Map<string, EvidenceAgg>>; protocols: Map<string, Map<string, Seen>> } {
    const taken = { evidence: this.evidence, protocols: this.protocols };
    this.evidence = new Map();
    this.protocols = new Map();
    return taken;
  }
}

function widen(into: Seen, from: Seen): void {
  into.firstMs = Math.min(into.firstMs, from.firstMs);
  into.lastMs = Math.max(into.lastMs, from.lastMs);
}
