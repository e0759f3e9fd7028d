/** Weighted vote over evidence for one attribute, with a total order so results never flip between runs. */
import type { Evidence } from './types.js';

export interface Candidate {
  /** Normalised value used for grouping. */
  key: string;
  /** Value to show: the one carried by the strongest piece of evidence (ties: alphabetical). */
  value: string;
  total: number;
  sources: number;
  /** Noisy-OR of the distinct sources' best confidences: how sure the agreeing evidence makes us. */
  strength: number;
}

export interface Vote {
  ranked: Candidate[];
  winner: Candidate | null;
  /** strength of the winner times its share of all weight: conflicts lower it. */
  confidence: number;
}

/**
 * Ranks values by total confidence (repeats of the same source and detail count once), then by number of
 * distinct sources, then alphabetically by key: a total order, independent of evidence order.
 */
export function vote(evidence: readonly Evidence[], normalise: (v: string) => string = (v) => v.trim().toLowerCase()): Vote {
  const groups = new Map<string, { best: Map<string, number>; shown: Map<string, number> }>();
  for (const e of evidence) {
    const key = normalise(e.value);
    if (key === '') continue;
    let g = groups.get(key);
    if (g === undefined) {
      g = { best: new Map(), shown: new Map() };
      groups.set(key, g);
    }
    const id = `${e.source}\u0000${e.detail}`;
    g.best.set(id, Math.max(g.best.get(id) ?? 0, e.confidence));
    g.shown.set(e.value.trim(), Math.max(g.shown.get(e.value.trim()) ?? 0, e.confidence));
  }
  const ranked: Candidate[] = [];
  for (const [key, g] of groups) {
    let total = 0;
    const perSource = new Map<string, number>();
    for (const [id, c] of g.best) {
      total += c;
      const src = id.slice(0, id.indexOf('\u0000'));
      perSource.set(src, Math.max(perSource.get(src) ?? 0, c));
    }
    let miss = 1;
    for (const c of perSource.values()) miss *= 1 - c;
    const value = [...g.shown.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0] ?? key;
    ranked.push({ key, value, total: round(total), sources: perSource.size, strength: round(1 - miss) });
  }
  ranked.sort((a, b) => b.total - a.total || b.sources - a.sources || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const winner = ranked[0] ?? null;
  const all = ranked.reduce((s, c) => s + c.total, 0);
  const confidence = winner === null || all === 0 ? 0 : round(winner.strength * (winner.total / all));
  return { ranked, winner, confidence };
}

/** Rounded to 1e-6 so float summation order cannot change a comparison. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
