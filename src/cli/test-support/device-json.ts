/** Test helper: a device as the store returns it, with only what a test cares about given. */
import type { DeviceJson } from '../../inventory/types.js';

export function deviceJson(over: Partial<DeviceJson> & { id: string }): DeviceJson {
  return {
    mac: null, ips: [], hostnames: [], vendor: null, model: null, type: null, category: 'unknown',
    os: { name: null, version: null, label: null, endOfLife: null }, firmware: null, protocols: [],
    dicom: { aeTitles: [], implementationClassUid: null, implementationVersionName: null }, hl7: { applications: [], facilities: [], versions: [] },
    location: null, department: null, assetTag: null, owner: null, serial: null, supportEnd: null, supportStatus: null,
    confidence: 0.5, firstSeen: '2024-03-04T08:00:00.000Z', lastSeen: '2024-03-04T08:00:00.000Z', retiredAt: null, evidence: [], risk: null,
    ...over,
  };
}
