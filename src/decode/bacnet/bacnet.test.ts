/**
 * BACnet/IP decoder tests: nDPI's public capture of a real BACnet stack (bacnet-stack, vendor 260, answering Who-Is),
 * datagrams built from the standard for what it lacks (routed, BBMD-forwarded, ReadProperty-ACK), both checked
 * against tshark's BACnet dissector, and the shared conformance suite. Debian ships no BACnet peer to run here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { corpusPath } from '../../test-support/test-data.js';
import { requires } from '../../test-support/tools.js';
import { crossCheck, mergeReports, str, udpPayloads, type FieldCheck } from '../dns/test-support/tshark-check.js';
import { runDecoderConformance } from '../test-support/conformance.js';
import { bacnetDecoder } from './index.js';
import { NPDU_FUNCTIONS, OTHER_FUNCTIONS } from './parse-bvll-npdu.js';
import { bvll, iAm, npdu, readPropertyAckString, writeBacnetPcap, type Datagram } from './test-support/bacnet-datagrams.js';

const ndpi = corpusPath('pcaps/ndpi/bacnet.pcap');
const tshark = requires({ tools: ['tshark'] });
const dir = mkdtempSync(path.join(tmpdir(), 'ww-bacnet-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const crafted: Datagram[] = [
  { src: '10.9.0.31', dst: '10.9.0.255', payload: bvll(0x0b, npdu(iAm(1031, 18))) },
  { src: '10.9.0.1', dst: '10.9.0.255', payload: bvll(0x0b, npdu(iAm(2007, 5), { net: 5, addr: [7] })) },
  { src: '10.9.0.2', dst: '10.9.0.255', payload: bvll(0x04, npdu(iAm(3001, 260)), [10, 9, 1, 40, 0xba, 0xc0]) },
  { src: '10.9.0.31', dst: '10.9.0.30', payload: bvll(0x0a, npdu(readPropertyAckString(1031, 77, 'AHU-3 Controller'))) },
];
const craftedPcap = path.join(dir, 'crafted.pcap');
writeBacnetPcap(craftedPcap, crafted);

const FUNCTIONS: Record<number, string> = { ...NPDU_FUNCTIONS, ...OTHER_FUNCTIONS };
const KINDS: Record<string, string> = { '1:0': 'i-am', '1:8': 'who-is', '3:12': 'read-property-ack' };
const checks: FieldCheck[] = [
  { field: 'bvlc.function', ours: (r) => str(r, 'bvlcFunction'), theirs: (v) => FUNCTIONS[Number(v)] },
  { field: 'bacapp.instance_number', ours: (r) => str(r, r.kind === 'i-am' ? 'deviceInstance' : 'objectInstance') },
  { field: 'bacapp.vendor_identifier', ours: (r) => str(r, 'vendorId') },
  { field: 'bacapp.who_is.low_limit', ours: (r) => str(r, 'lowLimit') },
  { field: 'bacapp.who_is.high_limit', ours: (r) => str(r, 'highLimit') },
  { field: 'bacnet.snet', ours: (r) => str(r, 'sourceNetwork') },
  { field: 'bvlc.fwd_ip', ours: (r) => str(r, 'forwardedFrom')?.split(':')[0] },
  { field: 'bacapp.object_name', ours: (r) => str(r, 'objectName') },
  { field: 'bacapp.type', ours: (r) => r.kind, theirs: (v, r) => KINDS[`${v}:${r.kind === 'read-property-ack' ? '12' : r.kind === 'i-am' ? '0' : '8'}`] },
];
/** The packets the decoder keeps a record of: I-Am, Who-Is, ReadProperty-ACK. */
const KEPT = 'bacapp.unconfirmed_service == 0 || bacapp.unconfirmed_service == 8 || (bacapp.type == 3 && bacapp.confirmed_service == 12)';

describe('bacnet decoder', () => {
  it('fires: reads the I-Am and Who-Is of a real BACnet stack (nDPI capture)', async () => {
    const { records, issues } = await recordsOf(ndpi, [bacnetDecoder]);
    expect(issues).toEqual([]);
    expect(records.filter((r) => r.kind === 'i-am').map((r) => [r.deviceInstance, r.vendorId, r.bvlcFunction])).toEqual([
      [0, 260, 'original-broadcast-npdu'], [0, 260, 'original-broadcast-npdu'], [0, 260, 'original-broadcast-npdu'], [0, 260, 'original-broadcast-npdu'], [4194303, 260, 'original-broadcast-npdu'],
    ]);
    expect(records.filter((r) => r.kind === 'who-is' && r.lowLimit !== undefined).map((r) => [r.lowLimit, r.highLimit])).toEqual([[111, 111], [5, 5], [123, 123]]);
  });

  it('fires: says where a relayed I-Am came from, and reads a device\'s object name', async () => {
    const { records, issues } = await recordsOf(craftedPcap, [bacnetDecoder]);
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({ kind: 'i-am', deviceInstance: 1031, vendorId: 18, maxApduLength: 1476, segmentation: 'both' });
    expect(records[0]).not.toHaveProperty('sourceNetwork');
    expect(records[1]).toMatchObject({ kind: 'i-am', deviceInstance: 2007, sourceNetwork: 5, sourceAddress: '07' });
    expect(records[2]).toMatchObject({ kind: 'i-am', vendorId: 260, bvlcFunction: 'forwarded-npdu', forwardedFrom: '10.9.1.40:47808' });
    expect(records[3]).toMatchObject({ kind: 'read-property-ack', objectType: 8, objectInstance: 1031, propertyId: 77, objectName: 'AHU-3 Controller' });
  });

  it('must not fire: other UDP protocols, unknown BVLC functions, a length past the datagram', () => {
    const ntp = new Uint8Array(48);
    ntp[0] = 0x23;
    expect(bacnetDecoder.probe(ntp, 'out')).toBe('no');
    expect(bacnetDecoder.probe(Uint8Array.from([0x30, 0x26, 0x02, 0x01, 0x01]), 'out')).toBe('no'); // SNMP
    expect(bacnetDecoder.probe(Uint8Array.from([0x81, 0x0d, 0x00, 0x04]), 'out')).toBe('no');
    expect(bacnetDecoder.probe(Uint8Array.from([0x81, 0x0b, 0x00, 0x40, 0x01, 0x00]), 'out')).toBe('no');
    expect(bacnetDecoder.probe(bvll(0x0b, npdu(iAm(1, 18))), 'out')).toBe('yes');
  });

  it('must not fire: an I-Am of a non-device object, truncations and a wrong NPDU version are issues, not records', () => {
    const ctx = { tsMs: 0, direction: 'out' as const, src: '10.0.0.1', sport: 47808, dst: '10.0.0.2', dport: 47808, state: undefined };
    const notDevice = bvll(0x0b, npdu(iAm(5, 18)));
    notDevice[9] = 0x00; // object type 0 (analog-input) instead of 8
    expect(bacnetDecoder.decode(notDevice, ctx)).toMatchObject({ records: [], issues: [{ code: 'bacnet-malformed' }] });
    const whole = bvll(0x0b, npdu(iAm(5, 18)));
    const cut = Uint8Array.from([...whole.subarray(0, whole.length - 2)]);
    cut[3] = cut.length;
    expect(bacnetDecoder.decode(cut, ctx)).toMatchObject({ records: [], issues: [{ code: 'bacnet-truncated' }] });
    const v2 = bvll(0x0b, [0x02, 0x00, ...iAm(5, 18)]);
    expect(bacnetDecoder.decode(v2, ctx).issues[0]?.message).toMatch(/NPDU version 2/);
    // A network-layer message (Who-Is-Router-To-Network, §6.4.1) has no APDU: nothing to say, nothing wrong.
    expect(bacnetDecoder.decode(bvll(0x0b, [0x01, 0x80, 0x00]), ctx)).toEqual({ records: [], issues: [] });
  });
});

describe.skipIf(tshark.skip)(tshark.title('bacnet agrees with tshark'), () => {
  it('on the nDPI capture and the built datagrams, every field', async () => {
    const r = mergeReports([await crossCheck(ndpi, [bacnetDecoder], 'bacnet', KEPT, checks), await crossCheck(craftedPcap, [bacnetDecoder], 'bacnet', KEPT, checks)]);
    console.log('bacnet vs tshark', JSON.stringify(r));
    expect(r.unexplained).toEqual([]);
    expect(r.compared).toBeGreaterThanOrEqual(40);
    expect(r.ratio).toBe(1);
  });
});

describe.skipIf(tshark.skip)(tshark.title('bacnetDecoder conformance on the datagrams tshark finds'), () => {
  runDecoderConformance(bacnetDecoder, tshark.skip ? [] : [...udpPayloads(ndpi, KEPT), ...crafted.map((d) => d.payload)].map((bytes, i) => ({ name: `bacnet ${i}`, bytes })), 500);
});
