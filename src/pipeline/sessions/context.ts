/** Builds the DecodeContext a decoder sees for one PDU of a flow (per PDU, not per packet). */
import type { Flow } from '../../capture/flow.js';
import { flowDstText, flowSrcText } from '../../capture/flow-json.js';
import type { DecodeContext } from '../../decode/types.js';

export function decodeContext(f: Flow, out: boolean, tsMs: number, state: unknown): DecodeContext {
  const a = flowSrcText(f);
  const b = flowDstText(f);
  return {
    tsMs,
    direction: out ? 'out' : 'in',
    src: out ? a : b,
    sport: out ? f.aPort : f.bPort,
    dst: out ? b : a,
    dport: out ? f.bPort : f.aPort,
    state,
  };
}
