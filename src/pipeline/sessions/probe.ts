/** Choosing the decoder for a flow by content: a 'yes' wins; a 'maybe' wins only on one of its port hints. */
import type { Decoder, Direction } from '../../decode/types.js';

export type ProbeOutcome = { decoder: Decoder } | 'wait' | 'none';

/**
 * Run every candidate's probe on the first bytes of one direction. Returns the claiming decoder, 'wait' when
 * some decoder needs more bytes to decide, or 'none' when no decoder recognises them.
 */
export function probeDecoders(
  candidates: readonly Decoder[],
  bytes: Uint8Array,
  direction: Direction,
  sport: number,
  dport: number,
  final: boolean,
): ProbeOutcome {
  let maybeOnPort: Decoder | null = null;
  let anyMaybe = false;
  for (const d of candidates) {
    let r: 'no' | 'maybe' | 'yes';
    try {
      r = d.probe(bytes, direction);
    } catch {
      r = 'no'; // a probe bug must not stop the capture
    }
    if (r === 'yes') return { decoder: d };
    if (r === 'maybe') {
      anyMaybe = true;
      if (maybeOnPort === null && (d.ports.includes(dport) || d.ports.includes(sport))) maybeOnPort = d;
    }
  }
  if (maybeOnPort !== null && (final || !anyMaybe || bytes.length >= 16)) return { decoder: maybeOnPort };
  if (anyMaybe && !final) return 'wait';
  return 'none';
}
