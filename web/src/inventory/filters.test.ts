/** The inventory's filters: URL parameters both ways, and which devices each filter keeps and drops. */
import { describe, expect, it } from 'vitest';
import type { DeviceRow } from '../api/all-devices.js';
import { filtersFromParams, matcher, paramsFromFilters } from './filters.js';

function device(over: Partial<DeviceRow>): DeviceRow {
  return {
    id: 'id-1', mac: '00:1b:00:00:00:01', ips: ['10.20.1.5'], hostnames: ['CT01'], vendor: 'GE Healthcare', model: 'Revolution', type: 'CT scanner',
    category: 'imaging', os: { name: 'Windows', version: '6.1', label: 'Windows 7', endOfLife: true }, firmware: null, protocols: ['dicom', 'dhcp'],
    dicom: { aeTitles: ['CT01AE'], implementationClassUid: null, implementationVersionName: null }, hl7: { applications: [], facilities: [], versions: [] },
    location: 'Radiology 2', department: null, assetTag: 'BME-0042', owner: null, serial: null, supportEnd: null, supportStatus: null, confidence: 0.9,
    firstSeen: '2024-03-04T08:00:00.000Z', lastSeen: '2024-03-04T09:00:00.000Z', retiredAt: null, risk: { score: 60, level: 'high', reasons: [] },
    ...over,
  };
}

const ct = device({});
const pump = device({
  id: 'id-2', hostnames: [], ips: ['10.30.1.9'], vendor: 'BD', model: 'Alaris', type: 'infusion pump', category: 'infusion', protocols: ['http'],
  os: { name: null, version: null, label: null, endOfLife: null }, dicom: { aeTitles: [], implementationClassUid: null, implementationVersionName: null },
  location: null, assetTag: null, firstSeen: '2024-03-05T08:00:00.000Z', risk: { score: 20, level: 'low', reasons: [] },
});

function keep(query: string): string[] {
  const m = matcher(filtersFromParams(new URLSearchParams(query)));
  return [ct, pump].filter(m).map((d) => d.id);
}

describe('inventory filters', () => {
  it('keeps everything without a filter', () => {
    expect(keep('')).toEqual(['id-1', 'id-2']);
  });

  it('matches exact columns exactly (case aside) and text columns by substring', () => {
    expect(keep('category=infusion')).toEqual(['id-2']);
    expect(keep('vendor=ge%20healthcare')).toEqual(['id-1']);
    expect(keep('vendor=GE')).toEqual([]);
    expect(keep('risk=high')).toEqual(['id-1']);
    expect(keep('ip=10.30')).toEqual(['id-2']);
    expect(keep('os=windows')).toEqual(['id-1']);
    expect(keep('protocols=dicom')).toEqual(['id-1']);
  });

  it('takes zone as the category (zones are the clinical categories) unless a category is given', () => {
    expect(keep('zone=imaging')).toEqual(['id-1']);
    expect(keep('zone=imaging&category=infusion')).toEqual(['id-2']);
  });

  it('searches every text field with q, register fields and AE titles included', () => {
    expect(keep('q=bme-0042')).toEqual(['id-1']);
    expect(keep('q=ct01ae')).toEqual(['id-1']);
    expect(keep('q=alaris')).toEqual(['id-2']);
    expect(keep('q=nothing-like-this')).toEqual([]);
  });

  it('keeps end-of-life operating systems only with eol=yes, and new devices with firstSeenSince', () => {
    expect(keep('eol=yes')).toEqual(['id-1']);
    expect(keep('eol=no')).toEqual(['id-1', 'id-2']);
    expect(keep('firstSeenSince=2024-03-05T00:00:00Z')).toEqual(['id-2']);
  });

  it('writes the same filters back as parameters', () => {
    const p = paramsFromFilters(filtersFromParams(new URLSearchParams('q=ct&category=imaging&eol=yes&ip=10.')));
    expect(Object.fromEntries(p)).toEqual({ q: 'ct', category: 'imaging', eol: 'yes', ip: '10.' });
  });
});
