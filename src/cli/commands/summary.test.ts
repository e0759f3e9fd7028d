/** analyze's summary: columns that stay aligned whatever a host calls itself, and both scales named. */
import { describe, expect, it } from 'vitest';
import type { FindingJson } from '../../findings/types.js';
import { deviceJson } from '../test-support/device-json.js';
import type { AnalyzeReport } from './analyze.js';
import { formatSummary } from './summary.js';

const longName = 'radiology-reading-room-3-workstation-west-wing.example.org';
const devices = [
  deviceJson({ id: 'd1', ips: ['10.0.0.1'], hostnames: [longName], vendor: 'HP', type: 'workstation', category: 'it', os: { name: 'Windows', version: '7', label: 'Windows 7', endOfLife: true } }),
  deviceJson({ id: 'd2', ips: ['10.0.0.2'], hostnames: ['CT01'], vendor: 'GE Healthcare', type: 'CT scanner', category: 'imaging' }),
];

function finding(id: string, deviceId: string, score: number, title: string): FindingJson {
  return {
    id, deviceId, kind: 'eol-os', key: id, severity: 'high', title, detail: '', evidence: ['seen'], status: 'open',
    firstSeen: '2024-03-04T08:00:00.000Z', lastSeen: '2024-03-04T08:00:00.000Z', count: 1,
    statusReason: null, statusOwner: null, statusExpires: null, statusChangedAt: null, statusBy: null, facts: {}, suppression: null,
    risk: { score, level: score >= 70 ? 'high' : 'medium', reasons: [] },
  };
}

const report: AnalyzeReport = {
  stats: { packets: 1, bytes: 1, flows: 1, records: 1, malformed: 0, seconds: 0.1 },
  protocols: {}, transports: {}, hosts: 2, devices,
  findings: [finding('f1', 'd1', 75, 'Windows 7 is past its end of life'), finding('f2', 'd2', 9, 'Sends patient data in clear')],
};

describe('analyze summary', () => {
  const lines = formatSummary(['x.pcap'], report).split('\n');

  it('keeps the device columns aligned when a host name is long, and marks the cut', () => {
    const rows = lines.filter((l) => /^ {4}10\.0\.0\.\d/.test(l));
    expect(rows).toHaveLength(2);
    const col = (r: string, text: string): number => r.indexOf(text);
    expect(col(rows[0] ?? '', 'GE Healthcare')).toBe(col(rows[1] ?? '', 'HP'));
    expect(lines.join('\n')).toContain('radiology-reading-room-…');
    expect(lines.join('\n')).not.toContain(longName);
    // End of life in words, not shouted: upper case read as one more scale next to the risk levels.
    expect(rows.find((r) => r.includes('10.0.0.1'))).toMatch(/ Windows 7 \(end of life\)$/);
  });

  it('keeps the finding titles in one column', () => {
    const rows = lines.filter((l) => l.startsWith('    risk '));
    expect(rows).toHaveLength(2);
    expect(rows[0]?.indexOf('Windows 7')).toBe(rows[1]?.indexOf('Sends patient'));
    expect(rows[0]).toMatch(/^ {4}risk 75 \(high\) +severity high +radiology/);
  });

  it('counts the findings on each scale under its name', () => {
    expect(lines.find((l) => l.startsWith('  findings '))).toMatch(/^ {2}findings {3}2 \(by risk level 1 high, 1 medium; by severity 2 high\)/);
  });
});
