/** Words and colours shared by the pages: category and zone names as people say them, risk levels in order. */
import type { RiskLevel } from '../api/types.js';

/** Device categories (docs/architecture.md); zones are these categories until a site names its own (src/app/device-page.ts). */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  imaging: 'Imaging',
  'imaging-infrastructure': 'Imaging infrastructure',
  'patient-monitoring': 'Patient monitoring',
  infusion: 'Infusion',
  'life-support': 'Life support',
  laboratory: 'Laboratory',
  'clinical-system': 'Clinical systems',
  it: 'IT',
  network: 'Network',
  iot: 'IoT',
  unknown: 'Unknown',
  external: 'Outside the hospital',
};

export function categoryLabel(c: string): string {
  return CATEGORY_LABELS[c] ?? c;
}

export const CATEGORY_ORDER: readonly string[] = Object.keys(CATEGORY_LABELS);

export const STATUS_LABELS: Readonly<Record<string, string>> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  'risk-accepted': 'Risk accepted',
  'not-affected': 'Not affected (VEX)',
};

export function riskRank(level: RiskLevel | undefined | null): number {
  return level === 'critical' ? 5 : level === 'high' ? 4 : level === 'medium' ? 3 : level === 'low' ? 2 : level === 'info' ? 1 : 0;
}

/** A device as people name it: host name, else IP, else MAC, else its id. */
export function deviceName(d: { hostnames: readonly string[]; ips: readonly string[]; mac: string | null; id: string }): string {
  return d.hostnames[0] ?? d.ips[0] ?? d.mac ?? d.id.slice(0, 8);
}

export function shortTime(iso: string | null): string {
  if (iso === null) return '—';
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : t.toISOString().slice(0, 16).replace('T', ' ');
}
