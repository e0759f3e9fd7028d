/** Decoding one UDP flow: each datagram is a PDU; the first datagrams choose the decoder by content. */
import type { Flow, FlowSession } from '../../capture/flow.js';
import { probeDecoders } from './probe.js';
import type { DecodeSink } from './session-types.js';
import { decodeContext } from './context.js';
import type { Decoder, DecoderDeps } from '../../decode/types.js';

/** Datagrams looked at before deciding that no decoder knows this flow. */
const PROBE_DATAGRAMS = 4;

export class UdpSession implements FlowSession {
  private decoder: Decoder | null = null;
  private state: unknown = undefined;
  private probes = 0;
  private done = false;

  constructor(
    private readonly candidates: readonly Decoder[],
    private readonly probeOnly: boolean,
    private readonly sink: DecodeSink,
    private readonly deps: DecoderDeps,
  ) {}

  get active(): boolean {
    return !this.done;
  }

  payload(flow: Flow, out: boolean, _seq: number, data: Uint8Array): void {
    if (this.done || data.length === 0) return;
    let decoder = this.decoder;
    if (decoder === null) {
      const outcome = probeDecoders(this.candidates, data, out ? 'out' : 'in', flow.aPort, flow.bPort, true);
      if (typeof outcome === 'string') {
        if (++this.probes >= PROBE_DATAGRAMS) this.done = true;
        return;
      }
      decoder = outcome.decoder;
      this.decoder = decoder;
      flow.app = decoder.name;
      if (this.probeOnly) {
        this.done = true;
        return;
      }
      this.state = decoder.createState ? decoder.createState(this.deps) : undefined;
    }
    const tsMs = this.sink.nowMs();
    const ctx = decodeContext(flow, out, tsMs, this.state);
    try {
      const result = decoder.decode(data, ctx);
      for (const rec of result.records) this.sink.record(flow, out, decoder.name, rec, tsMs);
      for (const issue of result.issues) this.sink.issue(flow, decoder.name, issue);
    } catch (e) {
      this.sink.issue(flow, decoder.name, { code: 'decoder-threw', offset: 0, message: e instanceof Error ? e.message : String(e) });
      this.done = true;
    }
  }

  close(): void {
    this.done = true;
  }
}
