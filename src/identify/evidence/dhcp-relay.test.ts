/** DHCP client facts are keyed to the client (dhcp.ts): chaddr with its own address, never a relay agent's. */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../../decode/types.js';
import { observationsFromRecord } from '../extract-evidence.js';
import { loadKnowledgeBase } from '../knowledge/load-kb.js';

const kb = loadKnowledgeBase();
const CLIENT = '00:26:73:aa:bb:01';
const ROUTER = '4c:5e:0c:00:00:01';
const request = (over: Record<string, unknown>): ProtocolRecord => ({
  ts: '2026-03-02T08:00:00Z', proto: 'dhcp', kind: 'request', xid: '0000abcd', src: '0.0.0.0', dst: '255.255.255.255', sport: 68, dport: 67, clientMac: CLIENT, vendorClass: 'RicohPrinter', ...over,
});
const keysOf = (rec: ProtocolRecord): string[] => [...new Set(observationsFromRecord(rec, kb).map((o) => `${o.key.mac ?? '-'}|${o.key.ip ?? '-'}`))];

describe('relayed DHCP (giaddr set): the client MAC goes with the client\'s address', () => {
  it('fires: a relayed REQUEST keys chaddr to the address it asks for, a relayed renewal to ciaddr', () => {
    const relayed = request({ src: '10.40.90.1', srcMac: ROUTER, dst: '10.40.0.10', sport: 67, relayIp: '10.40.90.1', requestedIp: '10.40.90.110' });
    expect(keysOf(relayed)).toEqual([`${CLIENT}|10.40.90.110`]);
    expect(keysOf({ ...relayed, requestedIp: undefined, clientIp: '10.40.90.111' })).toEqual([`${CLIENT}|10.40.90.111`]);
    // A DISCOVER says no address yet: the MAC alone, never the relay's address.
    expect(keysOf({ ...relayed, kind: 'discover', requestedIp: undefined })).toEqual([`${CLIENT}|-`]);
  });

  it('must not fire: a client on the segment keeps its own source address, or the one it asks for from 0.0.0.0', () => {
    expect(keysOf(request({ src: '10.40.90.110', srcMac: CLIENT, dst: '10.40.0.10' }))).toEqual([`${CLIENT}|10.40.90.110`]);
    expect(keysOf(request({ src: '0.0.0.0', srcMac: CLIENT, dst: '255.255.255.255', requestedIp: '10.40.90.112' }))).toEqual([`${CLIENT}|10.40.90.112`]);
  });
});
