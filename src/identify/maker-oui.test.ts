/** A whole-device maker's OUI names the vendor alone (extract-evidence.ts ouiObservation, host-rules.ts); others do not. */
import { describe, expect, it } from 'vitest';
import { classifyDevice } from './classify.js';
import { observationsFromAddress } from './extract-evidence.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import { ouiVendor } from './knowledge/lookup.js';
import { vendorEntry } from './knowledge/validate.js';
import type { DeviceProfile, Evidence } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
const ouiOnly = (mac: string): Evidence[] => observationsFromAddress({ mac, ip: '10.1.2.3' }, 0, kb).map((o) => o.evidence);
const classify = (evidence: Evidence[]): DeviceProfile => classifyDevice(evidence, kb, { asOf });

describe('an OUI of a maker of whole devices', () => {
  it.each([
    ['00:22:94:01:02:03', 'Kyocera'],
    ['00:40:8c:01:02:03', 'Axis Communications'],
    ['00:c0:b7:01:02:03', 'APC'],
    ['28:29:86:01:02:03', 'APC'],
    ['00:09:0f:01:02:03', 'Fortinet'],
    ['04:03:12:01:02:03', 'Hikvision'],
  ])('%s alone names its maker %s', (mac, vendor) => {
    expect(ouiVendor(kb, mac)?.deviceMaker).toBe(true);
    expect(classify(ouiOnly(mac)).vendor).toBe(vendor);
  });

  it.each([
    ['00:1b:21:01:02:03', 'Intel'],
    ['00:e0:4c:01:02:03', 'Realtek'],
    ['00:26:e8:01:02:03', 'Murata'],
    ['14:18:77:01:02:03', 'Dell'],
    ['00:50:56:01:02:03', 'VMware'],
    ['3c:97:0e:01:02:03', 'Wistron'],
  ])('%s (%s) alone names no vendor on a device that shows no OS', (mac) => {
    expect(ouiVendor(kb, mac)?.deviceMaker).toBe(false);
    expect(classify(ouiOnly(mac)).vendor).toBeNull();
  });

  it('loses to a DICOM manufacturer naming another maker, without diluting it', () => {
    const dicom: Evidence = { attribute: 'vendor', value: 'SIEMENS', source: 'dicom.dataset.manufacturer', detail: '(0008,0070) SIEMENS', confidence: 0.85, tsMs: 0 };
    const p = classify([...ouiOnly('00:22:94:01:02:03'), dicom]);
    expect(p.vendor).toBe('Siemens Healthineers');
    expect(p.evidence.some((e) => e.value === 'KYOCERA')).toBe(true); // kept for the record
    // Diluted, a 0.6 statement would fall under the fill threshold (0.6 x 0.6 / 1.15); out of the vote, it fills.
    expect(classify([...ouiOnly('00:22:94:01:02:03'), { ...dicom, source: 'lldp.manufacturer', confidence: 0.6 }]).vendor).toBe('Siemens Healthineers');
  });

  it('still counts beside weaker evidence for the same maker', () => {
    const mention: Evidence = { attribute: 'vendor', value: 'Kyocera', source: 'snmp.sysDescr', detail: 'vendor name Kyocera', confidence: 0.4, tsMs: 0 };
    expect(classify([...ouiOnly('00:22:94:01:02:03'), mention]).vendor).toBe('Kyocera');
  });

  it('a dictionary entry cannot be both a computer maker and a device maker', () => {
    expect(() => vendorEntry('x.json', 0, { canonical: 'X', kind: 'it', aliases: [], computerMaker: true, deviceMaker: true, source: 's' })).toThrow(/exclude/);
    expect(() => vendorEntry('x.json', 0, { canonical: 'X', kind: 'it', aliases: [], deviceMaker: 'yes', source: 's' })).toThrow(/deviceMaker/);
  });
});
