/** Zone conduits over a small hospital: grouping, sums, distinct devices, the app chosen, and a stable order. */
import { describe, expect, it } from 'vitest';
import { appConduit as conduit, device } from './test-support/fixtures.js';
import type { ConduitJson } from './types.js';
import { comparePort, zoneConduits, zoneOf, type ZoneConduit } from './zone-conduits.js';

const devices = [
  device('ws-1', 'it'),
  device('ws-2', 'it'),
  device('ct-1', 'imaging'),
  device('mr-1', 'imaging'),
  device('pacs', 'imaging-infrastructure'),
  device('mon-1', 'patient-monitoring'),
  device('mon-2', 'patient-monitoring'),
  device('hl7', 'clinical-system'),
  device('ehr', 'clinical-system'),
];

describe('zoneOf', () => {
  it('is the device category, and unknown for an endpoint the inventory lacks', () => {
    expect(zoneOf(device('pump', 'infusion'))).toBe('infusion');
    expect(zoneOf(undefined)).toBe('unknown');
  });
});

describe('comparePort', () => {
  it('orders numerically with portless protocols last', () => {
    expect([null, 2575, 104, 11112].sort(comparePort)).toEqual([104, 2575, 11112, null]);
  });
});

describe('zoneConduits', () => {
  it('sums device conduits into zone conduits of a small hospital', () => {
    const conduits = [
      conduit('ws-1', 'pacs', 104, 'dicom', { flows: 4, bytes: 4000, firstSeen: '2025-03-01T07:00:00.000Z' }),
      conduit('ws-2', 'pacs', 104, 'dicom', { flows: 2, bytes: 2000, lastSeen: '2025-03-02T10:00:00.000Z' }),
      conduit('ct-1', 'pacs', 104, 'dicom', { flows: 20, bytes: 9_000_000 }),
      conduit('mr-1', 'pacs', 104, 'dicom', { flows: 10, bytes: 5_000_000 }),
      conduit('mon-1', 'hl7', 2575, 'hl7', { flows: 30, bytes: 30_000 }),
      conduit('mon-2', 'hl7', 2575, 'hl7', { flows: 30, bytes: 31_000 }),
      conduit('hl7', 'ehr', 2575, 'hl7', { flows: 60, bytes: 61_000 }),
    ];
    const base = { proto: 'tcp', firstSeen: '2025-03-01T08:00:00.000Z', lastSeen: '2025-03-01T09:00:00.000Z' };
    expect(zoneConduits(conduits, devices)).toEqual<ZoneConduit[]>([
      // Same flows (60): clinical-system sorts before patient-monitoring.
      { ...base, fromZone: 'clinical-system', toZone: 'clinical-system', port: 2575, app: 'hl7', flows: 60, bytes: 61_000, clients: 1, servers: 1 },
      { ...base, fromZone: 'patient-monitoring', toZone: 'clinical-system', port: 2575, app: 'hl7', flows: 60, bytes: 61_000, clients: 2, servers: 1 },
      { ...base, fromZone: 'imaging', toZone: 'imaging-infrastructure', port: 104, app: 'dicom', flows: 30, bytes: 14_000_000, clients: 2, servers: 1 },
      {
        ...base,
        fromZone: 'it',
        toZone: 'imaging-infrastructure',
        port: 104,
        app: 'dicom',
        flows: 6,
        bytes: 6000,
        clients: 2,
        servers: 1,
        firstSeen: '2025-03-01T07:00:00.000Z',
        lastSeen: '2025-03-02T10:00:00.000Z',
      },
    ]);
  });

  it('keeps ports and protocols apart, and counts a device once however many conduits it has', () => {
    const conduits = [
      conduit('ws-1', 'pacs', 104, 'dicom'),
      conduit('ws-1', 'pacs', 104, null),
      conduit('ws-1', 'pacs', 11112, 'dicom'),
      conduit('ws-1', 'pacs', 104, 'dicom', { proto: 'udp' }),
    ];
    const out = zoneConduits(conduits, devices);
    expect(out.map((z) => [z.proto, z.port, z.flows, z.clients, z.servers])).toEqual([
      ['tcp', 104, 2, 1, 1],
      ['tcp', 11112, 1, 1, 1],
      ['udp', 104, 1, 1, 1],
    ]);
  });

  it('names the commonest app, ties to the alphabetically first, an app before none', () => {
    const workstations = [1, 2, 3].map((i) => device(`ws-${i}`, 'it'));
    const app = (apps: (string | null)[]): string | null => {
      const out = zoneConduits(apps.map((a, i) => conduit(`ws-${i + 1}`, 'pacs', 8080, a)), [...workstations, device('pacs', 'imaging-infrastructure')]);
      expect(out).toHaveLength(1);
      return out[0] === undefined ? 'missing' : out[0].app;
    };
    expect(app(['http', 'dicom', 'http'])).toBe('http');
    expect(app(['http', 'dicom'])).toBe('dicom');
    expect(app(['dicom', 'http'])).toBe('dicom');
    expect(app([null, 'http'])).toBe('http');
    expect(app(['http', null])).toBe('http');
    // Mostly unrecognised traffic is reported as such rather than named after a minority.
    expect(app([null, null, 'http'])).toBe(null);
  });

  it('puts endpoints missing from the inventory in the unknown zone, each still a distinct device', () => {
    const out = zoneConduits([conduit('ghost-1', 'pacs', 104, 'dicom'), conduit('ghost-2', 'pacs', 104, 'dicom'), conduit('ws-1', 'ghost-3', 445, null)], devices);
    expect(out.map((z) => [z.fromZone, z.toZone, z.port, z.clients, z.servers])).toEqual([
      ['unknown', 'imaging-infrastructure', 104, 2, 1],
      ['it', 'unknown', 445, 1, 1],
    ]);
  });

  it('orders busiest first, then by zone, proto and port (portless last), whatever the input order', () => {
    const conduits = [
      conduit('ws-1', 'ehr', 443, 'http', { flows: 5 }),
      conduit('ws-1', 'ehr', null, null, { proto: 'icmp', flows: 5 }),
      conduit('ws-1', 'ehr', 80, 'http', { flows: 5 }),
      conduit('ws-1', 'ehr', 53, 'dns', { proto: 'udp', flows: 5 }),
      conduit('ws-1', 'ehr', 22, 'ssh', { flows: 5, proto: 'tcp' }),
      conduit('mon-1', 'hl7', 2575, 'hl7', { flows: 5 }),
      conduit('ct-1', 'pacs', 104, 'dicom', { flows: 9 }),
    ];
    const expected: [string, string, string, number | null][] = [
      ['imaging', 'imaging-infrastructure', 'tcp', 104],
      ['it', 'clinical-system', 'icmp', null],
      ['it', 'clinical-system', 'tcp', 22],
      ['it', 'clinical-system', 'tcp', 80],
      ['it', 'clinical-system', 'tcp', 443],
      ['it', 'clinical-system', 'udp', 53],
      ['patient-monitoring', 'clinical-system', 'tcp', 2575],
    ];
    const keys = (cs: readonly ConduitJson[]): [string, string, string, number | null][] =>
      zoneConduits(cs, devices).map((z) => [z.fromZone, z.toZone, z.proto, z.port]);
    expect(keys(conduits)).toEqual(expected);
    expect(keys([...conduits].reverse())).toEqual(expected);
  });

  it('returns nothing for no conduits', () => {
    expect(zoneConduits([], devices)).toEqual([]);
  });
});
