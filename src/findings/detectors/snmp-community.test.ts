/** SnmpCommunityBook: a default community is a finding only when the device answers it. */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../../decode/types.js';
import type { Hit } from './hit.js';
import { MAX_PENDING_REQUESTS, SnmpCommunityBook } from './snmp-community.js';
import { asWireRecord } from '../../decode/records.js';

const T = '2024-03-04T08:00:00.000Z';
const NMS = '10.30.0.5';
const PUMP = '10.20.30.7';

function ask(over: Partial<ProtocolRecord> = {}): ProtocolRecord {
  return { ts: T, proto: 'snmp', kind: 'get', version: '2c', community: 'public', defaultCommunity: true, requestId: 7, src: NMS, sport: 40161, dst: PUMP, dport: 161, ...over };
}

function answer(over: Partial<ProtocolRecord> = {}): ProtocolRecord {
  return { ts: T, proto: 'snmp', kind: 'response', version: '2c', community: 'public', defaultCommunity: true, requestId: 7, errorStatus: 0, src: PUMP, sport: 161, dst: NMS, dport: 40161, ...over };
}

function run(recs: readonly ProtocolRecord[]): string[] {
  const book = new SnmpCommunityBook();
  const out: Hit[] = [];
  for (const r of recs) book.observe(asWireRecord(r), out);
  return out.map((h) => `${h.ip} ${h.key} ${h.severity}`);
}

describe('SNMP default community, proven by an answer', () => {
  it('must fire: the device answered a get with public (high), a set with private without error (critical)', () => {
    expect(run([ask(), answer()])).toEqual([`${PUMP} snmp:public high`]);
    const set = { community: 'private', kind: 'set', requestId: 9 };
    expect(run([ask(set), answer({ community: 'private', requestId: 9 })])).toEqual([`${PUMP} snmp:private critical`]);
    // The set was refused (readOnly, RFC 3416 §4.2.5), but the answer still proves the community is accepted.
    expect(run([ask(set), answer({ community: 'private', requestId: 9, errorStatus: 4 })])).toEqual([`${PUMP} snmp:private high`]);
  });

  it('must fire: an answer from the agent port whose request was not captured', () => {
    expect(run([answer()])).toEqual([`${PUMP} snmp:public high`]);
  });

  it('must not fire: a poller asking with public, get or set, that nobody answered', () => {
    expect(run([ask(), ask({ kind: 'get-next', requestId: 8 }), ask({ kind: 'set', requestId: 9 })])).toEqual([]);
  });

  it('must not fire: traps, a manager acknowledging an inform, another request-id, a non-default community, v3', () => {
    expect(run([ask({ kind: 'trap', pduType: 'trap-v2', src: PUMP, sport: 50000, dst: NMS, dport: 162 })])).toEqual([]);
    const inform = ask({ kind: 'trap', pduType: 'inform', src: PUMP, sport: 50000, dst: NMS, dport: 162, requestId: 3 });
    expect(run([inform, answer({ src: NMS, sport: 162, dst: PUMP, dport: 50000, requestId: 3 })])).toEqual([]);
    expect(run([ask(), answer({ requestId: 8, sport: 1161, dst: NMS, dport: 40161 })])).toEqual([]);
    expect(run([ask({ community: 'S3cret', defaultCommunity: false }), answer({ community: 'S3cret', defaultCommunity: false })])).toEqual([]);
    expect(run([answer({ version: '3' })])).toEqual([]);
  });

  it('holds a bounded number of unanswered requests and survives malformed records', () => {
    const book = new SnmpCommunityBook();
    const out: Hit[] = [];
    for (let i = 0; i < MAX_PENDING_REQUESTS + 10; i++) book.observe(asWireRecord(ask({ kind: 'set', requestId: i })), out);
    // The oldest set was pushed out: its answer counts only as a read; the newest is still known as a set.
    book.observe(asWireRecord(answer({ requestId: 0 })), out);
    book.observe(asWireRecord(answer({ requestId: MAX_PENDING_REQUESTS + 9 })), out);
    expect(out.map((h) => h.severity)).toEqual(['high', 'critical']);
    book.observe(asWireRecord({ ts: 'x', proto: 'snmp', kind: 'response', src: '', sport: null, dst: '', dport: null, defaultCommunity: true, community: 5 }), out);
    expect(out).toHaveLength(2);
  });
});
