/** An SNMP agent's sysObjectID names its maker through the IANA enterprise number (extract-evidence.ts, vendor-aliases pens). */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../decode/types.js';
import { classifyDevice } from './classify.js';
import { observationsFromRecord } from './extract-evidence.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import { vendorEntry } from './knowledge/validate.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
const snmp = (sysObjectId: unknown, kind = 'response'): ProtocolRecord => ({
  ts: '2026-03-02T08:00:00Z', proto: 'snmp', kind, src: '10.4.0.9', sport: 161, dst: '10.4.0.1', dport: 50000, srcMac: '02:00:00:00:00:09', dstMac: '02:00:00:00:00:01', sysObjectId,
} as ProtocolRecord);
const named = (oid: unknown, kind?: string): string[] => observationsFromRecord(snmp(oid, kind), kb).filter((o) => o.evidence.source === 'snmp.sysObjectId.enterprise').map((o) => o.evidence.value);

describe('sysObjectID enterprise numbers', () => {
  it('names the maker whose subtree the agent reports, enough to fill the vendor alone', () => {
    expect(named('1.3.6.1.4.1.1347.41')).toEqual(['Kyocera']);
    expect(named('1.3.6.1.4.1.318.1.3.27')).toEqual(['APC']);
    expect(named('1.3.6.1.4.1.9.1.2066')).toEqual(['Cisco']);
    expect(named('1.3.6.1.4.1.19816')).toEqual(['Philips']);
    const ev = observationsFromRecord(snmp('1.3.6.1.4.1.12356.101.1.3002'), kb).map((o) => o.evidence);
    expect(classifyDevice(ev, kb, { asOf }).vendor).toBe('Fortinet');
  });

  it('names nobody for generic agents, computer or platform makers, other arcs, odd values or a request', () => {
    expect(named('1.3.6.1.4.1.8072.3.2.10')).toEqual([]); // Net-SNMP on anything
    expect(named('1.3.6.1.4.1.311.1.1.3.1.1')).toEqual([]); // Microsoft's agent on any Windows host
    expect(named('1.3.6.1.4.1.674.10892.5')).toEqual([]); // Dell: a PC/server maker (iDRAC, or a modality's PC)
    expect(named('1.3.6.1.4.1.11.2.3.9.1')).toEqual([]); // HP: a computer maker too
    expect(named('1.3.6.1.2.1.1')).toEqual([]);
    expect(named('1.3.6.1.4.1.')).toEqual([]);
    expect(named('1.3.6.1.4.1.13470')).toEqual([]); // 13470 is not 1347
    expect(named(42)).toEqual([]);
    expect(named('1.3.6.1.4.1.1347.41', 'request')).toEqual([]);
  });

  it('each number belongs to one maker, and bad numbers are refused', () => {
    const owner = new Map<number, string>();
    for (const e of kb.vendorEntries as readonly { canonical: string; pens?: number[] }[]) {
      for (const n of e.pens ?? []) {
        expect(owner.get(n) ?? e.canonical, String(n)).toBe(e.canonical);
        owner.set(n, e.canonical);
      }
    }
    expect(owner.size).toBeGreaterThan(20);
    expect(() => vendorEntry('x.json', 0, { canonical: 'X', kind: 'it', aliases: [], pens: ['9'], source: 's' })).toThrow(/pens/);
    expect(() => vendorEntry('x.json', 0, { canonical: 'X', kind: 'it', aliases: [], pens: [-1], source: 's' })).toThrow(/pens/);
  });
});
