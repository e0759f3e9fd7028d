import { describe, expect, it } from 'vitest';
import { ip, mac } from '../addr.js';
import { playScenario } from '../scenario.js';
import type { Scenario, ScenarioEvent } from '../scenario.js';
import { expertWarnings } from '../../../test-support/tshark.js';
import { fields, writeTempCapture } from '../test-support/temp-capture.js';
import { ascii } from './byte-writer.js';
import { DHCP_DISCOVER, bytesOption, clientIdOption, dhcpMessage, textOption } from './dhcp.js';
import { CT_IMAGE_STORAGE, cEchoRq, cEchoRsp, cStoreRq, cStoreRsp, encodeImplicitLe, textElement, uidElement } from './dicom-message.js';
import { IMPLICIT_VR_LITTLE_ENDIAN, associateAc, associateRq, pDataMessage, pDataTf, pDataTfHeader, releaseRp, releaseRq } from './dicom-ul.js';
import { DNS_TYPE_A, dnsQuery, dnsResponse } from './dns.js';
import { hl7Ack, hl7Message, mllpFrame } from './hl7.js';
import { httpRequest, httpResponse } from './http.js';
import { SMB2_DIALECT_202, SMB2_DIALECT_210, SMB2_DIALECT_300, smb2NegotiateRequest, smb2NegotiateResponse } from './smb2.js';
import { PDU_GET_REQUEST, PDU_RESPONSE, SNMP_V2C, snmpMessage } from './snmp.js';
import { bsdSyslog } from './syslog.js';
import { TELNET_DO, TELNET_OPT_ECHO, TELNET_WILL, telnetNegotiation } from './telnet.js';
import { requires } from '../../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

const START = 1_709_539_200;
const IMPL_UID = '2.25.1234567890';
const SOP_INSTANCE = '2.25.42';

function dicomEvents(): ScenarioEvent[] {
  const assoc = { calledAeTitle: 'PACS', callingAeTitle: 'MODALITY', maxPduLength: 16384, implementationClassUid: IMPL_UID, implementationVersionName: 'SYNTH_1' };
  const dataset = encodeImplicitLe([
    textElement(0x0008, 0x0070, 'SYNTHETIC MANUFACTURER'),
    uidElement(0x0008, 0x0016, CT_IMAGE_STORAGE),
    uidElement(0x0008, 0x0018, SOP_INSTANCE),
    textElement(0x0010, 0x0010, 'SYNTHETIC^TEST'),
    textElement(0x0008, 0x0060, 'CT'),
  ]);
  return [{
    at: 0, kind: 'tcp', client: 'ct', server: 'pacs', serverPort: 104, messages: [
      { fromClient: true, data: associateRq({ ...assoc, contexts: [{ id: 1, abstractSyntax: CT_IMAGE_STORAGE, transferSyntaxes: [IMPLICIT_VR_LITTLE_ENDIAN] }, { id: 3, abstractSyntax: '1.2.840.10008.1.1', transferSyntaxes: [IMPLICIT_VR_LITTLE_ENDIAN] }] }) },
      { fromClient: false, data: associateAc({ ...assoc, implementationVersionName: 'PACS_1', results: [{ id: 1, result: 0, transferSyntax: IMPLICIT_VR_LITTLE_ENDIAN }, { id: 3, result: 0, transferSyntax: IMPLICIT_VR_LITTLE_ENDIAN }] }) },
      { fromClient: true, data: pDataMessage(3, true, cEchoRq(1), 16384) },
      { fromClient: false, data: pDataMessage(3, true, cEchoRsp(1), 16384) },
      { fromClient: true, data: [...pDataMessage(1, true, cStoreRq(2, CT_IMAGE_STORAGE, SOP_INSTANCE), 16384), ...pDataMessage(1, false, dataset, 64)] },
      { fromClient: false, data: pDataMessage(1, true, cStoreRsp(2, CT_IMAGE_STORAGE, SOP_INSTANCE), 16384) },
      { fromClient: true, data: releaseRq() },
      { fromClient: false, data: releaseRp() },
    ],
  }];
}

function otherEvents(): ScenarioEvent[] {
  const msh = { sendingApplication: 'MONITOR_GW', sendingFacility: 'ICU', receivingApplication: 'ENGINE', receivingFacility: 'HOSP', version: '2.6', controlId: 'MSG0001' };
  const oru = hl7Message([
    'MSH|^~\\&|MONITOR_GW|ICU|ENGINE|HOSP|20240304080000||ORU^R01^ORU_R01|MSG0001|P|2.6',
    'PID|||SYN0001^^^HOSP^MR||SYNTHETIC^TEST',
    'OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC||97|262688^MDC_DIM_PERCENT^MDC|||||F',
  ]);
  const pump = mac('00:d0:75:00:00:42');
  return [
    { at: 10, kind: 'tcp', client: 'gw', server: 'engine', serverPort: 2575, messages: [
      { fromClient: true, data: mllpFrame(oru) },
      { fromClient: false, data: mllpFrame(hl7Ack(msh, '20240304080001', 'ACK0001')) },
    ] },
    { at: 20, kind: 'udp', src: 'pump', dst: 'pacs', sport: 68, dport: 67, srcIp: '0.0.0.0', dstIp: '255.255.255.255', dstMac: 'ff:ff:ff:ff:ff:ff',
      payload: dhcpMessage({ op: 1, xid: 0x1234, chaddr: pump, messageType: DHCP_DISCOVER, options: [clientIdOption(pump), textOption(12, 'PUMP-SYNTH-01'), textOption(60, 'SyntheticPump/1.0'), bytesOption(55, [1, 3, 6, 15])] }) },
    { at: 21, kind: 'udp', src: 'gw', dst: 'engine', sport: 53001, dport: 53, payload: dnsQuery(7, 'pacs.hospital.example') },
    { at: 21.001, kind: 'udp', src: 'engine', dst: 'gw', sport: 53, dport: 53001, payload: dnsResponse(7, 'pacs.hospital.example', DNS_TYPE_A, [{ type: DNS_TYPE_A, ttlSec: 300, data: ip('10.20.0.10') }]) },
    { at: 22, kind: 'udp', src: 'gw', dst: 'engine', sport: 50161, dport: 161, payload: snmpMessage(SNMP_V2C, 'public', PDU_GET_REQUEST, 99, [{ oid: '1.3.6.1.2.1.1.1.0', value: { type: 'null' } }]) },
    { at: 22.001, kind: 'udp', src: 'engine', dst: 'gw', sport: 161, dport: 50161, payload: snmpMessage(SNMP_V2C, 'public', PDU_RESPONSE, 99, [{ oid: '1.3.6.1.2.1.1.1.0', value: { type: 'string', value: 'Synthetic OS 1.0' } }, { oid: '1.3.6.1.2.1.1.3.0', value: { type: 'timeticks', value: 123456 } }]) },
    { at: 23, kind: 'udp', src: 'gw', dst: 'engine', sport: 514, dport: 514, payload: bsdSyslog(4, 6, START, 'gw', 'sshd', 'synthetic test message') },
    { at: 30, kind: 'tcp', client: 'gw', server: 'pacs', serverPort: 445, messages: [
      { fromClient: true, data: smb2NegotiateRequest([SMB2_DIALECT_202, SMB2_DIALECT_210, SMB2_DIALECT_300], new Uint8Array(16).fill(1)) },
      { fromClient: false, data: smb2NegotiateResponse(SMB2_DIALECT_210, new Uint8Array(16).fill(2), START + 30, START - 86400) },
    ] },
    { at: 40, kind: 'tcp', client: 'gw', server: 'engine', serverPort: 80, messages: [
      { fromClient: true, data: httpRequest('GET', '/index.html', [['Host', 'engine'], ['User-Agent', 'SynthAgent/1.0']]) },
      { fromClient: false, data: httpResponse(200, 'OK', [['Server', 'SynthServer/2.0'], ['Content-Type', 'text/html']], ascii('<html><title>Synthetic</title></html>')) },
    ] },
    { at: 50, kind: 'tcp', client: 'gw', server: 'engine', serverPort: 23, messages: [
      { fromClient: false, data: telnetNegotiation([[TELNET_WILL, TELNET_OPT_ECHO], [TELNET_DO, 31]]) },
      { fromClient: false, data: ascii('\r\nlogin: ') },
      { fromClient: true, data: ascii('tester\r\n') },
    ] },
    { at: 60, kind: 'ping', src: 'gw', dst: 'pacs', count: 2 },
    { at: 70, kind: 'arp', src: 'gw', dst: 'engine' },
  ];
}

const scenario: Scenario = {
  startSec: START,
  seed: 11,
  hosts: [
    { name: 'ct', mac: '08:00:19:00:00:01', ip: '10.20.0.21' },
    { name: 'pacs', mac: '00:14:22:00:00:10', ip: '10.20.0.10', ttl: 128 },
    { name: 'gw', mac: '00:a0:37:00:00:05', ip: '10.20.0.5' },
    { name: 'engine', mac: '00:50:56:00:00:11', ip: '10.20.0.11' },
    { name: 'pump', mac: '00:d0:75:00:00:42', ip: '10.20.0.42' },
  ],
  events: [...dicomEvents(), ...otherEvents()],
};

describe('payload builders', () => {
  it('rejects an unknown host name in a scenario', () => {
    expect(() => playScenario({ ...scenario, events: [{ at: 0, kind: 'arp', src: 'gw', dst: 'nobody' }] }, { writePacket: () => undefined })).toThrow(RangeError);
  });

  it('splits a DICOM message into PDUs no larger than the peer allows', () => {
    const pdus = pDataMessage(1, false, new Uint8Array(1000), 256);
    expect(pdus).toHaveLength(4);
    for (const p of pdus) expect(p.length - 6).toBeLessThanOrEqual(256);
    expect(pdus.map((p) => p[11])).toEqual([0, 0, 0, 2]); // only the last PDV has the last-fragment bit
  });

  it('builds the same P-DATA-TF header on its own as in a whole PDU', () => {
    const data = Uint8Array.of(1, 2, 3);
    expect(pDataTfHeader(5, false, true, 3)).toEqual(pDataTf([{ contextId: 5, command: false, last: true, data }]).subarray(0, 12));
  });

  it.skipIf(tshark.skip)(tshark.title('are decoded by tshark as the intended protocols, without warnings'), () => {
    const path = writeTempCapture('payloads.pcap', (sink) => { playScenario(scenario, sink); });
    expect(expertWarnings(path)).toEqual([]);
    // One tshark run for every field (each run costs seconds); rows are then picked by protocol here.
    const names = [
      'frame.protocols', 'dicom.pdu.type', 'dicom.pdv.flags', '_ws.col.Info', 'dicom.assoc.ae.calling', 'dicom.assoc.ae.called',
      'dicom.userinfo.uid', 'dicom.userinfo.version', 'hl7.message.type', 'hl7.event.type', 'dhcp.option.dhcp', 'dhcp.option.hostname',
      'dhcp.option.vendor_class_id', 'dns.qry.name', 'dns.a', 'snmp.community', 'snmp.value.octets', 'syslog.msg', 'smb2.dialect',
      'http.user_agent', 'http.server', 'http.response.code', 'telnet.cmd', 'icmp.type', 'arp.opcode',
    ];
    const rows = fields(path, names);
    const col = (wanted: readonly string[], proto: string, keep: (row: Map<string, string>) => boolean = () => true): string[] =>
      rows
        .map((r) => new Map(names.map((n, i) => [n, (r[i] ?? '').trim()])))
        .filter((m) => (m.get('frame.protocols') ?? '').split(':').includes(proto) && keep(m))
        .map((m) => wanted.map((w) => m.get(w) ?? '').join('|'));
    expect(col(['dicom.assoc.ae.calling', 'dicom.assoc.ae.called', 'dicom.userinfo.uid', 'dicom.userinfo.version'], 'dicom', (m) => m.get('dicom.pdu.type') === '0x01')).toEqual([`MODALITY|PACS|${IMPL_UID}|SYNTH_1`]);
    const pduTypes = col(['dicom.pdu.type'], 'dicom').join(',').split(',').map(Number);
    expect(pduTypes.filter((t, i) => t !== pduTypes[i - 1])).toEqual([1, 2, 4, 5, 6]);
    expect(pduTypes.filter((t) => t === 4).length).toBe(2 + 1 + 2 + 1); // echo rq/rsp, store command, 2 data fragments, store rsp
    expect(col(['_ws.col.Info'], 'dicom', (m) => (m.get('dicom.pdv.flags') ?? '').includes('0x02')).join()).toContain('C-STORE-RQ');
    expect(col(['hl7.message.type', 'hl7.event.type'], 'hl7')).toEqual(['ORU|R01', 'ACK|']);
    expect(col(['dhcp.option.dhcp', 'dhcp.option.hostname', 'dhcp.option.vendor_class_id'], 'dhcp')).toEqual(['1|PUMP-SYNTH-01|SyntheticPump/1.0']);
    expect(col(['dns.qry.name', 'dns.a'], 'dns')).toEqual(['pacs.hospital.example|', 'pacs.hospital.example|10.20.0.10']);
    expect(col(['snmp.community', 'snmp.value.octets'], 'snmp')).toEqual(['public|', `public|${Buffer.from('Synthetic OS 1.0').toString('hex')}`]);
    expect(col(['syslog.msg'], 'syslog')).toEqual(['Mar  4 08:00:00 gw sshd: synthetic test message']);
    expect(col(['smb2.dialect'], 'smb2')).toEqual(['0x0202,0x0210,0x0300', '0x0210']);
    expect(col(['http.user_agent', 'http.server', 'http.response.code'], 'http')).toEqual(['SynthAgent/1.0||', '|SynthServer/2.0|200']);
    expect(col(['telnet.cmd'], 'telnet').filter((c) => c !== '').length).toBeGreaterThan(0);
    expect(col(['icmp.type'], 'icmp')).toEqual(['8', '0', '8', '0']);
    expect(col(['arp.opcode'], 'arp')).toEqual(['1', '2']);
  });
});
