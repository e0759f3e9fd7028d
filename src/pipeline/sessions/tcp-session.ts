/**
 * Decoding one TCP flow: per-direction reassembly, content probing until a decoder claims the flow, then framing
 * and decoding up to the depth limit. Unclaimed flows stop being reassembled, so they cost almost nothing.
 */
import type { Flow, FlowSession } from '../../capture/flow.js';
import { TcpFlag } from '../../capture/packet-info.js';
import { StreamReassembler, type ReassemblyBudget } from '../../capture/reassembly/index.js';
import { probeDecoders } from './probe.js';
import type { DecodeOptions, DecodeSink } from './session-types.js';
import { TcpDirection } from './tcp-direction.js';
import { decodeContext } from './context.js';
import type { Decoder, DecoderDeps, Direction } from '../../decode/types.js';

/** Bytes of each direction looked at before giving up on naming the protocol. */
export const PROBE_LIMIT = 2048;

const Phase = { Probing: 0, Claimed: 1, Done: 2 } as const;
type Phase = (typeof Phase)[keyof typeof Phase];

export class TcpSession implements FlowSession {
  private phase: Phase = Phase.Probing;
  private decoder: Decoder | null = null;
  private state: unknown = undefined;
  private readonly dirs: [TcpDirection, TcpDirection] = [new TcpDirection('out'), new TcpDirection('in')];
  private readonly reasm: [StreamReassembler | null, StreamReassembler | null] = [null, null];
  /** Directions whose first bytes no decoder recognised. */
  private readonly probeFailed: [boolean, boolean] = [false, false];
  private flow: Flow | null = null;

  constructor(
    private readonly candidates: readonly Decoder[],
    private readonly budget: ReassemblyBudget,
    private readonly options: DecodeOptions,
    private readonly sink: DecodeSink,
    private readonly deps: DecoderDeps,
  ) {}

  get active(): boolean {
    return this.phase !== Phase.Done;
  }

  payload(flow: Flow, out: boolean, seq: number, data: Uint8Array, flags: number): void {
    if (this.phase === Phase.Done) return;
    this.flow = flow;
    const i = out ? 0 : 1;
    let r = this.reasm[i];
    if (r === null) {
      r = this.makeReassembler(i);
      this.reasm[i] = r;
    }
    if ((flags & TcpFlag.Syn) !== 0) r.syn(seq);
    else if (data.length > 0) r.segment(seq, data);
    if ((flags & TcpFlag.Fin) !== 0) r.fin((seq + data.length) | 0);
  }

  close(flow: Flow): void {
    this.flow = flow;
    for (const r of this.reasm) r?.close();
    if (this.phase === Phase.Probing) {
      // End of flow: decide with what we have (a short exchange may never reach 16 bytes).
      for (const i of [0, 1] as const) if (this.dirs[i].probeLen > 0 && this.stillProbing()) this.probe(i, true);
    }
    this.finish();
  }

  private makeReassembler(i: 0 | 1): StreamReassembler {
    const dir = this.dirs[i];
    return new StreamReassembler(
      this.budget,
      { depthLimit: this.options.depthLimitBytes, maxOutOfOrderBytes: this.options.maxOutOfOrderBytes },
      {
        data: (bytes) => {
          this.data(i, bytes);
        },
        gap: (length) => {
          if (this.phase === Phase.Claimed && !dir.gap(length)) this.issue(dir.direction, 'stream-gap', `${length} bytes missing in the stream`);
          if (this.phase === Phase.Probing) this.probeFailed[i] = true;
        },
      },
    );
  }

  private data(i: 0 | 1, bytes: Uint8Array): void {
    const dir = this.dirs[i];
    if (this.phase === Phase.Claimed) {
      this.feed(dir, bytes);
      return;
    }
    if (this.phase !== Phase.Probing || this.probeFailed[i]) return;
    const before = dir.probeLen;
    dir.appendProbe(bytes, PROBE_LIMIT);
    const taken = dir.probeLen - before;
    this.probe(i, dir.probeLen >= PROBE_LIMIT);
    // A first chunk bigger than the probe window: what the window did not hold follows the claimed bytes.
    if ((this.phase as Phase) === Phase.Claimed && taken < bytes.length) this.feed(dir, bytes.subarray(taken));
  }

  private probe(i: 0 | 1, final: boolean): void {
    const dir = this.dirs[i];
    const f = this.flow;
    if (f === null) return;
    const outcome = probeDecoders(this.candidates, dir.probeView, dir.direction, f.aPort, f.bPort, final);
    if (outcome === 'wait') return;
    if (outcome === 'none') {
      this.probeFailed[i] = true;
      const other = this.dirs[1 - i];
      if (this.probeFailed[1 - i] || (other !== undefined && other.probeLen >= PROBE_LIMIT)) this.giveUp();
      return;
    }
    this.claim(outcome.decoder);
  }

  private claim(decoder: Decoder): void {
    this.decoder = decoder;
    this.phase = Phase.Claimed;
    if (this.flow !== null) this.flow.app = decoder.name;
    if (this.options.mode === 'probe') {
      this.finish();
      return;
    }
    this.state = decoder.createState ? decoder.createState(this.deps) : undefined;
    for (const dir of this.dirs) {
      if (dir.probeLen > 0) {
        const pending = dir.probeBytes.slice(0, dir.probeLen);
        dir.probeLen = 0;
        this.feed(dir, pending);
      }
    }
  }

  private feed(dir: TcpDirection, bytes: Uint8Array): void {
    const decoder = this.decoder;
    if (decoder === null || dir.stopped) return;
    const err = dir.feed(bytes, decoder, this.state, (pdu) => {
      this.decode(decoder, dir.direction, pdu);
    });
    if (err !== null) this.issue(dir.direction, 'framing', err);
    if (dir.isStopped()) {
      this.reasm[dir.direction === 'out' ? 0 : 1]?.stop();
      if (this.dirs[0].stopped && this.dirs[1].stopped) this.finish();
    }
  }

  private decode(decoder: Decoder, direction: Direction, pdu: Uint8Array): void {
    const f = this.flow;
    if (f === null) return;
    const out = direction === 'out';
    const tsMs = this.sink.nowMs();
    const ctx = decodeContext(f, out, tsMs, this.state);
    try {
      const result = decoder.decode(pdu, ctx);
      // A record of what the client did (a login the server's reply confirmed) names the client as src (docs/architecture.md).
      for (const rec of result.records) this.sink.record(f, rec.actor === 'client' ? true : out, decoder.name, rec, tsMs);
      for (const issue of result.issues) this.sink.issue(f, decoder.name, issue);
    } catch (e) {
      // A throw is a bug in our decoder; the capture goes on without this flow's decoding.
      this.sink.issue(f, decoder.name, { code: 'decoder-threw', offset: 0, message: e instanceof Error ? e.message : String(e) });
      this.finish();
    }
  }

  /** Re-reads the phase after calls that may have changed it (a probe can claim the flow). */
  private stillProbing(): boolean {
    return this.phase === Phase.Probing;
  }

  private issue(direction: Direction, code: string, message: string): void {
    if (this.flow !== null) this.sink.issue(this.flow, this.decoder?.name ?? 'tcp', { code, offset: 0, message: `${direction}: ${message}` });
  }

  private giveUp(): void {
    this.finish();
  }

  private finish(): void {
    if (this.phase === Phase.Done) return;
    this.phase = Phase.Done;
    for (const r of this.reasm) r?.stop();
    for (const d of this.dirs) d.release();
  }
}
