/** Test helper: TCP payload segments of a classic pcap (Ethernet/IPv4 or IPv6 on loopback), in capture order. */
import { readFileSync } from 'node:fs';

export interface Segment {
  /** Sent by the side that sent the first SYN (the initiator). */
  out: boolean;
  sport: number;
  dport: number;
  seq: number;
  payload: Uint8Array;
}

/** One TCP connection's data segments in order, retransmitted bytes dropped (captures must include the SYNs). */
export function pcapSegments(file: string): Segment[] {
  const b = new Uint8Array(readFileSync(file));
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const le = dv.getUint32(0, true) === 0xa1b2c3d4;
  const linkType = dv.getUint32(20, le);
  if (linkType !== 1) throw new Error(`link type ${linkType} not supported by this helper`);
  const out: Segment[] = [];
  let clientPort = -1;
  /** Next expected sequence number per sending port (one connection per fixture). */
  const next = new Map<number, number>();
  for (let at = 24; at + 16 <= b.length; ) {
    const incl = dv.getUint32(at + 8, le);
    const p = new DataView(b.buffer, b.byteOffset + at + 16, Math.min(incl, b.length - at - 16));
    at += 16 + incl;
    const etherType = p.getUint16(12);
    let l4: number;
    let ipEnd: number;
    if (etherType === 0x0800) {
      l4 = 14 + (p.getUint8(14) & 0x0f) * 4;
      ipEnd = 14 + p.getUint16(16);
    } else if (etherType === 0x86dd) {
      l4 = 54;
      ipEnd = 54 + p.getUint16(18);
    } else continue;
    const sport = p.getUint16(l4);
    const dport = p.getUint16(l4 + 2);
    const seq = p.getUint32(l4 + 4);
    const flags = p.getUint8(l4 + 13);
    if ((flags & 0x12) === 0x02 && clientPort < 0) clientPort = sport;
    const from = p.byteOffset + l4 + (p.getUint8(l4 + 12) >> 4) * 4;
    const payload = new Uint8Array(b.buffer, from, Math.max(0, Math.min(ipEnd, p.byteLength) - (from - p.byteOffset)));
    if ((flags & 0x02) !== 0) next.set(sport, (seq + 1) >>> 0);
    const expected = next.get(sport);
    if (payload.length === 0 || expected === undefined) continue;
    // Retransmissions happen even on lo: keep only bytes past what this direction already delivered.
    const already = (expected - seq) | 0;
    if (already >= payload.length) continue;
    const fresh = already > 0 ? payload.subarray(already) : payload;
    next.set(sport, (seq + Math.max(0, already) + fresh.length) >>> 0);
    out.push({ out: sport === clientPort, sport, dport, seq, payload: fresh });
  }
  return out;
}

/** Concatenated payload of one direction. */
export function directionBytes(segments: readonly Segment[], out: boolean): Uint8Array {
  const parts = segments.filter((s) => s.out === out);
  const total = parts.reduce((n, s) => n + s.payload.length, 0);
  const buf = new Uint8Array(total);
  let at = 0;
  for (const s of parts) {
    buf.set(s.payload, at);
    at += s.payload.length;
  }
  return buf;
}

/** Whole PDUs of a DICOM byte stream, split on the 6-byte header's length (PS3.8 §9.3.1). */
export function splitPdus(stream: Uint8Array): Uint8Array[] {
  const pdus: Uint8Array[] = [];
  for (let at = 0; at + 6 <= stream.length; ) {
    const len = new DataView(stream.buffer, stream.byteOffset + at + 2, 4).getUint32(0);
    const end = Math.min(stream.length, at + 6 + len);
    pdus.push(stream.subarray(at, end));
    at = end;
  }
  return pdus;
}
