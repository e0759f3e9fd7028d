/** Unit tests for TCP stream reassembly: order, overlaps, wraparound, gaps, FIN, depth, stop, odd input. */
import { describe, expect, it } from 'vitest';
import { ReassemblyBudget } from './reassembly-budget.js';
import { MAX_SEQ_JUMP, StreamReassembler } from './stream-reassembler.js';
import { RecordingSink, ascii } from './test-support/recording-sink.js';
import type { ReassemblerOptions } from './types.js';

function setup(options: Partial<ReassemblerOptions> = {}, capBytes = 1 << 20) {
  const budget = new ReassemblyBudget(capBytes);
  const sink = new RecordingSink();
  const r = new StreamReassembler(budget, { depthLimit: 0, maxOutOfOrderBytes: 1 << 16, ...options }, sink);
  return { budget, sink, r };
}

/** All orderings of `items`. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('in order', () => {
  it('passes each segment to the sink as the very same view, without buffering', () => {
    const { budget, sink, r } = setup();
    r.syn(1000);
    const segs = [ascii('GET '), ascii('/ HTTP/1.1\r\n'), ascii('\r\n')];
    let seq = 1001;
    for (const s of segs) {
      r.segment(seq, s);
      seq += s.length;
      expect(budget.used).toBe(0);
    }
    expect(sink.views).toEqual(segs);
    segs.forEach((s, i) => {
      expect(sink.views[i]).toBe(s);
    });
    expect(sink.text()).toBe('GET / HTTP/1.1\r\n\r\n');
    expect(r.delivered).toBe(18);
    expect(r.gapBytes).toBe(0);
  });

  it('starts at the first segment when no SYN was seen', () => {
    const { sink, r } = setup();
    r.segment(555, ascii('abc'));
    r.segment(558, ascii('def'));
    r.segment(550, ascii('zzzzzabc')); // before the start: old
    expect(sink.text()).toBe('abcdef');
  });

  it('ignores a SYN after the stream started, and the SYN sequence number itself', () => {
    const { sink, r } = setup();
    r.syn(99);
    r.syn(5000);
    r.segment(99, ascii('Xabc')); // byte at the ISN is not stream data
    expect(sink.text()).toBe('abc');
  });
});

describe('out of order', () => {
  const parts = ['ab', 'cde', 'f', 'ghij'];
  const seqs = [1, 3, 6, 7];
  it.each(permutations([0, 1, 2, 3]).map((order) => ({ order })))('reassembles arrival order $order', ({ order }) => {
    const { budget, sink, r } = setup();
    r.syn(0);
    for (const i of order) r.segment(seqs[i] ?? 0, ascii(parts[i] ?? ''));
    expect(sink.text()).toBe('abcdefghij');
    expect(sink.events.every((e) => e.kind === 'data')).toBe(true);
    expect(budget.used).toBe(0);
    expect(r.pendingBytes).toBe(0);
  });

  it('holds bytes in the budget until the hole fills', () => {
    const { budget, sink, r } = setup();
    r.syn(0);
    r.segment(5, ascii('world'));
    expect(budget.used).toBe(5);
    expect(sink.events).toHaveLength(0);
    r.segment(1, ascii('hell'));
    r.segment(6, ascii('!'));
    expect(sink.text()).toBe('hellworld');
    expect(budget.used).toBe(0);
  });
});

describe('retransmissions and overlaps: the first copy wins', () => {
  it('ignores a retransmission of delivered bytes with other content', () => {
    const { sink, r } = setup();
    r.syn(0);
    r.segment(1, ascii('abc'));
    r.segment(1, ascii('XYZ'));
    r.segment(4, ascii('d'));
    expect(sink.text()).toBe('abcd');
  });

  it('keeps the first held copy of out-of-order bytes', () => {
    const { budget, sink, r } = setup();
    r.syn(0);
    r.segment(4, ascii('def'));
    r.segment(4, ascii('DEFGH'));
    expect(budget.used).toBe(5);
    r.segment(1, ascii('abc'));
    expect(sink.text()).toBe('abcdefGH');
  });

  it('lets held bytes win over an in-order segment that covers them', () => {
    const { sink, r } = setup();
    r.syn(0);
    r.segment(6, ascii('fgh'));
    r.segment(12, ascii('l'));
    r.segment(1, ascii('ABCDEFGHIJKLMN'));
    expect(sink.text()).toBe('ABCDEfghIJKlMN');
  });

  it('delivers only the new tail of a partially old segment', () => {
    const { sink, r } = setup();
    r.syn(0);
    r.segment(1, ascii('abcde'));
    r.segment(4, ascii('XXfgh'));
    expect(sink.text()).toBe('abcdefgh');
    expect(r.delivered).toBe(8);
  });

  it('splits a new out-of-order segment around held runs', () => {
    const { budget, sink, r } = setup();
    r.syn(0);
    r.segment(4, ascii('d'));
    r.segment(7, ascii('gh'));
    r.segment(3, ascii('CDEFGHIJ'));
    expect(budget.used).toBe(8);
    r.segment(1, ascii('ab'));
    expect(sink.text()).toBe('abCdEFghIJ');
    expect(budget.used).toBe(0);
  });
});

describe('sequence wraparound', () => {
  it('runs across 2^32 in order and out of order', () => {
    const { budget, sink, r } = setup();
    r.syn(0xfffffff9); // stream starts at 0xfffffffa: six bytes before the wrap
    r.segment(2, ascii('ijk')); // after the wrap, ahead
    r.segment(0xfffffffa, ascii('abcd'));
    expect(budget.used).toBe(3);
    r.segment(0xfffffffe, ascii('efgh')); // crosses the wrap
    expect(sink.text()).toBe('abcdefghijk');
    expect(budget.used).toBe(0);
  });

  it('accepts sequence numbers given as signed 32-bit values', () => {
    const { sink, r } = setup();
    r.syn(-3); // 0xfffffffd
    r.segment(-2, ascii('ab'));
    r.segment(0, ascii('cd'));
    r.fin(2);
    expect(sink.text()).toBe('abcd');
    expect(r.ended).toBe(true);
  });

  it('starts exactly at the wrap when the ISN is 0xffffffff', () => {
    const { sink, r } = setup();
    r.syn(0xffffffff);
    r.segment(0, ascii('x'));
    expect(sink.text()).toBe('x');
  });
});

describe('gaps', () => {
  it('gives up the earliest hole when the direction holds too much', () => {
    const { budget, sink, r } = setup({ maxOutOfOrderBytes: 6 });
    r.syn(0);
    r.segment(1, ascii('ab'));
    r.segment(6, ascii('fgh'));
    r.segment(11, ascii('klm')); // 6 held: still fits
    expect(sink.text()).toBe('ab');
    r.segment(16, ascii('pq')); // would be 8: skip hole [3,6), deliver fgh
    expect(sink.text()).toBe('ab___fgh');
    expect(r.gapBytes).toBe(3);
    expect(budget.used).toBe(5);
    r.segment(3, ascii('cde')); // the given-up bytes arrive late: ignored
    r.close();
    expect(sink.text()).toBe('ab___fgh__klm__pq');
    expect(r.delivered + r.gapBytes).toBe(17);
    expect(budget.used).toBe(0);
  });

  it('gives up the earliest hole when the direction holds too many runs', () => {
    const { budget, sink, r } = setup({ maxOutOfOrderSegments: 2 });
    r.syn(0);
    r.segment(3, ascii('c'));
    r.segment(5, ascii('e'));
    expect(r.pendingSegments).toBe(2);
    r.segment(7, ascii('g')); // a third run: skip [1,3), deliver c
    expect(sink.text()).toBe('__c');
    expect(r.pendingSegments).toBe(2);
    r.segment(6, ascii('FGHIJ')); // split around g into F and HIJ: 4 runs, so give up [4,5) and deliver all
    expect(sink.text()).toBe('__c_eFgHIJ');
    expect(r.pendingSegments).toBe(0);
    r.close();
    expect(sink.text()).toBe('__c_eFgHIJ');
    expect(budget.used).toBe(0);
  });

  it('delivers a segment after a gap when it alone is over the cap', () => {
    const { budget, sink, r } = setup({ maxOutOfOrderBytes: 2 });
    r.syn(0);
    r.segment(4, ascii('defg'));
    expect(sink.text()).toBe('___defg');
    expect(budget.used).toBe(0);
  });

  it('turns holes into gaps on close, up to the FIN', () => {
    const { budget, sink, r } = setup();
    r.syn(0);
    r.segment(1, ascii('a'));
    r.segment(4, ascii('de'));
    r.segment(9, ascii('i'));
    r.fin(12);
    r.close();
    expect(sink.text()).toBe('a__de___i__');
    expect(r.ended).toBe(true);
    expect(r.stopped).toBe(true);
    expect(budget.used).toBe(0);
  });

  it('reports no trailing gap on close without a FIN', () => {
    const { sink, r } = setup();
    r.syn(0);
    r.segment(1, ascii('ab'));
    r.close();
    r.segment(3, ascii('cd'));
    expect(sink.text()).toBe('ab');
  });
});

describe('FIN', () => {
  it('ends the stream at the FIN and ignores bytes past it', () => {
    const { budget, sink, r } = setup();
    r.syn(0);
    r.segment(5, ascii('efghij'));
    r.fin(8); // the stream is 7 bytes: held bytes from 8 on are dropped
    expect(budget.used).toBe(3);
    r.segment(1, ascii('abcd'));
    expect(sink.text()).toBe('abcdefg');
    expect(r.ended).toBe(true);
    expect(r.stopped).toBe(true);
    expect(budget.used).toBe(0);
  });

  it('keeps a FIN that arrives before the first segment when there was no SYN', () => {
    const { sink, r } = setup();
    r.fin(13);
    r.segment(10, ascii('abc'));
    expect(sink.text()).toBe('abc');
    expect(r.ended).toBe(true);
  });

  it('forgets a FIN before the first segment that contradicts it, and never reports a gap for an unstarted stream', () => {
    const first = setup();
    first.r.fin(5);
    first.r.segment(10, ascii('abc'));
    first.r.close();
    expect(first.sink.text()).toBe('abc');
    const empty = setup();
    empty.r.fin(1 << 20);
    empty.r.close();
    expect(empty.sink.events).toHaveLength(0);
  });

  it('ignores a FIN before delivered bytes or absurdly far ahead', () => {
    const { sink, r } = setup();
    r.syn(0);
    r.segment(1, ascii('abcd'));
    r.fin(2);
    r.fin(5 + MAX_SEQ_JUMP + 1);
    r.segment(5, ascii('e'));
    r.fin(6);
    expect(sink.text()).toBe('abcde');
    expect(r.ended).toBe(true);
  });
});

describe('depth limit', () => {
  it('delivers up to the limit and then stops', () => {
    const { budget, sink, r } = setup({ depthLimit: 10 });
    r.syn(0);
    r.segment(1, ascii('abcdef'));
    r.segment(12, ascii('lmn')); // past the depth: not even held
    expect(budget.used).toBe(0);
    r.segment(7, ascii('ghijk'));
    expect(sink.text()).toBe('abcdefghij');
    expect(r.depthReached).toBe(true);
    expect(r.stopped).toBe(true);
    r.segment(11, ascii('k'));
    r.close();
    expect(r.delivered).toBe(10);
  });

  it('stops exactly at the limit when a segment ends on it', () => {
    const { sink, r } = setup({ depthLimit: 4 });
    r.syn(0);
    r.segment(1, ascii('abcd'));
    expect(r.depthReached).toBe(true);
    expect(sink.views[0]?.length).toBe(4);
  });

  it('counts gaps toward the depth', () => {
    const { sink, r } = setup({ depthLimit: 8, maxOutOfOrderBytes: 0 });
    r.syn(0);
    r.segment(1, ascii('ab'));
    r.segment(6, ascii('fghijk'));
    expect(sink.text()).toBe('ab___fgh');
    expect(r.depthReached).toBe(true);
  });

  it('clips held bytes to the depth', () => {
    const { budget, r } = setup({ depthLimit: 6 });
    r.syn(0);
    r.segment(4, ascii('defghijk'));
    expect(budget.used).toBe(3);
    r.stop();
    expect(budget.used).toBe(0);
  });
});

describe('stop', () => {
  it('frees held bytes and ignores later segments', () => {
    const { budget, sink, r } = setup();
    r.syn(0);
    r.segment(5, ascii('efgh'));
    r.stop();
    expect(budget.used).toBe(0);
    r.segment(1, ascii('abcd'));
    r.fin(9);
    r.close();
    expect(sink.events).toHaveLength(0);
    expect(r.stopped).toBe(true);
    expect(r.depthReached).toBe(false);
  });

  it('may be called by the sink while held runs are being delivered', () => {
    const { budget, sink, r } = setup();
    r.syn(0);
    r.segment(3, ascii('c'));
    r.segment(4, ascii('d'));
    r.segment(6, ascii('f'));
    sink.onEvent = () => {
      if (sink.position >= 3) r.stop();
    };
    r.segment(1, ascii('ab'));
    expect(sink.text()).toBe('abc');
    expect(budget.used).toBe(0);
  });

  it('may be called by the sink from gap()', () => {
    const { budget, sink, r } = setup({ maxOutOfOrderBytes: 1 });
    r.syn(0);
    r.segment(3, ascii('c'));
    sink.onEvent = () => {
      r.stop();
    };
    r.segment(5, ascii('e'));
    expect(sink.text()).toBe('__');
    expect(budget.used).toBe(0);
  });
});

describe('odd input never throws', () => {
  it('ignores empty payloads, far-future garbage and far-past segments', () => {
    const { budget, sink, r } = setup();
    r.segment(7, new Uint8Array(0)); // does not even start the stream
    r.syn(0);
    r.segment(1, new Uint8Array(0));
    r.segment(1 + MAX_SEQ_JUMP + 1, ascii('garbage'));
    r.segment(0x80000000, ascii('garbage'));
    r.segment(1 - MAX_SEQ_JUMP, ascii('old'));
    expect(budget.used).toBe(0);
    r.segment(1, ascii('ok'));
    r.close();
    expect(sink.text()).toBe('ok');
  });

  it('accepts a segment exactly MAX_SEQ_JUMP ahead and reports the hole on close', () => {
    const { budget, sink, r } = setup();
    r.syn(0);
    r.segment(1 + MAX_SEQ_JUMP, ascii('z'));
    expect(budget.used).toBe(1);
    r.close();
    expect(r.gapBytes).toBe(MAX_SEQ_JUMP);
    expect(sink.events.at(-1)).toEqual({ kind: 'data', pos: MAX_SEQ_JUMP, bytes: ascii('z') });
  });

  it('treats bad option values as safe limits', () => {
    const budget = new ReassemblyBudget(Number.NaN);
    const sink = new RecordingSink();
    const r = new StreamReassembler(budget, { depthLimit: -5, maxOutOfOrderBytes: -1 }, sink);
    r.syn(0);
    r.segment(3, ascii('c'));
    r.segment(1, ascii('a'));
    expect(sink.text()).toBe('__c');
    expect(budget.capBytes).toBe(0);
    expect(budget.used).toBe(0);
  });
});
