/**
 * Vendor remote-access sessions (issue 5 §1): TeamViewer (TCP/UDP 5938, *.teamviewer.com), AnyDesk (TCP 7070,
 * *.anydesk.com), RDP/VNC from outside the hospital, IPsec (UDP 500/4500) and OpenVPN (1194) tunnels to the
 * internet, and any traffic with the site's vendor networks. Each flow is a session (start, end, duration, bytes);
 * a chain of sessions lasting 8 h or more, or present in most of a long capture, is "always on".
 */
import type { FlowJson } from '../../capture/flow-json.js';
import { zoneOf, type SiteConfig } from '../site.js';

export interface SessionObs {
  /** The hospital-side host. */
  ip: string;
  mac: string | null;
  peer: string;
  service: string;
  startMs: number;
  endMs: number;
  bytes: number;
}

const SNI_SERVICES: readonly [RegExp, string][] = [[/(^|\.)teamviewer\.com$/i, 'teamviewer'], [/(^|\.)anydesk\.com$/i, 'anydesk']];

/** The remote-support service a TLS server name belongs to, or null. */
export function serviceOfSni(sni: string): string | null {
  for (const [re, name] of SNI_SERVICES) if (re.test(sni)) return name;
  return null;
}

/** Sessions joined when the gap between them is shorter than this (a reconnect is the same presence). */
export const CHAIN_GAP_MS = 5 * 60_000;
export const ALWAYS_ON_MS = 8 * 3_600_000;
/** "Most of the capture" only means something when the capture is long enough. */
export const MIN_CAPTURE_FOR_SHARE_MS = 3_600_000;

function classify(f: FlowJson, site: SiteConfig, sniService: string | null): { service: string; inside: 'src' | 'dst' } | null {
  const srcZone = zoneOf(site, f.src);
  const dstZone = zoneOf(site, f.dst);
  const port = f.dport ?? 0;
  const outward = srcZone !== 'external' && srcZone !== 'vendor' && srcZone !== 'none';
  if (sniService !== null) return { service: `${sniService}/${port}`, inside: 'src' };
  if (port === 5938 && outward && dstZone === 'external') return { service: `teamviewer/${port}`, inside: 'src' };
  if (port === 7070 && f.proto === 'tcp' && outward && dstZone === 'external') return { service: `anydesk/${port}`, inside: 'src' };
  if (dstZone === 'vendor' && outward) return { service: `vendor-${f.proto}/${port}`, inside: 'src' };
  const inward = dstZone !== 'external' && dstZone !== 'vendor' && dstZone !== 'none';
  if ((srcZone === 'external' || srcZone === 'vendor') && inward && f.proto === 'tcp' && f.packetsIn > 0) {
    if (f.app === 'rdp' || port === 3389) return { service: `rdp/${port}`, inside: 'dst' };
    if (f.app === 'vnc' || (port >= 5900 && port <= 5903)) return { service: `vnc/${port}`, inside: 'dst' };
    if (srcZone === 'vendor') return { service: `vendor-${f.proto}/${port}`, inside: 'dst' };
  }
  if (outward && dstZone === 'external') {
    if (f.proto === 'udp' && (port === 500 || port === 4500)) return { service: `ipsec/${port}`, inside: 'src' };
    if (port === 1194) return { service: `openvpn/${port}`, inside: 'src' };
  }
  return null;
}

export function remoteSession(f: FlowJson, site: SiteConfig, sniService: string | null): SessionObs | null {
  const c = classify(f, site, sniService);
  if (c === null) return null;
  const inside = c.inside === 'src';
  return {
    ip: inside ? f.src : f.dst, mac: inside ? f.srcMac : f.dstMac, peer: inside ? f.dst : f.src, service: c.service,
    startMs: Date.parse(f.first), endMs: Date.parse(f.last), bytes: f.bytesOut + f.bytesIn,
  };
}

/** Longest chain of sessions (joined across short gaps) and the total time covered, for the always-on rule. */
export function chainStats(intervals: readonly (readonly [number, number])[]): { longestMs: number; coveredMs: number } {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let longest = 0;
  let covered = 0;
  let start = Number.NaN;
  let end = Number.NaN;
  for (const [s, e] of sorted) {
    if (Number.isNaN(start) || s > end + CHAIN_GAP_MS) {
      if (!Number.isNaN(start)) { longest = Math.max(longest, end - start); covered += end - start; }
      start = s;
      end = e;
    } else if (e > end) end = e;
  }
  if (!Number.isNaN(start)) { longest = Math.max(longest, end - start); covered += end - start; }
  return { longestMs: longest, coveredMs: covered };
}

export function isAlwaysOn(stats: { longestMs: number; coveredMs: number }, captureMs: number): boolean {
  return stats.longestMs >= ALWAYS_ON_MS || (captureMs >= MIN_CAPTURE_FOR_SHARE_MS && stats.coveredMs > captureMs / 2);
}
