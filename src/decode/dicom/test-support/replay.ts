/** Test helper: drives a decoder over a capture's segments with the engine's own TcpDirection framing, no probing. */
import { TcpDirection } from '../../../pipeline/sessions/tcp-direction.js';
import type { DecodeIssue, Decoder, RecordBody } from '../../types.js';
import type { Segment } from './pcap-segments.js';
import { SHIPPED_DEPS } from '../../test-support/deps.js';

export interface Replayed {
  records: (RecordBody & { direction: 'out' | 'in' })[];
  issues: DecodeIssue[];
  /** Every PDU handed to decode, with its direction (to check what the framer buffered). */
  pduSizes: number[];
}

export function replay(decoder: Decoder, segments: readonly Segment[]): Replayed {
  const state = decoder.createState ? decoder.createState(SHIPPED_DEPS) : undefined;
  const dirs = { out: new TcpDirection('out'), in: new TcpDirection('in') };
  const result: Replayed = { records: [], issues: [], pduSizes: [] };
  for (const s of segments) {
    const direction = s.out ? 'out' : 'in';
    const err = dirs[direction].feed(s.payload, decoder, state, (pdu) => {
      result.pduSizes.push(pdu.length);
      const r = decoder.decode(pdu, { tsMs: 0, direction, src: 'a', sport: s.sport, dst: 'b', dport: s.dport, state });
      for (const rec of r.records) result.records.push({ ...rec, direction });
      result.issues.push(...r.issues);
    });
    if (err !== null) result.issues.push({ code: 'framing', offset: 0, message: err });
  }
  return result;
}
