/**
 * Exposed management interfaces (docs/site-file.md): a web console (HTTP/HTTPS), FTP, Telnet, SSH,
 * RDP, VNC or WinRM on a device, answered to a client outside the management zone. Whether the device is medical
 * is judged at the end from the inventory (the collector drops the rest). With a management zone, every client
 * outside it counts. Without one nobody is a management host, so the collector keeps a client that is on another
 * subnet than the device, or that is a general-purpose or unidentified host (a workstation, a laptop): not another
 * clinical or network device of the device's own segment (a central station polling its monitors).
 */
import type { FlowJson } from '../../capture/flow-json.js';
import type { DeviceCategory } from '../../identify/types.js';
import type { Severity } from '../types.js';
import { hasManagementZone, zoneOf, type SiteConfig } from '../site.js';
import { at, type Hit } from './hit.js';

/** Decoder names (the flow's app) of management protocols. */
const MGMT_APPS = new Map<string, string>([['telnet', 'telnet'], ['ssh', 'ssh'], ['rdp', 'rdp'], ['vnc', 'vnc'], ['http', 'http'], ['ftp', 'ftp']]);
/** IANA service ports (RFC 959 FTP, RFC 4251 SSH, RFC 854 Telnet, RFC 6143 VNC 5900+display, MS-RDPBCGR 3389,
 *  WS-Management 5985/5986, HTTP alternates 8000/8080/8443), for flows no decoder claimed. */
const MGMT_PORTS = new Map<number, string>([
  [21, 'ftp'], [22, 'ssh'], [23, 'telnet'], [80, 'http'], [443, 'https'], [3389, 'rdp'], [5900, 'vnc'], [5901, 'vnc'], [5902, 'vnc'], [5903, 'vnc'],
  [5985, 'winrm'], [5986, 'winrm'], [8000, 'http'], [8080, 'http'], [8443, 'https'],
]);
const NAMES: Record<string, string> = { ssh: 'SSH', telnet: 'Telnet', ftp: 'FTP', http: 'web console (HTTP)', https: 'web console (HTTPS)', rdp: 'RDP', vnc: 'VNC', winrm: 'WinRM' };
/** Services that hand over a password in clear or a screen with weak or no authentication. */
const WORSE: ReadonlySet<string> = new Set(['telnet', 'vnc', 'ftp']);
/**
 * Servers whose web interface is the clinical application itself (a PACS viewer, an EHR, a LIS front end): staff
 * use it from workstations, so web access to them is not management.
 */
const WEB_IS_THE_APPLICATION: readonly DeviceCategory[] = ['clinical-system', 'imaging-infrastructure'];
/**
 * Clinical systems (EHR, LIS, HL7 interface engines) are software on servers, not medical devices: the FD&C Act
 * §520(o)(1) (added by the 21st Century Cures Act §3060) excludes software that transfers, stores, converts or
 * displays clinical data and electronic health records from the device definition. Their SSH or RDP is server
 * administration, not management of a medical device; a PACS (imaging-infrastructure) stays a device (FDA product
 * code LLZ, radiological image processing system).
 */
const NOT_A_MEDICAL_DEVICE: readonly DeviceCategory[] = ['clinical-system'];

/** Ports below this are services (IANA system ports, RFC 6335 §6). */
const SYSTEM_PORTS = 1024;
const servicePort = (p: number): boolean => p < SYSTEM_PORTS || MGMT_PORTS.has(p);

/**
 * The flow's client, server and service port: a flow caught mid-stream (no SYN seen) from a service port (a system
 * port or a management port) to an ephemeral one is turned round.
 */
export function orient(f: FlowJson): { client: string; clientMac: string | null; server: string; serverMac: string | null; port: number | null } {
  const reversed = f.syn === undefined && f.sport !== null && f.dport !== null && servicePort(f.sport) && !servicePort(f.dport);
  return reversed
    ? { client: f.dst, clientMac: f.dstMac, server: f.src, serverMac: f.srcMac, port: f.sport }
    : { client: f.src, clientMac: f.srcMac, server: f.dst, serverMac: f.dstMac, port: f.dport };
}

/**
 * A TCP connection the server accepted: it answered the SYN (a SYN-ACK, even when the session later ended with a
 * reset), a decoder recognised its protocol, or it was seen established. A refused SYN (answered by a reset) is no
 * exposure.
 */
export function accepted(f: FlowJson): boolean {
  return f.packetsIn > 0 && (f.synAck !== undefined || f.app !== null || f.state === 'established' || f.state === 'closed' || f.state === 'partial');
}

/** `https` also for TLS on any port when the client offered HTTP in ALPN (`httpOverTls`). */
export function managementService(f: FlowJson, port: number | null, httpOverTls = false): string | null {
  if (f.proto !== 'tcp') return null;
  const app = f.app === null ? undefined : MGMT_APPS.get(f.app);
  if (app !== undefined) return app;
  if (f.app === 'tls') return httpOverTls || port === 443 || port === 8443 ? 'https' : null;
  return f.app === null && port !== null ? MGMT_PORTS.get(port) ?? null : null;
}

export function exposureHits(f: FlowJson, site: SiteConfig, out: Hit[], httpOverTls = false): void {
  if (!accepted(f)) return;
  const o = orient(f);
  const service = managementService(f, o.port, httpOverTls);
  if (service === null) return;
  const client = zoneOf(site, o.client);
  const server = zoneOf(site, o.server);
  if (client === 'management' || client === 'vendor' || client === 'none' || server === 'external' || server === 'vendor' || server === 'none') return;
  const name = NAMES[service] ?? service;
  const zoned = hasManagementZone(site);
  const severity: Severity = client === 'external' ? 'critical' : WORSE.has(service) ? 'high' : 'medium';
  const why = client === 'external' ? 'reached from the internet' : zoned ? 'reached from outside the management zone' : 'reached from a workstation, an unidentified host or another subnet (no management zone configured: give one with --site to judge)';
  out.push({
    ip: o.server, mac: o.serverMac, tsMs: Date.parse(f.first), peer: o.client, kind: 'exposed-management', key: `${service}/${o.port ?? '?'}`, severity,
    title: `${name.charAt(0).toUpperCase()}${name.slice(1)} on a medical device ${client === 'external' ? 'reachable from the internet' : 'reachable outside a management zone'}`,
    detail: `The device's ${name} (port ${o.port ?? '?'}) was ${why}. Allow management access only from the biomed/management network (a firewall or ACL in front of the device).`,
    evidence: `${o.client} (${client}) connected to ${at(o.server, o.port)} (${name}) ${f.first}`,
    facts: { service: `${service}/${o.port ?? '?'}`, external: client === 'external', automatable: client === 'external' },
    medicalOnly: true,
    notOn: service === 'http' || service === 'https' ? WEB_IS_THE_APPLICATION : NOT_A_MEDICAL_DEVICE,
    ...(client === 'internal' && !zoned ? { judgeClient: { ip: o.client, mac: o.clientMac } } : {}),
  });
}
