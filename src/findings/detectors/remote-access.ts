/**
 * Vendor remote-access sessions: TeamViewer (TCP/UDP 5938, *.teamviewer.com), AnyDesk (TCP 7070,
 * *.anydesk.com), RDP/VNC from outside the hospital, IPsec (UDP 500/4500) and OpenVPN (1194) tunnels to the
 * internet, any traffic with the site's vendor networks, and a long-lived session to a host whose TLS or DNS name
 * names a vendor remote-service endpoint (remote-endpoints.ts). Each flow is a session (start, end, duration,
 * bytes); a chain of sessions lasting 8 h or more, or present in most of a long capture, is "always on".
 */
import type { FlowJson } from '../../capture/flow-json.js';
import { zoneOf, type SiteConfig } from '../site.js';
import type { EndpointMatch } from './remote-endpoints.js';

export interface SessionObs {
  /** The hospital-side host. */
  ip: string;
  mac: string | null;
  peer: string;
  service: string;
  startMs: number;
  endMs: number;
  bytes: number;
  /** Recognised by name only: a remote-access finding only when the site-side device is medical. */
  medicalOnly?: boolean;
}

/**
 * A session to a named vendor remote-service host counts from this long. Web servers close an idle keep-alive
 * connection within seconds to two minutes (Apache KeepAliveTimeout 5 s, nginx keepalive_timeout 75 s, IIS
 * connectionTimeout 120 s), so a TLS session held past 120 s is kept open by the application on purpose: a service
 * tunnel or a long poll, not a page fetch or an update check.
 */
export const LONG_SESSION_MS = 120_000;

/** A far end recognised by its TLS server name or DNS name. */
export interface NamedPeer {
  name: string;
  endpoint: EndpointMatch;
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

function classify(f: FlowJson, site: SiteConfig, sniService: string | null, named: NamedPeer | null): { service: string; inside: 'src' | 'dst'; byName?: true } | null {
  const srcZone = zoneOf(site, f.src);
  const dstZone = zoneOf(site, f.dst);
  const port = f.dport ?? 0;
  const outward = srcZone !== 'external' && srcZone !== 'vendor' && srcZone !== 'none';
  if (sniService !== null) return { service: `${sniService}/${port}`, inside: 'src' };
  if (port === 5938 && outward && dstZone === 'external') return { service: `teamviewer/${port}`, inside: 'src' };
  if (port === 7070 && f.proto === 'tcp' && outward && dstZone === 'external') return { service: `anydesk/${port}`, inside: 'src' };
  if (dstZone === 'vendor' && outward) return { service: `vendor-${f.proto}/${port}`, inside: 'src' };
  if (named !== null && outward && dstZone === 'external' && f.packetsIn > 0 && Date.parse(f.last) - Date.parse(f.first) >= LONG_SESSION_MS) {
    return { service: `vendor-${f.proto}/${port}`, inside: 'src', byName: true };
  }
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

export function remoteSession(f: FlowJson, site: SiteConfig, sniService: string | null, named: NamedPeer | null = null): SessionObs | null {
  const c = classify(f, site, sniService, named);
  if (c === null) return null;
  const inside = c.inside === 'src';
  const far = inside ? f.dst : f.src;
  return {
    ip: inside ? f.src : f.dst, mac: inside ? f.srcMac : f.dstMac, peer: named !== null && inside ? `${far} (${named.name}: ${named.endpoint.service})` : far, service: c.service,
    startMs: Date.parse(f.first), endMs: Date.parse(f.last), bytes: f.bytesOut + f.bytesIn, ...(c.byName === true ? { medicalOnly: true } : {}),
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
