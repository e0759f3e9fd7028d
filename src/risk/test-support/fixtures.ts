/** Test helpers: DeviceJson and FindingJson fixtures with sensible defaults, and a fixed clock (a device row in a DB: src/store/test-support/insert-device.ts). */
import type { FindingJson } from '../../findings/types.js';
import type { DeviceJson } from '../../inventory/types.js';
import type { Control } from '../types.js';

export const NOW_MS = Date.parse('2026-11-29T12:00:00Z');

export function device(over: Partial<DeviceJson> = {}): DeviceJson {
  return {
    id: 'dev-1', mac: '00:1b:2c:3d:4e:5f', ips: ['10.20.1.5'], hostnames: ['PUMP01'], vendor: 'BD', model: 'Alaris 8015',
    type: 'infusion pump', category: 'infusion', os: { name: null, version: null, label: null, endOfLife: null }, firmware: null,
    protocols: ['telnet'], dicom: { aeTitles: [], implementationClassUid: null, implementationVersionName: null },
    hl7: { applications: [], facilities: [], versions: [] }, location: null, department: null, assetTag: null, owner: null,
    serial: null, supportEnd: null, supportStatus: null, confidence: 0.9, firstSeen: '2026-11-01T00:00:00.000Z',
    lastSeen: '2026-11-29T00:00:00.000Z', retiredAt: null, evidence: [], risk: null, ...over,
  };
}

export function finding(over: Partial<FindingJson> = {}): FindingJson {
  return {
    id: 'f-1', deviceId: 'dev-1', kind: 'weak-tls', key: 'tls1.0', severity: 'medium', title: 'TLS 1.0 offered', detail: '',
    evidence: [], firstSeen: '2026-11-01T00:00:00.000Z', lastSeen: '2026-11-29T00:00:00.000Z', count: 1, status: 'open',
    statusReason: null, statusOwner: null, statusExpires: null, statusChangedAt: null, statusBy: null, facts: {},
    suppression: null, risk: null, ...over,
  };
}

export function control(over: Partial<Control> = {}): Control {
  return {
    id: 'ctl-1', kind: 'segmentation', description: 'VLAN 40, ACL permits the infusion server only', deviceId: 'dev-1',
    vendor: null, model: null, expires: null, by: 'biomed', createdAt: '2026-11-01T00:00:00.000Z', ...over,
  };
}
