/**
 * Naming a TCP flow's protocol without decoding it (`wardwatch flows`): the first payload of each direction is
 * probed as it arrives, with no reassembly; only an undecided probe keeps a few bytes (up to the probe window).
 */
import type { Flow, FlowSession } from '../../capture/flow.js';
import { probeDecoders } from './probe.js';
import { PROBE_LIMIT } from './tcp-session.js';
import type { Decoder } from '../../decode/types.js';

export class TcpProbeSession implements FlowSession {
  active = true;
  private readonly held: [Uint8Array | null, Uint8Array | null] = [null, null];
  private readonly failed: [boolean, boolean] = [false, false];

  constructor(private readonly candidates: readonly Decoder[]) {}

  payload(flow: Flow, out: boolean, _seq: number, data: Uint8Array): void {
    if (data.length === 0) return;
    const i = out ? 0 : 1;
    if (this.failed[i]) return;
    const held = this.held[i];
    let bytes = data;
    if (held !== null) {
      bytes = new Uint8Array(Math.min(PROBE_LIMIT, held.length + data.length));
      bytes.set(held);
      bytes.set(data.subarray(0, bytes.length - held.length), held.length);
    }
    this.decide(flow, i, bytes, bytes.length >= PROBE_LIMIT);
  }

  close(flow: Flow): void {
    for (const i of [0, 1] as const) {
      const held = this.held[i];
      if (held !== null && this.active) this.decide(flow, i, held, true);
    }
    this.active = false;
  }

  private decide(flow: Flow, i: 0 | 1, bytes: Uint8Array, final: boolean): void {
    const outcome = probeDecoders(this.candidates, bytes, i === 0 ? 'out' : 'in', flow.aPort, flow.bPort, final);
    if (outcome === 'wait') {
      this.held[i] = bytes === this.held[i] ? bytes : bytes.slice();
      return;
    }
    this.held[i] = null;
    if (outcome === 'none') {
      this.failed[i] = true;
      if (this.failed[0] && this.failed[1]) this.active = false;
      return;
    }
    flow.app = outcome.decoder.name;
    this.active = false;
  }
}
