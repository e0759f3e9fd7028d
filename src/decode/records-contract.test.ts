/**
 * docs/architecture.md "Records" is a firm contract: on a capture made by real peers for each protocol, `wardwatch records`
 * carries at least the fields the table names (each field appears on the records of the kinds it belongs to).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../pipeline/test-support/records-of.js';

const here = (p: string): string => path.join(import.meta.dirname, p);

interface Contract {
  proto: string;
  capture: string;
  /** Kinds that must appear, with the fields each must carry (keys present on at least one record of the kind). */
  kinds: Record<string, readonly string[]>;
}

const ENVELOPE = ['ts', 'proto', 'kind', 'src', 'sport', 'dst', 'dport'];

const contracts: Contract[] = [
  {
    proto: 'dicom',
    capture: 'dicom/fixtures/store-explicit.pcap',
    kinds: {
      'associate-rq': ['callingAeTitle', 'calledAeTitle', 'applicationContext', 'abstractSyntaxes', 'transferSyntaxes', 'maxPduLength', 'implementationClassUid', 'implementationVersionName'],
      'associate-ac': ['callingAeTitle', 'calledAeTitle', 'implementationClassUid', 'implementationVersionName'],
      command: ['command', 'affectedSopClassUid', 'dataset'],
      'release-rq': [],
      'release-rp': [],
    },
  },
  { proto: 'dicom', capture: 'dicom/fixtures/reject-ae.pcap', kinds: { 'associate-rj': [] } },
  { proto: 'dicom', capture: 'dicom/fixtures/abort.pcap', kinds: { abort: [] } },
  {
    proto: 'hl7',
    capture: 'hl7/fixtures/hl7-mllp.pcap',
    kinds: { message: ['sendingApplication', 'sendingFacility', 'receivingApplication', 'receivingFacility', 'messageType', 'controlId', 'version', 'segments', 'phiFields', 'deviceIds'] },
  },
  {
    proto: 'dhcp',
    capture: 'dhcp/fixtures/dhcp-dnsmasq-dhclient.pcap',
    kinds: { discover: ['clientMac', 'hostname', 'vendorClass', 'paramRequestList', 'clientId'], request: ['clientMac', 'requestedIp'], ack: ['clientMac', 'assignedIp'] },
  },
  {
    proto: 'http',
    capture: 'http/fixtures/http-peers.pcap',
    kinds: { request: ['method', 'host', 'uri', 'userAgent', 'authScheme', 'authUser'], response: ['status', 'server', 'title'] },
  },
  {
    proto: 'tls',
    capture: 'tls/fixtures/tls-versions.pcap',
    kinds: { 'client-hello': ['version', 'sni', 'cipherSuites', 'alpn', 'ja3', 'ja4'], 'server-hello': ['version', 'cipher', 'certSubject', 'certIssuer'] },
  },
  { proto: 'smb', capture: 'smb/fixtures/smb2-ntlmssp.pcap', kinds: { negotiate: ['dialect', 'smbVersion'], ntlmssp: ['osVersion', 'ntlmDomain', 'ntlmHost'] } },
  { proto: 'snmp', capture: 'snmp/fixtures/snmp-peers.pcap', kinds: { get: ['version', 'community'], response: ['version', 'sysDescr', 'sysObjectId', 'sysName'] } },
  { proto: 'ftp', capture: 'ftp/fixtures/ftp-peers.pcap', kinds: { login: ['user', 'success', 'defaultCredential', 'banner'] } },
  { proto: 'telnet', capture: 'telnet/fixtures/telnet-peers.pcap', kinds: { login: ['user', 'success', 'defaultCredential', 'banner'] } },
  { proto: 'ssh', capture: 'ssh/fixtures/ssh-peers.pcap', kinds: { banner: ['software'] } },
  { proto: 'lldp', capture: 'lldp/fixtures/lldp-peers.pcap', kinds: { announce: ['chassisId', 'portId', 'systemName', 'systemDescription', 'managementAddress', 'capabilities'] } },
  { proto: 'cdp', capture: 'lldp/fixtures/lldp-peers.pcap', kinds: { announce: ['portId', 'systemName', 'systemDescription', 'managementAddress', 'capabilities'] } },
  { proto: 'poct1a', capture: 'poct1a/fixtures/poct1a.pcap', kinds: { hello: ['vendor', 'model', 'serial', 'softwareVersion'], 'device-status': [] } },
  { proto: 'astm', capture: 'astm/fixtures/astm.pcap', kinds: { header: ['senderName', 'senderVersion', 'senderSerial'] } },
];

describe('records carry the docs/architecture.md fields', () => {
  it.each(contracts.map((c) => [`${c.proto} ${path.basename(c.capture)}`, c] as const))('%s', async (_name, c) => {
    const { records } = await recordsOf(here(c.capture));
    const mine = records.filter((r) => r.proto === c.proto);
    for (const [kind, fields] of Object.entries(c.kinds)) {
      const ofKind = mine.filter((r) => r.kind === kind);
      expect(ofKind.length, `${c.proto} ${kind} records`).toBeGreaterThan(0);
      const keys = new Set(ofKind.flatMap((r) => Object.keys(r)));
      for (const f of [...ENVELOPE, ...fields]) expect(keys.has(f), `${c.proto} ${kind}.${f}`).toBe(true);
    }
  });
});
