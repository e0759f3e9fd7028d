/** Checks the NTLMSSP, SMB session-setup and LLDP builders against tshark and against wardwatch's own parsers. */
import { describe, expect, it } from 'vitest';
import { findNtlmssp } from '../../../decode/ntlmssp/parse-ntlmssp.js';
import { mac } from '../addr.js';
import { playScenario } from '../scenario.js';
import type { Scenario } from '../scenario.js';
import { expertWarnings } from '../../../test-support/tshark.js';
import { fields, writeTempCapture } from '../test-support/temp-capture.js';
import { LLDP_CAP_BRIDGE, LLDP_CAP_ROUTER, lldpFrame } from './lldp.js';
import { ntlmAuthenticate, ntlmChallenge, ntlmNegotiate, windowsVersion } from './ntlmssp.js';
import { STATUS_MORE_PROCESSING_REQUIRED, XP_SMB1_DIALECTS, smb1NegotiateRequest, smb1SessionSetupRequest, smb2SessionSetupRequest, smb2SessionSetupResponse } from './smb-session.js';
import { requires } from '../../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

const WIN7 = windowsVersion('6.1.7601');
const SRV2016 = windowsVersion('10.0.14393');
const XP = windowsVersion('5.1.2600');
const challenge = ntlmChallenge({ version: SRV2016, netbiosDomain: 'HOSP', netbiosComputer: 'FS01', dnsDomain: 'hospital.example', dnsComputer: 'fs01.hospital.example', serverChallenge: new Uint8Array(8).fill(7) });

const scenario: Scenario = {
  startSec: 1_709_539_200,
  seed: 5,
  hosts: [
    { name: 'ws7', mac: '00:14:22:00:00:07', ip: '10.1.0.7', ttl: 128 },
    { name: 'xp', mac: '00:14:22:00:00:05', ip: '10.1.0.5', ttl: 128 },
    { name: 'fs', mac: '00:14:22:00:00:01', ip: '10.1.0.1', ttl: 128 },
  ],
  events: [
    { at: 0, kind: 'tcp', client: 'ws7', server: 'fs', serverPort: 445, messages: [
      { fromClient: true, data: smb2SessionSetupRequest(ntlmNegotiate(WIN7), 1) },
      { fromClient: false, data: smb2SessionSetupResponse(challenge, STATUS_MORE_PROCESSING_REQUIRED, 1, 0x41) },
      { fromClient: true, data: smb2SessionSetupRequest(ntlmAuthenticate({ version: WIN7, domain: 'HOSP', user: 'nurse1', workstation: 'WARD3-PC12', mic: true }), 2, 0x41) },
      { fromClient: false, data: smb2SessionSetupResponse(new Uint8Array(0), 0, 2, 0x41) },
    ] },
    { at: 5, kind: 'tcp', client: 'xp', server: 'fs', serverPort: 445, messages: [
      { fromClient: true, data: smb1NegotiateRequest(XP_SMB1_DIALECTS) },
      { fromClient: true, data: smb1SessionSetupRequest({ blob: ntlmAuthenticate({ version: XP, domain: 'HOSP', user: 'tech', workstation: 'LAB-XP-01', mic: false }), nativeOs: 'Windows 2002 Service Pack 3 2600', nativeLanMan: 'Windows 2002 5.1' }) },
    ] },
  ],
};

describe('NTLMSSP / SMB session / LLDP builders', () => {
  it('round-trip through the NTLMSSP parser (version, names; XP without MIC)', () => {
    expect(findNtlmssp(challenge)).toMatchObject({ messageType: 2, osVersion: '10.0.14393', netbiosComputer: 'FS01', dnsComputer: 'fs01.hospital.example' });
    expect(findNtlmssp(ntlmAuthenticate({ version: XP, domain: 'D', user: 'u', workstation: 'H', mic: false }))).toMatchObject({ messageType: 3, osVersion: '5.1.2600', user: 'u', host: 'H' });
    expect(findNtlmssp(ntlmNegotiate(WIN7))).toMatchObject({ messageType: 1, osVersion: '6.1.7601' });
    expect(() => windowsVersion('10.0')).toThrow(RangeError);
  });

  it.skipIf(tshark.skip)(tshark.title('are decoded by tshark as SMB2/SMB1 with NTLMSSP versions and as LLDP, without warnings'), () => {
    const path = writeTempCapture('smb-lldp.pcap', (sink, clock) => {
      const frame = lldpFrame(mac('00:1b:54:00:00:01'), {
        chassisMac: mac('00:1b:54:00:00:00'), portId: 'Gi1/0/24', portDescription: 'GigabitEthernet1/0/24', systemName: 'SW-ACC-3W',
        systemDescription: 'Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8, RELEASE SOFTWARE (fc1)',
        capabilities: { supported: LLDP_CAP_BRIDGE | LLDP_CAP_ROUTER, enabled: LLDP_CAP_BRIDGE }, managementIpv4: { address: Uint8Array.of(10, 1, 0, 254), ifIndex: 1 },
      });
      sink.writePacket(frame, 0, frame.length, clock.sec, clock.nsec);
      playScenario(scenario, sink);
    });
    expect(expertWarnings(path)).toEqual([]);
    const rows = fields(path, ['frame.protocols', 'ntlmssp.messagetype', 'ntlmssp.version.major', 'ntlmssp.version.minor', 'ntlmssp.version.build_number', 'smb.native_os', 'lldp.tlv.system.name', 'lldp.port.id', 'lldp.mgn.addr.ip4'], 'ntlmssp || lldp');
    const text = rows.map((r) => r.slice(1).join('|'));
    expect(rows[0]?.[0]).toContain('lldp');
    expect(text[0]).toBe('|||||SW-ACC-3W|Gi1/0/24|10.1.0.254');
    expect(text.slice(1)).toEqual([
      '0x00000001|6|1|7601||||',
      '0x00000002|10|0|14393||||',
      '0x00000003|6|1|7601||||',
      '0x00000003|5|1|2600|Windows 2002 Service Pack 3 2600|||',
    ]);
  });
});
