/** One direction of a claimed TCP flow: buffers reassembled bytes, frames PDUs with the decoder, skips bodies. */
import type { Decoder, Direction, FrameResult } from '../../decode/types.js';

/** A PDU that never frames within this many bytes is garbage, not a PDU: give up on the direction. */
export const MAX_BUFFERED_PDU = 8 * 1024 * 1024;

/** Shared empty buffer: most directions never buffer anything, so they allocate nothing. */
const EMPTY = new Uint8Array(0);

export class TcpDirection {
  private buf = EMPTY;
  private len = 0;
  /** Bytes still to discard (a body the decoder does not need). */
  skip = 0;
  stopped = false;
  /** Bytes seen before a decoder claimed the flow, kept for probing (bounded). */
  probeBytes = EMPTY;
  probeLen = 0;

  constructor(readonly direction: Direction) {}

  appendProbe(bytes: Uint8Array, max: number): void {
    const take = Math.min(bytes.length, max - this.probeLen);
    if (take <= 0) return;
    if (this.probeBytes.length < this.probeLen + take) {
      const grown = new Uint8Array(Math.min(max, Math.max(256, (this.probeLen + take) * 2)));
      grown.set(this.probeBytes.subarray(0, this.probeLen));
      this.probeBytes = grown;
    }
    this.probeBytes.set(bytes.subarray(0, take), this.probeLen);
    this.probeLen += take;
  }

  get probeView(): Uint8Array {
    return this.probeBytes.subarray(0, this.probeLen);
  }

  /**
   * Feed in-order bytes; `onPdu` gets each framed PDU (a view valid during the call). Returns an error message
   * when the direction cannot be framed any more.
   */
  feed(bytes: Uint8Array, decoder: Decoder, state: unknown, onPdu: (pdu: Uint8Array) => void): string | null {
    if (this.stopped) return null;
    let data = bytes;
    if (this.skip > 0) {
      const n = Math.min(this.skip, data.length);
      this.skip -= n;
      data = data.subarray(n);
      if (data.length === 0) return null;
    }
    if (decoder.frame === undefined) {
      onPdu(data);
      return null;
    }
    // Fast path: nothing buffered, so frame straight from the caller's view and copy only a partial tail.
    let view: Uint8Array;
    if (this.len === 0) view = data;
    else {
      this.append(data);
      view = this.buf.subarray(0, this.len);
    }
    let consumed = 0;
    while (consumed < view.length) {
      const rest = view.subarray(consumed);
      let r: FrameResult;
      try {
        r = decoder.frame(rest, this.direction, state);
      } catch {
        r = { error: 'framing threw' };
      }
      if ('error' in r) {
        this.stopped = true;
        this.len = 0;
        return r.error;
      }
      if ('need' in r) {
        if (r.need > MAX_BUFFERED_PDU) {
          this.stopped = true;
          this.len = 0;
          return `pdu of ${r.need} bytes exceeds the ${MAX_BUFFERED_PDU}-byte framing limit`;
        }
        break;
      }
      const pduLength = Math.max(1, Math.min(r.pduLength, rest.length));
      onPdu(rest.subarray(0, pduLength));
      consumed += pduLength;
      const skip = r.skip ?? 0;
      if (skip > 0) {
        const n = Math.min(skip, view.length - consumed);
        consumed += n;
        this.skip = skip - n;
      }
    }
    this.keepTail(view, consumed);
    return null;
  }

  private keepTail(view: Uint8Array, consumed: number): void {
    const tail = view.length - consumed;
    if (tail <= 0) {
      this.len = 0;
      return;
    }
    if (view.buffer === this.buf.buffer && view.byteOffset === this.buf.byteOffset) {
      this.buf.copyWithin(0, consumed, consumed + tail);
      this.len = tail;
      return;
    }
    this.len = 0;
    this.append(view.subarray(consumed));
  }

  private append(bytes: Uint8Array): void {
    const need = this.len + bytes.length;
    if (this.buf.length < need) {
      const grown = new Uint8Array(Math.max(4096, need * 2));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(bytes, this.len);
    this.len = need;
  }

  isStopped(): boolean {
    return this.stopped;
  }

  /** Bytes were lost: a partial PDU can no longer be framed. */
  gap(length: number): boolean {
    if (this.skip >= length) {
      this.skip -= length;
      return true;
    }
    this.stopped = true;
    this.len = 0;
    return false;
  }

  release(): void {
    this.buf = EMPTY;
    this.probeBytes = EMPTY;
    this.len = this.probeLen = 0;
  }
}
