/** SSDP decoder tests on nDPI captures (Chrome M-SEARCH with USER-AGENT, Android / iPhone), tshark cross-check. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDecoderConformance } from '../test-support/conformance.js';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { crossCheck, mergeReports, must, str, udpPayloads, type FieldCheck } from '../dns/test-support/tshark-check.js';
import { requires } from '../../test-support/tools.js';
import { ssdpDecoder } from './index.js';
import { parseSsdp } from './parse-ssdp.js';
import { corpusPath } from '../../test-support/test-data.js';

const corpus = corpusPath('pcaps/ndpi');
const tshark = requires({ tools: ['tshark'] });
const captures = ['ssdp-m-search-ua.pcap', 'android.pcap', 'iphone.pcap'].map((f) => path.join(corpus, f));
const ascii = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));

const checks: FieldCheck[] = [
  { field: 'http.request.method', ours: (r) => r.kind, theirs: (v) => (v === 'M-SEARCH' ? 'search' : v === 'NOTIFY' ? 'notify' : v) },
  { field: 'http.response.code', ours: (r) => str(r, 'status') },
  { field: 'http.user_agent', ours: (r) => str(r, 'userAgent') },
  { field: 'http.server', ours: (r) => str(r, 'server') },
  { field: 'http.location', ours: (r) => str(r, 'location') },
];

describe('ssdp decoder', () => {
  it('reads the Chrome M-SEARCH with its USER-AGENT', async () => {
    const { records } = await recordsOf(must(captures[0]), [ssdpDecoder]);
    expect(records[0]).toMatchObject({ kind: 'search', st: 'urn:dial-multiscreen-org:service:dial:1', userAgent: 'Google Chrome/99.0.4844.74 Mac OS X' });
  });

  it('reads NOTIFY and search responses (UDA 2.0 §1.2.2, §1.3.3 examples)', () => {
    const notify = parseSsdp(ascii('NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=1800\r\nLOCATION: http://10.20.1.5:49152/desc.xml\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\nSERVER: Linux/4.9 UPnP/1.0 Infusomat/2.3\r\nUSN: uuid:1234::upnp:rootdevice\r\n\r\n'));
    expect(notify.records[0]).toEqual({ kind: 'notify', location: 'http://10.20.1.5:49152/desc.xml', nt: 'upnp:rootdevice', nts: 'ssdp:alive', server: 'Linux/4.9 UPnP/1.0 Infusomat/2.3', usn: 'uuid:1234::upnp:rootdevice' });
    const resp = parseSsdp(ascii('HTTP/1.1 200 OK\r\nST: ssdp:all\r\nLocation: http://10.0.0.9/x.xml\r\nServer: RTOS/1 UPnP/1.0 Monitor/5\r\n\r\n'));
    expect(resp.records[0]).toMatchObject({ kind: 'response', status: 200, st: 'ssdp:all', server: 'RTOS/1 UPnP/1.0 Monitor/5' });
    expect(ssdpDecoder.probe(ascii('HTTP/1.1 200 OK\r\n'), 'in')).toBe('maybe');
    expect(ssdpDecoder.probe(ascii('M-SEARCH * HTTP/1.1\r\n'), 'out')).toBe('yes');
  });
});

describe.skipIf(tshark.skip)(tshark.title('ssdp agrees with tshark'), () => {
  it('on nDPI captures (>= 99.9 %)', async () => {
    const list = [];
    for (const f of captures) list.push(await crossCheck(f, [ssdpDecoder], 'ssdp', 'ssdp && udp && !icmp', checks));
    const r = mergeReports(list);
    console.log('ssdp vs tshark', JSON.stringify(r));
    expect(r.unexplained).toEqual([]);
    expect(r.compared).toBeGreaterThan(8);
    expect(r.ratio).toBeGreaterThanOrEqual(0.999);
  });
});

describe.skipIf(tshark.skip)(tshark.title('ssdpDecoder conformance on the PDUs tshark finds'), () => {
  runDecoderConformance(ssdpDecoder, tshark.skip ? [] : captures.flatMap((f) => udpPayloads(f, 'ssdp', 2)).map((bytes, i) => ({ name: `ssdp ${i}`, bytes })), 500);
});
