/**
 * Remote-access sessions gathered during ingest, in bounded memory: sessions grouped per host and
 * service family, each group's totals always counted, session times kept up to a cap, and the intervals the
 * always-on rule needs compacted (near sessions joined) when a group grows long.
 */
import { CHAIN_GAP_MS, type SessionObs } from './remote-access.js';

/** Sessions kept with their times (for remote_sessions); group totals go on counting past it. */
export const MAX_SESSIONS = 10_000;
const MAX_INTERVALS_PER_GROUP = 2048;

export interface SessionGroupAcc {
  ip: string;
  mac: string | null;
  service: string;
  sessions: SessionObs[];
  intervals: [number, number][];
  total: number;
  bytes: number;
  ms: number;
  peers: Set<string>;
  firstMs: number;
  lastMs: number;
  /** Every session was recognised by name only: report it only on a medical device. */
  medicalOnly: boolean;
}

export class SessionBook {
  private readonly byKey = new Map<string, SessionGroupAcc>();
  private kept = 0;
  /** Groups refused because the book was full. */
  dropped = 0;

  constructor(
    private readonly maxGroups: number,
    private readonly maxPeers: number,
  ) {}

  groups(): IterableIterator<SessionGroupAcc> {
    return this.byKey.values();
  }

  add(s: SessionObs): void {
    const k = `${s.ip}|${s.service.split('/')[0] ?? s.service}`;
    let g = this.byKey.get(k);
    if (g === undefined) {
      if (this.byKey.size >= this.maxGroups) {
        this.dropped++;
        return;
      }
      g = { ip: s.ip, mac: s.mac, service: s.service, sessions: [], intervals: [], total: 0, bytes: 0, ms: 0, peers: new Set(), firstMs: s.startMs, lastMs: s.endMs, medicalOnly: true };
      this.byKey.set(k, g);
    }
    g.total++;
    if (s.medicalOnly !== true) g.medicalOnly = false;
    g.bytes += s.bytes;
    g.ms += Math.max(0, s.endMs - s.startMs);
    if (g.peers.size < this.maxPeers) g.peers.add(s.peer);
    if (s.startMs < g.firstMs) g.firstMs = s.startMs;
    if (s.endMs > g.lastMs) g.lastMs = s.endMs;
    if (this.kept < MAX_SESSIONS) {
      g.sessions.push(s);
      this.kept++;
    }
    g.intervals.push([s.startMs, s.endMs]);
    if (g.intervals.length > MAX_INTERVALS_PER_GROUP) g.intervals = compact(g.intervals);
  }
}

/** Joins overlapping or near intervals; if still too many, keeps the newest (always-on is about long chains). */
function compact(intervals: [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && iv[0] <= last[1] + CHAIN_GAP_MS) last[1] = Math.max(last[1], iv[1]);
    else out.push([iv[0], iv[1]]);
  }
  return out.length > MAX_INTERVALS_PER_GROUP / 2 ? out.slice(-MAX_INTERVALS_PER_GROUP / 2) : out;
}
