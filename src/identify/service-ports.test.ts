/** The server of a one-kind service port (service-ports.ts, data/device-types.json servicePort), and when it must not count. */
import { describe, expect, it } from 'vitest';
import type { FlowJson } from '../capture/flow-json.js';
import type { SynSignature } from '../capture/flow.js';
import { classifyDevice } from './classify.js';
import { observationsFromAddress, observationsFromFlow } from './extract-evidence.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import { SIGNAL_TCP_SERVER } from './computer-role.js';
import { SERVICE_PORT_SOURCE, serverSentData } from './service-ports.js';
import type { DeviceProfile, Evidence } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
const classify = (evidence: Evidence[]): DeviceProfile => classifyDevice(evidence, kb, { asOf });
const sig: SynSignature = { ttl: 64, window: 65160, mss: 1460, windowScale: 7, options: 'mss,sok,ts,nop,ws', ipVersion: 4, ipOptionsLength: 0 };
const SERVER = '10.9.0.20';

/** A completed connection to `dport` whose server sent `bytesIn` in `packetsIn` frames (SYN+ACK included). */
function tcp(dport: number, bytesIn: number, packetsIn: number, extra: Partial<FlowJson> = {}): FlowJson {
  return {
    proto: 'tcp', src: '10.9.0.5', sport: 51000, dst: SERVER, dport, vlan: null, first: '2026-03-02T08:00:00Z', last: '2026-03-02T08:00:02Z',
    packetsOut: 8, bytesOut: 20000, packetsIn, bytesIn, state: 'closed', app: null, srcMac: '02:00:00:00:00:05', dstMac: '02:00:00:00:00:20',
    syn: sig, synAck: sig, ...extra,
  };
}
const withoutHandshake = (f: FlowJson): FlowJson => {
  const rest = { ...f };
  delete rest.syn;
  delete rest.synAck;
  return rest;
};
const udp = (dport: number, packetsIn: number): FlowJson => withoutHandshake({ ...tcp(dport, 80 * packetsIn, packetsIn), proto: 'udp', state: null, packetsOut: 1, bytesOut: 80 });
const serverEvidence = (f: FlowJson): Evidence[] => observationsFromFlow(f, kb).filter((o) => o.key.ip === SERVER && o.evidence.source === SERVICE_PORT_SOURCE).map((o) => o.evidence);
const typeOf = (f: FlowJson, more: Evidence[] = []): string | null => classify([...serverEvidence(f), ...more]).type;

describe('serverSentData', () => {
  it('sees payload beyond a SYN+ACK and header-only ACKs, and nothing in a bare handshake', () => {
    expect(serverSentData(tcp(9100, 900, 4))).toBe(true);
    expect(serverSentData(tcp(9100, 74 + 66 + 66, 3))).toBe(false); // SYN+ACK, ACK, FIN
    expect(serverSentData(withoutHandshake(tcp(9100, 900, 4)))).toBe(false); // caught mid-stream
    expect(serverSentData(tcp(9100, 900, 4, { state: 'reset' }))).toBe(false);
  });
});

describe('server-side service ports', () => {
  it('names the server of raw print data on 9100 a printer, and an answered RMCP port a BMC', () => {
    expect(typeOf(tcp(9100, 900, 4))).toBe('printer');
    expect(classify(serverEvidence(tcp(9100, 900, 4))).category).toBe('it');
    expect(typeOf(udp(623, 1))).toBe('baseboard management controller');
  });

  it('never speaks of the client, a bare handshake, an unanswered datagram or HTTP on 9100 (a metrics exporter)', () => {
    expect(observationsFromFlow(tcp(9100, 900, 4), kb).filter((o) => o.key.ip !== SERVER && o.evidence.source === SERVICE_PORT_SOURCE)).toEqual([]);
    expect(serverEvidence(tcp(9100, 206, 3))).toEqual([]);
    expect(serverEvidence(udp(623, 0))).toEqual([]);
    expect(serverEvidence(tcp(9100, 900, 4, { app: 'http' }))).toEqual([]);
  });

  it('weighs ports other kinds also serve under the fill threshold: RTSP alone is no camera, RTSP and a camera maker are', () => {
    expect(typeOf(tcp(554, 4000, 6))).toBeNull();
    expect(typeOf(tcp(631, 4000, 6, { app: 'http' }))).toBeNull();
    const axis = observationsFromAddress({ mac: '00:40:8c:01:02:03', ip: SERVER }, 0, kb).map((o) => o.evidence);
    const cam = classify([...serverEvidence(tcp(554, 4000, 6)), ...axis]);
    expect([cam.vendor, cam.type, cam.category]).toEqual(['Axis Communications', 'IP camera', 'iot']);
  });

  it('never outvotes the device\'s own statement, a medical maker or a desktop OS', () => {
    const modality: Evidence[] = [
      // Weaker than the port rule's share would allow if both voted (0.6 x 0.6 / 1.15): out of the vote, it fills.
      { attribute: 'type', value: 'CT scanner', source: 'dicom.storageSopClass', detail: 'CT Image Storage', confidence: 0.6, tsMs: 0 },
      { attribute: 'category', value: 'imaging', source: 'dicom.storageSopClass', detail: 'CT Image Storage', confidence: 0.6, tsMs: 0 },
    ];
    const ct = classify([...serverEvidence(tcp(9100, 900, 4)), ...modality]);
    expect([ct.type, ct.category]).toEqual(['CT scanner', 'imaging']);
    expect(ct.evidence.some((e) => e.source === SERVICE_PORT_SOURCE)).toBe(true); // kept for the record
    const storz = observationsFromAddress({ mac: '00:16:86:01:02:03', ip: SERVER }, 0, kb).map((o) => o.evidence); // Karl Storz Imaging
    expect(typeOf(tcp(9100, 900, 4), storz)).toBeNull();
    const windows: Evidence[] = [{ attribute: 'osName', value: 'Windows', source: 'smb.ntlmssp.osVersion', detail: 'NTLMSSP', confidence: 0.85, tsMs: 0 }];
    expect(typeOf(udp(623, 1), windows)).toBeNull(); // Intel AMT on a PC answers RMCP too
  });
});

describe('maker rules that second a service', () => {
  const oui = (mac: string): Evidence[] => observationsFromAddress({ mac, ip: SERVER }, 0, kb).map((o) => o.evidence);
  it('a printer maker and its IPP or LPD service make a printer; either alone does not', () => {
    const kyocera = oui('00:22:94:01:02:03');
    expect(classify([...serverEvidence(tcp(631, 4000, 6, { app: 'http' })), ...kyocera]).type).toBe('printer');
    expect(classify([...serverEvidence(tcp(515, 4000, 6)), ...kyocera]).type).toBe('printer');
    expect(classify(kyocera).type).toBeNull();
    expect(classify(kyocera).vendor).toBe('Kyocera');
  });

  it('an APC management card is IT infrastructure, of no type the OUI can tell', () => {
    const apc = classify(oui('00:c0:b7:01:02:03'));
    expect([apc.vendor, apc.category, apc.type]).toEqual(['APC', 'it', null]);
    expect(classify(oui('00:40:8c:01:02:03')).category).toBe('unknown'); // Axis alone: a camera maker, but weakly
  });
});

describe('the signal that a host serves TCP at all (for computer-role.ts)', () => {
  const served = (f: FlowJson): string[] => observationsFromFlow(f, kb).filter((o) => o.evidence.source === SIGNAL_TCP_SERVER).map((o) => `${o.key.ip ?? ''} ${o.evidence.detail}`);
  it('marks the server of a completed exchange with data, on any port', () => {
    expect(served(tcp(445, 900, 4))).toEqual([`${SERVER} serves tcp/445`]);
  });

  it('must not mark the client, a bare handshake or a datagram', () => {
    expect(served(tcp(445, 206, 3))).toEqual([]);
    expect(served(udp(137, 1))).toEqual([]);
    expect(classify(observationsFromFlow(tcp(445, 900, 4), kb).map((o) => o.evidence)).type).toBeNull(); // a signal never votes
  });
});
