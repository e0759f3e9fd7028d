/** Blast radius over a small hospital and generated graphs: direction, hop bound, cycles, order and reasons. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeviceCategory } from '../identify/types.js';
import { blastRadius, DEFAULT_MAX_HOPS, type ReachedDevice } from './blast-radius.js';
import { appConduit as conduit, device } from './test-support/fixtures.js';
import type { ConduitJson, SegmentDevice } from './types.js';

const devices = [
  device('ws-1', 'it'),
  device('ct-1', 'imaging'),
  device('pacs', 'imaging-infrastructure'),
  device('vna', 'imaging-infrastructure'),
  device('mon-1', 'patient-monitoring'),
  device('mon-2', 'patient-monitoring'),
  device('hl7', 'clinical-system'),
  device('ehr', 'clinical-system'),
  device('db', 'it'),
  device('pump-12', 'infusion'),
];

const hospital = [
  conduit('ws-1', 'pacs', 104, 'dicom'),
  conduit('ws-1', 'ehr', 443, 'http'),
  conduit('ct-1', 'pacs', 104, 'dicom'),
  conduit('pacs', 'vna', 104, 'dicom'),
  conduit('mon-1', 'hl7', 2575, 'hl7'),
  conduit('mon-2', 'hl7', 2575, 'hl7'),
  conduit('hl7', 'ehr', 2575, 'hl7'),
  conduit('ehr', 'db', 1433, null),
];

const summary = (rs: readonly ReachedDevice[]): [string, number, string][] => rs.map((r) => [r.id, r.hops, r.via.from]);

describe('blastRadius', () => {
  it('follows a monitor through the HL7 engine to the EHR and its database', () => {
    const out = blastRadius('mon-1', hospital, devices);
    expect(out.origin).toBe('mon-1');
    expect(out.reached).toEqual<ReachedDevice[]>([
      { id: 'hl7', label: 'HL7', zone: 'clinical-system', hops: 1, via: { proto: 'tcp', port: 2575, app: 'hl7', from: 'mon-1' } },
      { id: 'ehr', label: 'EHR', zone: 'clinical-system', hops: 2, via: { proto: 'tcp', port: 2575, app: 'hl7', from: 'hl7' } },
      { id: 'db', label: 'DB', zone: 'it', hops: 3, via: { proto: 'tcp', port: 1433, app: null, from: 'ehr' } },
    ]);
    expect(out.byZone).toEqual({ 'clinical-system': 2, it: 1 });
    expect(out.reasons).toEqual([
      'MON-1 (patient-monitoring) opened tcp/2575 (hl7) to 1 device in 1 hop.',
      'Reaches 2 clinical-system devices, 1 it device within 3 hops.',
      'By distance: 1 at 1 hop, 1 at 2 hops, 1 at 3 hops.',
    ]);
  });

  it('does not let a compromised server reach its clients', () => {
    const pacs = blastRadius('pacs', hospital, devices);
    expect(summary(pacs.reached)).toEqual([['vna', 1, 'pacs']]);
    const hl7 = blastRadius('hl7', hospital, devices);
    expect(hl7.reached.map((r) => r.id)).toEqual(['ehr', 'db']);
    expect(hl7.reached.map((r) => r.id)).not.toContain('mon-1');
  });

  it('stops at the hop bound and says how many devices lie just past it', () => {
    const out = blastRadius('mon-1', hospital, devices, { maxHops: 2 });
    expect(summary(out.reached)).toEqual([
      ['hl7', 1, 'mon-1'],
      ['ehr', 2, 'hl7'],
    ]);
    expect(out.reasons).toContain('Reaches 2 clinical-system devices within 2 hops.');
    expect(out.reasons).toContain('1 more device one hop past the 2-hop bound was not followed.');
    expect(blastRadius('mon-1', hospital, devices, { maxHops: 1 }).reached.map((r) => r.id)).toEqual(['hl7']);
    expect(DEFAULT_MAX_HOPS).toBe(3);
  });

  it('reaches nothing at zero hops, yet tells what the origin opened', () => {
    const out = blastRadius('ws-1', hospital, devices, { maxHops: 0 });
    expect(out.reached).toEqual([]);
    expect(out.byZone).toEqual({});
    expect(out.reasons).toEqual([
      'WS-1 (it) opened tcp/104 (dicom) to 1 device in 1 hop.',
      'WS-1 (it) opened tcp/443 (http) to 1 device in 1 hop.',
      'Reaches no other device within 0 hops.',
      '2 more devices one hop past the 0-hop bound were not followed.',
    ]);
  });

  it('rejects a hop bound that is not a whole number', () => {
    expect(() => blastRadius('ws-1', hospital, devices, { maxHops: -1 })).toThrow(RangeError);
    expect(() => blastRadius('ws-1', hospital, devices, { maxHops: 1.5 })).toThrow(RangeError);
    expect(() => blastRadius('ws-1', hospital, devices, { maxHops: Number.NaN })).toThrow(RangeError);
  });

  it('says when the origin opened nothing, or is not in any conduit', () => {
    const db = blastRadius('db', hospital, devices);
    expect(db.reached).toEqual([]);
    expect(db.byZone).toEqual({});
    expect(db.reasons).toEqual([
      'DB (it) opened no connection in the traffic seen (no conduits from this device): nothing reachable by what was observed.',
    ]);
    const ghost = blastRadius('no-such-device', hospital, devices);
    expect(ghost).toEqual({
      origin: 'no-such-device',
      reached: [],
      byZone: {},
      reasons: ['no-such-device (unknown) opened no connection in the traffic seen (no conduits from this device): nothing reachable by what was observed.'],
    });
  });

  it('terminates on cycles, even unbounded, and never reaches the origin back', () => {
    const ring = [conduit('mon-1', 'hl7', 2575, 'hl7'), conduit('hl7', 'ehr', 2575, 'hl7'), conduit('ehr', 'mon-1', 80, 'http'), conduit('ehr', 'ehr', 443, 'http')];
    const out = blastRadius('mon-1', ring, devices, { maxHops: Infinity });
    expect(summary(out.reached)).toEqual([
      ['hl7', 1, 'mon-1'],
      ['ehr', 2, 'hl7'],
    ]);
    expect(out.reasons).toContain('Reaches 2 clinical-system devices within 2 hops.');
    expect(out.reasons.some((r) => r.includes('not followed'))).toBe(false);
  });

  it('counts a device reached over several conduits once, by the lowest port', () => {
    const conduits = [
      conduit('ws-1', 'pacs', 11112, 'dicom'),
      conduit('ws-1', 'pacs', 104, 'dicom'),
      conduit('ws-1', 'pacs', 104, 'dicom', { proto: 'udp' }),
      conduit('ws-1', 'pacs', null, null, { proto: 'icmp' }),
    ];
    const out = blastRadius('ws-1', conduits, devices);
    expect(out.reached).toEqual<ReachedDevice[]>([
      { id: 'pacs', label: 'PACS', zone: 'imaging-infrastructure', hops: 1, via: { proto: 'tcp', port: 104, app: 'dicom', from: 'ws-1' } },
    ]);
    expect(out.byZone).toEqual({ 'imaging-infrastructure': 1 });
    expect(out.reasons.slice(0, 4)).toEqual([
      'WS-1 (it) opened tcp/104 (dicom) to 1 device in 1 hop.',
      'WS-1 (it) opened udp/104 (dicom) to 1 device in 1 hop.',
      'WS-1 (it) opened tcp/11112 (dicom) to 1 device in 1 hop.',
      'WS-1 (it) opened icmp to 1 device in 1 hop.',
    ]);
  });

  it('tells the services that reached most devices first, and sums up a long tail', () => {
    const conduits = [
      ...Array.from({ length: 10 }, (_, i) => conduit('pump-12', 'ehr', 8000 + i, null)),
      conduit('pump-12', 'mon-1', 3613, 'pump-gw'),
      conduit('pump-12', 'mon-2', 3613, 'pump-gw'),
      conduit('pump-12', 'hl7', 2575, 'hl7'),
      conduit('pump-12', 'db', 9000, null),
    ];
    const out = blastRadius('pump-12', conduits, devices);
    expect(out.reasons[0]).toBe('PUMP-12 (infusion) opened tcp/3613 (pump-gw) to 2 devices in 1 hop.');
    expect(out.reasons[1]).toBe('PUMP-12 (infusion) opened tcp/2575 (hl7) to 1 device in 1 hop.');
    // 13 services, 8 named (3613, then 2575 and 8000-8005 by port); the rest are 8006-8009 to the EHR and 9000 to the DB.
    expect(out.reasons.filter((r) => r.startsWith('PUMP-12 (infusion) opened '))).toHaveLength(8);
    expect(out.reasons[7]).toBe('PUMP-12 (infusion) opened tcp/8005 to 1 device in 1 hop.');
    expect(out.reasons[8]).toBe('It also opened 5 other services to 2 devices.');
    expect(out.reasons[9]).toBe('Reaches 2 clinical-system devices, 2 patient-monitoring devices, 1 it device within 3 hops.');
  });

  it('names endpoints missing from the inventory by id, in the unknown zone, and goes through them', () => {
    const conduits = [conduit('ws-1', '10.9.9.9', 445, 'smb'), conduit('10.9.9.9', 'pacs', 104, 'dicom')];
    const out = blastRadius('ws-1', conduits, devices);
    expect(out.reached).toEqual<ReachedDevice[]>([
      { id: '10.9.9.9', label: '10.9.9.9', zone: 'unknown', hops: 1, via: { proto: 'tcp', port: 445, app: 'smb', from: 'ws-1' } },
      { id: 'pacs', label: 'PACS', zone: 'imaging-infrastructure', hops: 2, via: { proto: 'tcp', port: 104, app: 'dicom', from: '10.9.9.9' } },
    ]);
    expect(out.byZone).toEqual({ 'imaging-infrastructure': 1, unknown: 1 });
  });

  it('keeps the first path in conduit order when two are equally short, whatever the input order', () => {
    // WS-1 reaches the EHR and the PACS in one hop; both lead to the DB. The PACS conduit (104) is followed before the
    // EHR one (443), so the DB is reached through the PACS.
    const conduits = [
      conduit('ws-1', 'ehr', 443, 'http'),
      conduit('ws-1', 'pacs', 104, 'dicom'),
      conduit('ehr', 'db', 1433, null),
      conduit('pacs', 'db', 5432, null),
      conduit('ws-1', 'mon-2', 80, 'http'),
      conduit('ws-1', 'mon-1', 80, 'http'),
    ];
    const expected: [string, number, string][] = [
      ['ehr', 1, 'ws-1'],
      ['pacs', 1, 'ws-1'],
      ['mon-1', 1, 'ws-1'],
      ['mon-2', 1, 'ws-1'],
      ['db', 2, 'pacs'],
    ];
    const first = blastRadius('ws-1', conduits, devices);
    expect(summary(first.reached)).toEqual(expected);
    expect(blastRadius('ws-1', [...conduits].reverse(), devices)).toEqual(first);
    expect(blastRadius('ws-1', [...conduits.slice(3), ...conduits.slice(0, 3)], devices)).toEqual(first);
  });

  it('handles 100,000 conduits over 10,000 devices', () => {
    // A tree: device i connects to devices 10i+1 … 10i+10 on ten ports each, shuffled deterministically.
    const n = 10_000;
    const category = (i: number): DeviceCategory => (i % 2 === 0 ? 'patient-monitoring' : 'clinical-system');
    const big = Array.from({ length: n }, (_, i): SegmentDevice => ({ id: `d${i}`, category: category(i), ips: [], label: `dev-${i}` }));
    const conduits: ConduitJson[] = [];
    for (let i = 0; i < n; i++) {
      for (let k = 1; k <= 10 && 10 * i + k < n; k++) {
        for (let p = 0; p < 10; p++) conduits.push(conduit(`d${i}`, `d${10 * i + k}`, 1000 + p, null));
      }
    }
    // Fisher-Yates with MINSTD (Park-Miller): products stay below 2^53, so the shuffle is exact and repeatable.
    for (let i = conduits.length - 1, seed = 7; i > 0; i--) {
      seed = (seed * 48_271) % 2_147_483_647;
      const j = seed % (i + 1);
      const [a, b] = [conduits[i], conduits[j]];
      if (a !== undefined && b !== undefined) [conduits[i], conduits[j]] = [b, a];
    }
    expect(conduits).toHaveLength(99_990);
    const bounded = blastRadius('d0', conduits, big);
    expect(bounded.reached).toHaveLength(10 + 100 + 1000);
    expect(bounded.reasons).toContain('8889 more devices one hop past the 3-hop bound were not followed.');
    const all = blastRadius('d0', conduits, big, { maxHops: Infinity });
    expect(all.reached).toHaveLength(n - 1);
    expect(all.byZone).toEqual({ 'clinical-system': n / 2, 'patient-monitoring': n / 2 - 1 });
    expect(all.reached.at(-1)?.hops).toBe(4);
  });

  it('reaches exactly the devices within the bound, each at its shortest distance, over random graphs', () => {
    const edge = fc.record({ from: fc.nat(7), to: fc.nat(7), port: fc.constantFrom(22, 104, 443, 2575) });
    fc.assert(
      fc.property(fc.array(edge, { maxLength: 30 }), fc.nat(7), fc.nat(4), (edges, origin, maxHops) => {
        const conduits = edges.map((e) => conduit(`n${e.from}`, `n${e.to}`, e.port, null));
        // Shortest distances by relaxing every edge until nothing changes: slow, obvious, independent of the BFS.
        const dist = new Map<string, number>([[`n${origin}`, 0]]);
        for (let changed = true; changed; ) {
          changed = false;
          for (const c of conduits) {
            const d = dist.get(c.clientId);
            if (d !== undefined && d + 1 < (dist.get(c.serverId) ?? Infinity)) {
              dist.set(c.serverId, d + 1);
              changed = true;
            }
          }
        }
        const out = blastRadius(`n${origin}`, conduits, [], { maxHops });
        const expected = [...dist].filter(([id, d]) => id !== `n${origin}` && d <= maxHops);
        expect(out.reached).toHaveLength(expected.length);
        for (const r of out.reached) {
          expect(r.hops).toBe(dist.get(r.id));
          // The conduit it came over exists, from a device one hop nearer.
          expect(conduits.some((c) => c.clientId === r.via.from && c.serverId === r.id && c.port === r.via.port)).toBe(true);
          expect(dist.get(r.via.from)).toBe(r.hops - 1);
        }
      }),
    );
  });
});
