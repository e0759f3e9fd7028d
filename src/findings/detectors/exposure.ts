/**
 * Exposed management interfaces and internet egress (issue 5 §1), from flows and the site's zones: a web console,
 * Telnet, SSH, RDP, VNC or WinRM on a medical device reached from outside the management zone, and a medical device
 * opening connections to the internet. Without a management zone in the site file, internal access is still
 * reported, at low severity, saying so.
 */
import type { FlowJson } from '../../capture/flow-json.js';
import type { Severity } from '../types.js';
import { hasManagementZone, zoneOf, type SiteConfig } from '../site.js';
import { at, type Hit } from './hit.js';

const MGMT_APPS = new Map<string, string>([['telnet', 'Telnet'], ['ssh', 'SSH'], ['rdp', 'RDP'], ['vnc', 'VNC'], ['http', 'web console']]);
const MGMT_PORTS = new Map<number, string>([
  [22, 'ssh'], [23, 'telnet'], [80, 'http'], [443, 'https'], [3389, 'rdp'], [5900, 'vnc'], [5901, 'vnc'], [5902, 'vnc'], [5903, 'vnc'],
  [5985, 'winrm'], [5986, 'winrm'], [8080, 'http'], [8443, 'https'],
]);
const NAMES: Record<string, string> = { ssh: 'SSH', telnet: 'Telnet', http: 'web console (HTTP)', https: 'web console (HTTPS)', rdp: 'RDP', vnc: 'VNC', winrm: 'WinRM' };
/** Apps whose traffic is readable, so egress with them sends clear text over the internet. */
const CLEARTEXT_APPS: ReadonlySet<string> = new Set(['hl7', 'dicom', 'telnet', 'ftp', 'http', 'snmp', 'astm', 'poct1a']);

/** A TCP connection that was answered (a refused SYN is no exposure). */
function answered(f: FlowJson): boolean {
  return f.packetsIn > 0 && (f.app !== null || f.state === 'established' || f.state === 'closed' || f.state === 'partial');
}

export function managementService(f: FlowJson): string | null {
  if (f.proto !== 'tcp') return null;
  if (f.app !== null && MGMT_APPS.has(f.app)) return f.app;
  if (f.app === 'tls' && (f.dport === 443 || f.dport === 8443)) return 'https';
  return f.app === null && f.dport !== null ? MGMT_PORTS.get(f.dport) ?? null : null;
}

function exposureHit(f: FlowJson, site: SiteConfig, service: string, tsMs: number): Hit | null {
  const client = zoneOf(site, f.src);
  if (client === 'management' || client === 'vendor' || client === 'none' || zoneOf(site, f.dst) === 'external') return null;
  const name = NAMES[service] ?? service;
  const zoned = hasManagementZone(site);
  let severity: Severity;
  let why: string;
  if (client === 'external') {
    severity = 'critical';
    why = 'reached from the internet';
  } else if (zoned) {
    severity = service === 'telnet' || service === 'vnc' ? 'high' : 'medium';
    why = 'reached from outside the management zone';
  } else {
    severity = 'low';
    why = 'reached from an internal client (no management zone configured: give one with --site to judge)';
  }
  return {
    ip: f.dst, mac: f.dstMac, tsMs, peer: f.src, kind: 'exposed-management', key: `${service}/${f.dport ?? '?'}`, severity,
    title: `${name.charAt(0).toUpperCase()}${name.slice(1)} on a medical device ${client === 'external' ? 'reachable from the internet' : 'reachable outside a management zone'}`,
    detail: `The device's ${name} (port ${f.dport ?? '?'}) was ${why}. Allow management access only from the biomed/management network (a firewall or ACL in front of the device).`,
    evidence: `${f.src} (${client}) connected to ${at(f.dst, f.dport)} (${name}) ${f.first}`,
    facts: { service: `${service}/${f.dport ?? '?'}`, external: client === 'external', automatable: client === 'external' },
    medicalOnly: true,
  };
}

function egressHit(f: FlowJson, site: SiteConfig, tsMs: number): Hit | null {
  if (zoneOf(site, f.dst) !== 'external' || zoneOf(site, f.src) === 'external' || zoneOf(site, f.src) === 'none') return null;
  const service = `${f.proto}/${f.dport ?? '?'}`;
  const clear = f.app !== null && CLEARTEXT_APPS.has(f.app);
  return {
    ip: f.src, mac: f.srcMac, tsMs, peer: f.dst, kind: 'internet-egress', key: service, severity: clear ? 'high' : 'medium',
    title: `Medical device talks to the internet (${f.app ?? service})`,
    detail: `The device opened ${service}${f.app !== null ? ` (${f.app})` : ''} connections to addresses outside the hospital's networks${clear ? ', in clear text' : ''}. Confirm with the vendor that it is needed; otherwise block it at the firewall.`,
    evidence: `${f.src} -> ${at(f.dst, f.dport)} ${f.proto}${f.app !== null ? ` ${f.app}` : ''}, ${f.bytesOut + f.bytesIn} bytes, ${f.first}`,
    facts: { service, external: true },
    medicalOnly: true,
  };
}

export function exposureHits(f: FlowJson, site: SiteConfig, out: Hit[]): void {
  const tsMs = Date.parse(f.first);
  const service = managementService(f);
  if (service !== null && answered(f)) {
    const h = exposureHit(f, site, service, tsMs);
    if (h !== null) out.push(h);
  }
  if (f.proto === 'tcp' && !answered(f)) return;
  const e = egressHit(f, site, tsMs);
  if (e !== null) out.push(e);
}
