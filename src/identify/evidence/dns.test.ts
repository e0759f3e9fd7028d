/** DNS answers name addresses; DNS and DHCP servers show their role (RFC 1035 §4, RFC 2131 §4.3.1, RFC 2132 §9.7). */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../../decode/types.js';
import { classifyDevice } from '../classify.js';
import { observationsFromRecord } from '../extract-evidence.js';
import { loadKnowledgeBase } from '../knowledge/load-kb.js';
import { DNS_HOSTNAME_CONFIDENCE, firstLabel, isSiteAddress, reverseIpv4 } from './dns.js';

const kb = loadKnowledgeBase();
const SERVER = { src: '10.20.10.2', sport: 53, srcMac: '00:50:56:9a:02:02' };
const CLIENT = { dst: '10.20.40.57', dport: 56657, dstMac: '04:0e:3c:57:07:07' };

function dns(fields: Record<string, unknown>, proto = 'dns'): ProtocolRecord {
  return { ts: '2024-03-04T08:00:02.002Z', proto, kind: 'response', id: 1, rcode: 'NOERROR', ...SERVER, ...CLIENT, ...fields };
}
const a = (name: string, data: string, type = 'A'): Record<string, string | number> => ({ name, type, ttl: 3600, data });
const names = (rec: ProtocolRecord): { ip: string | null; mac: string | null; value: string; confidence: number }[] =>
  observationsFromRecord(rec, kb).filter((o) => o.evidence.attribute === 'hostname').map((o) => ({ ip: o.key.ip, mac: o.key.mac, value: o.evidence.value, confidence: o.evidence.confidence }));
const roles = (rec: ProtocolRecord): string[] => observationsFromRecord(rec, kb).filter((o) => o.evidence.attribute === 'type').map((o) => `${o.key.ip ?? '-'} ${o.evidence.value} ${o.evidence.source}`);

describe('DNS answers -> host names of the answered addresses', () => {
  it('an A answer names its address with the first label, below a DHCP option 12 name (0.8), by IP only', () => {
    expect(names(dns({ qname: 'pacs01.hospital.example', answers: [a('pacs01.hospital.example', '10.20.10.10')] }))).toEqual([
      { ip: '10.20.10.10', mac: null, value: 'pacs01', confidence: DNS_HOSTNAME_CONFIDENCE },
    ]);
    expect(DNS_HOSTNAME_CONFIDENCE).toBeLessThan(0.8);
    expect(DNS_HOSTNAME_CONFIDENCE).toBeGreaterThanOrEqual(0.5);
  });

  it('a CNAME chain names the address by the canonical owner of the A record, never by the alias asked for', () => {
    const rec = dns({ qname: 'pacs.hospital.example', answers: [a('pacs.hospital.example', 'pacs01.hospital.example', 'CNAME'), a('pacs01.hospital.example', '10.20.10.10')] });
    expect(names(rec).map((n) => `${n.ip ?? ''} ${n.value}`)).toEqual(['10.20.10.10 pacs01']);
  });

  it('AAAA (ULA) and PTR (in-addr.arpa) answers name their addresses too', () => {
    expect(names(dns({ answers: [a('ct01.hospital.example', 'fd00:20::21', 'AAAA')] })).map((n) => `${n.ip ?? ''} ${n.value}`)).toEqual(['fd00:20::21 ct01']);
    expect(names(dns({ qtype: 'PTR', answers: [a('5.30.20.10.in-addr.arpa', 'pmgw01.hospital.example', 'PTR')] })).map((n) => `${n.ip ?? ''} ${n.value}`)).toEqual(['10.20.30.5 pmgw01']);
  });

  it('must not fire: queries, NXDOMAIN, public addresses, mDNS/LLMNR, service and wildcard names, MX/TXT answers', () => {
    expect(names(dns({ kind: 'query', answers: [a('pacs01.hospital.example', '10.20.10.10')] }))).toEqual([]);
    expect(names(dns({ rcode: 'NXDOMAIN' }))).toEqual([]);
    expect(names(dns({ answers: [a('www.vendor-cloud.example', '93.184.216.34')] }))).toEqual([]);
    expect(names(dns({ answers: [a('printer.local', '10.20.50.5')] }, 'mdns'))).toEqual([]);
    expect(names(dns({ answers: [a('*.hospital.example', '10.20.1.1'), a('_ldap._tcp.hospital.example', '10.20.1.2')] }))).toEqual([]);
    expect(names(dns({ answers: [a('hospital.example', 'mail.hospital.example', 'MX'), a('x.hospital.example', '"10.20.1.3"', 'TXT')] }))).toEqual([]);
    expect(names(dns({ answers: [a('bad.hospital.example', 'not-an-address')] }))).toEqual([]);
  });

  it('the device\'s own DHCP name wins the spelling; the DNS name joins it case-insensitively', () => {
    const dnsName = observationsFromRecord(dns({ answers: [a('pacs01.hospital.example', '10.20.10.10')] }), kb).map((o) => o.evidence);
    const dhcpName = { attribute: 'hostname' as const, value: 'PACS01', source: 'dhcp.hostname', detail: 'option 12 PACS01', confidence: 0.8, tsMs: 0 };
    expect(classifyDevice([...dnsName, dhcpName], kb, { asOf: new Date('2024-03-04T08:00:00Z') }).hostnames).toEqual(['PACS01']);
  });

  it('helpers: site addresses, first labels, reverse names', () => {
    expect(['10.1.2.3', '172.16.0.1', '172.31.255.1', '192.168.1.1', '100.64.0.1', '169.254.1.1', 'fd12::1', 'fe80::1'].every(isSiteAddress)).toBe(true);
    expect(['8.8.8.8', '172.32.0.1', '192.169.0.1', '2001:db8::1', '10.1.2', '10.1.2.300'].some(isSiteAddress)).toBe(false);
    expect([firstLabel('PACS01.hospital.example'), firstLabel('*.x'), firstLabel('_sip._udp.x'), firstLabel('10.x')]).toEqual(['PACS01', null, null, null]);
    expect([reverseIpv4('4.3.2.1.in-addr.arpa'), reverseIpv4('1.0.0.0.ip6.arpa'), reverseIpv4('x.in-addr.arpa')]).toEqual(['1.2.3.4', null, null]);
  });
});

describe('server roles: type server, category it (data/device-types.json serviceRole)', () => {
  it('a host answering another host\'s DNS query from port 53 is a DNS server, even for NXDOMAIN', () => {
    expect(roles(dns({ rcode: 'NXDOMAIN' }))).toEqual(['10.20.10.2 server dns.response']);
  });

  it('must not fire: the query\'s sender, mDNS responders, answers from another port, a host answering itself', () => {
    expect(roles(dns({ kind: 'query' }))).toEqual([]);
    expect(roles(dns({ sport: 5353 }, 'mdns'))).toEqual([]);
    expect(roles(dns({ sport: 40000 }))).toEqual([]);
    expect(roles(dns({ dst: '10.20.10.2' }))).toEqual([]);
  });

  const dhcp = (kind: string, src: string, serverId: string | undefined): ProtocolRecord => ({
    ts: '2024-03-04T08:00:00.51Z', proto: 'dhcp', kind, src, sport: 67, dst: '255.255.255.255', dport: 68, srcMac: '00:50:56:9a:02:02', dstMac: 'ff:ff:ff:ff:ff:ff',
    clientMac: '04:0e:3c:57:07:07', assignedIp: '10.20.40.57', ...(serverId === undefined ? {} : { serverId }),
  });

  it('DHCP OFFER/ACK from the address option 54 names is the DHCP server', () => {
    expect(roles(dhcp('offer', '10.20.10.2', '10.20.10.2'))).toEqual(['10.20.10.2 server dhcp.serverId']);
    expect(roles(dhcp('ack', '10.20.10.2', '10.20.10.2'))).toEqual(['10.20.10.2 server dhcp.serverId']);
  });

  it('must not fire: a relay agent forwarding the server\'s reply, a reply without option 54, client messages', () => {
    expect(roles(dhcp('offer', '10.20.0.1', '10.20.10.2'))).toEqual([]);
    expect(roles(dhcp('ack', '10.20.10.2', undefined))).toEqual([]);
    expect(roles(dhcp('request', '10.20.10.2', '10.20.10.2'))).toEqual([]);
  });
});
