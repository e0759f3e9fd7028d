/** ASTM E1381 / E1394 (CLSI LIS1-A / LIS2-A2) analyzer traffic: the decoder descriptor; patient values dropped. */
import { latin1 } from '../common/byte-cursor.js';
import type { DecodeContext, DecodeIssue, DecodeResult, Decoder } from '../types.js';
import { CR, EOT, ETB, frameAstm, frameEnd, lineEnd, LF, MAX_FRAME, probeAstm, STX } from './e1381-frame.js';
import { isHeaderRecord, noteRecord, parseHeader } from './parse-records.js';
import type { AstmDirectionState, AstmFlowState, AstmHeaderRecord } from './types.js';

/** Record text kept while a record spans ETB frames. */
const MAX_PARTIAL = 64 * 1024;

function newDirection(): AstmDirectionState {
  return { partial: '', message: null, checksumErrors: 0, delimiters: '|\\^&', patientNamed: false };
}

export function createAstmState(): AstmFlowState {
  return { out: newDirection(), in: newDirection() };
}

function isFlowState(s: unknown): s is AstmFlowState {
  return typeof s === 'object' && s !== null && 'out' in s && 'in' in s;
}

class Walker {
  readonly records: AstmHeaderRecord[] = [];
  readonly issues: DecodeIssue[] = [];
  constructor(private readonly dir: AstmDirectionState) {}

  /** Close the open message (at L, EOT or a new H). */
  finish(complete: boolean): void {
    const m = this.dir.message;
    if (m === null) return;
    m.checksumErrors = this.dir.checksumErrors;
    if (!complete) m.incomplete = true;
    this.records.push(m);
    this.dir.message = null;
    this.dir.checksumErrors = 0;
  }

  record(raw: string, framing: 'e1381' | 'none'): void {
    const t = raw.replace(/^[\s\n]+/, '');
    if (t.length === 0) return;
    if (isHeaderRecord(t)) {
      this.finish(false);
      this.dir.message = parseHeader(t, framing);
      this.dir.delimiters = t.slice(1, 5);
      this.dir.patientNamed = false;
      return;
    }
    const m = this.dir.message;
    if (m === null) return; // records of a message whose header we did not see
    noteRecord(m, t, this.dir);
    if (t[0] === 'L') this.finish(true);
  }

  /** Text of one frame: records end with CR; an ETB frame may end inside a record. */
  frameText(text: string, last: boolean): void {
    let s = this.dir.partial + text;
    this.dir.partial = '';
    for (let guard = 0; guard < MAX_FRAME; guard++) {
      const cr = s.indexOf('\r');
      if (cr < 0) break;
      this.record(s.slice(0, cr), 'e1381');
      s = s.slice(cr + 1);
    }
    if (last) this.record(s, 'e1381');
    else if (s.length <= MAX_PARTIAL) this.dir.partial = s;
    else this.issues.push({ code: 'astm-record-too-long', offset: 0, message: 'record longer than 64 KiB across ETB frames' });
  }

  walk(pdu: Uint8Array): void {
    let i = 0;
    for (let guard = 0; i < pdu.length && guard <= pdu.length; guard++) {
      const b = pdu[i];
      if (b === STX) i = this.frame(pdu, i);
      else if (b === EOT) {
        this.finish(false);
        this.dir.partial = '';
        i++;
      } else if (b !== undefined && b < 0x20) i++; // ENQ, ACK, NAK, CR, LF
      else {
        const eol = lineEnd(pdu, i, pdu.length);
        const end = eol < 0 ? pdu.length : eol;
        this.record(latin1(pdu.subarray(i, Math.min(end, i + MAX_FRAME))), 'none');
        i = end + 1;
      }
    }
  }

  private frame(pdu: Uint8Array, at: number): number {
    const term = frameEnd(pdu, at + 1, Math.min(pdu.length, at + MAX_FRAME));
    if (term < 0) {
      this.issues.push({ code: 'astm-frame-truncated', offset: at, message: 'E1381 frame without ETX/ETB' });
      return pdu.length;
    }
    // E1381 §6.3.1: checksum = sum of FN … ETX/ETB modulo 256, two upper-case hex digits.
    let sum = 0;
    for (let j = at + 1; j <= term; j++) sum = (sum + (pdu[j] ?? 0)) & 0xff;
    const got = String.fromCharCode(pdu[term + 1] ?? 0, pdu[term + 2] ?? 0).toUpperCase();
    if (got !== sum.toString(16).toUpperCase().padStart(2, '0')) this.dir.checksumErrors++;
    this.frameText(latin1(pdu.subarray(Math.min(at + 2, term), term)), pdu[term] !== ETB);
    let next = Math.min(pdu.length, term + 3);
    if (pdu[next] === CR) next++;
    if (pdu[next] === LF) next++;
    return next;
  }
}

export function decodeAstm(pdu: Uint8Array, ctx: DecodeContext): DecodeResult<AstmHeaderRecord> {
  const state = isFlowState(ctx.state) ? ctx.state : createAstmState();
  const w = new Walker(state[ctx.direction]);
  w.walk(pdu);
  return { records: w.records, issues: w.issues };
}

export const astmDecoder: Decoder<AstmHeaderRecord> = {
  name: 'astm',
  transport: 'tcp',
  // No IANA port: analyzers and middleware are configured per site; content decides.
  ports: [],
  probe: (payload: Uint8Array) => probeAstm(payload),
  frame: (buf: Uint8Array) => frameAstm(buf),
  decode: decodeAstm,
  createState: createAstmState,
};

