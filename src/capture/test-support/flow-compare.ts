/** Test helper: our flows grouped like tshark's conversation table, and the comparison of the two. */
import type { FlowJson } from '../flow-json.js';
import { endpointKey, tsharkConversations } from '../../test-support/tshark-conversations.js';

export interface Totals {
  entries: number;
  packetsFirst: number;
  bytesFirst: number;
  packetsSecond: number;
  bytesSecond: number;
  /** False when tshark abbreviated a byte count (kB/MB), so only packets can be compared exactly. */
  bytesExact: boolean;
}

function add(t: Totals | undefined, pf: number, bf: number | null, ps: number, bs: number | null): Totals {
  const base = t ?? { entries: 0, packetsFirst: 0, bytesFirst: 0, packetsSecond: 0, bytesSecond: 0, bytesExact: true };
  return {
    entries: base.entries + 1,
    packetsFirst: base.packetsFirst + pf,
    bytesFirst: base.bytesFirst + (bf ?? 0),
    packetsSecond: base.packetsSecond + ps,
    bytesSecond: base.bytesSecond + (bs ?? 0),
    bytesExact: base.bytesExact && bf !== null && bs !== null,
  };
}

export function ourTotals(flows: readonly FlowJson[]): Map<string, Totals> {
  const out = new Map<string, Totals>();
  for (const f of flows) {
    if ((f.proto !== 'tcp' && f.proto !== 'udp') || f.sport === null || f.dport === null) continue;
    const { key, swapped } = endpointKey(f.proto, f.src, f.sport, f.dst, f.dport);
    out.set(key, swapped ? add(out.get(key), f.packetsIn, f.bytesIn, f.packetsOut, f.bytesOut) : add(out.get(key), f.packetsOut, f.bytesOut, f.packetsIn, f.bytesIn));
  }
  return out;
}

export function tsharkTotals(file: string): Map<string, Totals> {
  const out = new Map<string, Totals>();
  for (const [key, list] of tsharkConversations(file)) {
    let t: Totals | undefined;
    for (const e of list) t = add(t, e.first.frames, e.first.bytes, e.second.frames, e.second.bytes);
    if (t !== undefined) out.set(key, t);
  }
  return out;
}

export interface Disagreement {
  key: string;
  ours: Totals | null;
  tshark: Totals | null;
}

/** Per conversation: packets each way must match, bytes too where tshark printed them exactly; entry counts optional. */
export function compareTotals(ours: Map<string, Totals>, theirs: Map<string, Totals>, compareEntries: boolean): Disagreement[] {
  const bad: Disagreement[] = [];
  for (const [key, t] of theirs) {
    const o = ours.get(key) ?? null;
    const same =
      o !== null &&
      o.packetsFirst === t.packetsFirst &&
      o.packetsSecond === t.packetsSecond &&
      (!t.bytesExact || (o.bytesFirst === t.bytesFirst && o.bytesSecond === t.bytesSecond)) &&
      (!compareEntries || o.entries === t.entries);
    if (!same) bad.push({ key, ours: o, tshark: t });
  }
  for (const [key, o] of ours) if (!theirs.has(key)) bad.push({ key, ours: o, tshark: null });
  return bad;
}
