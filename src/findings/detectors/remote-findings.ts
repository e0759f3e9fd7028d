/** Remote-access findings from a device's grouped sessions: count, duration, bytes, peers, always-on. */
import type { FindingInput, Severity } from '../types.js';
import type { SessionObs } from './remote-access.js';

const LABELS: Record<string, string> = { teamviewer: 'TeamViewer', anydesk: 'AnyDesk', rdp: 'RDP from outside', vnc: 'VNC from outside', ipsec: 'IPsec VPN', openvpn: 'OpenVPN' };
const SESSIONS_NAMED = 5;

function minutes(ms: number): string {
  const m = ms / 60_000;
  return m >= 120 ? `${(m / 60).toFixed(1)} h` : m >= 1 ? `${Math.round(m)} min` : `${Math.max(0, Math.round(ms / 1000))} s`;
}

export interface SessionGroup {
  service: string;
  sessions: readonly SessionObs[];
  /** Sessions seen, including ones not kept (memory cap). */
  total: number;
  totalBytes: number;
  totalMs: number;
  peers: readonly string[];
  firstMs: number;
  lastMs: number;
  alwaysOn: boolean;
  longestMs: number;
}

export function remoteAccessFinding(deviceId: string, medical: boolean, g: SessionGroup): FindingInput {
  const family = g.service.split('/')[0] ?? g.service;
  const label = family.startsWith('vendor-') ? `vendor remote service (${g.service.replace('vendor-', '')})` : LABELS[family] ?? family;
  const severity: Severity = g.alwaysOn ? (medical ? 'critical' : 'high') : medical ? 'high' : 'medium';
  const evidence = [
    `${g.total} session${g.total === 1 ? '' : 's'} with ${g.peers.join(', ')}: ${minutes(g.totalMs)} in all, ${g.totalBytes} bytes`,
    ...(g.alwaysOn ? [`always on: sessions chain for ${minutes(g.longestMs)} (8 h or more, or most of the capture)`] : []),
    ...g.sessions.slice(-SESSIONS_NAMED).map((s) => `session ${new Date(s.startMs).toISOString()} to ${new Date(s.endMs).toISOString()} (${minutes(s.endMs - s.startMs)}, ${s.bytes} bytes) with ${s.peer}`),
  ];
  return {
    deviceId, kind: 'remote-access', key: family, severity,
    title: `Remote access: ${label}${g.alwaysOn ? ' (always on)' : ''}`,
    detail: `Remote-access sessions reach this ${medical ? 'medical ' : ''}device (${label}). Vendor remote support should be on demand, through the hospital's jump host or VPN, logged and ended after use${g.alwaysOn ? '; this one stays connected' : ''}.`,
    evidence, firstSeenMs: g.firstMs, lastSeenMs: g.lastMs, count: g.total,
    facts: { service: g.service, peers: [...g.peers], external: true, automatable: false },
  };
}
