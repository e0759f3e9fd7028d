/** Test helpers: build ingest batches and profiles without repeating every field. */
import type { DeviceKey, DeviceProfile, Evidence, EvidenceAttribute, Observation } from '../../identify/types.js';
import type { DeviceSighting, IngestBatch } from '../types.js';

export const T0 = Date.parse('2025-03-01T08:00:00.000Z');

export function key(mac: string | null, ip: string | null): DeviceKey {
  return { mac, ip };
}

export function obs(k: DeviceKey, attribute: EvidenceAttribute, value: string, tsMs = T0, extra: Partial<Evidence> = {}): Observation {
  return { key: k, evidence: { attribute, value, source: `test.${attribute}`, detail: value, confidence: 0.9, tsMs, ...extra } };
}

export function seen(k: DeviceKey, protocols: string[], firstSeenMs = T0, lastSeenMs = firstSeenMs): DeviceSighting {
  return { key: k, protocols, firstSeenMs, lastSeenMs };
}

export function batch(observations: Observation[], sightings: DeviceSighting[] = []): IngestBatch {
  return { observations, sightings, sources: ['test.pcap'] };
}

export function profile(over: Partial<DeviceProfile> = {}): DeviceProfile {
  return {
    vendor: null,
    model: null,
    type: null,
    category: 'unknown',
    os: { name: null, version: null, label: null, endOfLife: null },
    firmware: null,
    serial: null,
    hostnames: [],
    confidence: 0.5,
    evidence: [],
    ...over,
  };
}
