/** TLS decoder tests: conformance on real PDUs, JA4 spec vectors, reassembly, and agreement with tshark. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { runDecoderConformance, type ConformanceFixture } from '../test-support/conformance.js';
import type { DecodeContext, Direction } from '../types.js';
import { ja4 } from './fingerprints.js';
import { tlsDecoder } from './index.js';
import type { ClientHelloInfo } from './parse-hello.js';
import { compareWithTshark, tsharkHandshakes } from './test-support/tshark-compare.js';
import { createTlsState, type TlsState } from './types.js';
import { driveFrames } from '../test-support/drive-frames.js';
import { decodeAs, tsharkFields } from '../../test-support/tshark.js';
import { corpusPcaps } from '../../test-support/test-data.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'tls-versions.pcap');
const corpus = corpusPcaps;
const FIXTURE_PORTS = [4431, 4432, 4433, 2762];

/** First TLS record of each matching packet, as tshark sees the packets. */
function firstRecords(filter: string): Uint8Array[] {
  return tsharkFields(fixture, ['tcp.payload'], { filter, decodeAs: decodeAs(FIXTURE_PORTS, 'tls') }).map(([hex = '']) => {
    const b = Buffer.from(hex, 'hex');
    return new Uint8Array(b.subarray(0, 5 + b.readUInt16BE(3)));
  });
}

const clientHellos = tshark.skip ? [] : firstRecords('tls.handshake.type == 1');
const tls13ServerHello = tshark.skip ? [] : firstRecords('tcp.srcport == 8443 && tls.handshake.type == 2');
const fixtures: ConformanceFixture[] = [
  ...clientHellos.map((bytes, i) => ({ name: `ClientHello #${i + 1}`, bytes })),
  ...tls13ServerHello.map((bytes) => ({ name: 'TLS 1.3 ServerHello', bytes, direction: 'in' as const })),
];
describe.skipIf(tshark.skip)(tshark.title('tls conformance on the records tshark finds'), () => {
  runDecoderConformance(tlsDecoder, fixtures);
});

function ctx(direction: Direction, state: TlsState): DecodeContext {
  return { tsMs: 0, direction, src: 'a', sport: 1, dst: 'b', dport: 443, state };
}

/** Frames and decodes a byte stream exactly as the TCP session does (chunks given as they arrive). */
function drive(chunks: readonly Uint8Array[], direction: Direction, state: TlsState): { records: unknown[]; skipped: number } {
  // A framing error leaves the bytes buffered; the next chunk retries (the tests below look at records only).
  const { records, skipped } = driveFrames(tlsDecoder, chunks, direction, state, 443, false);
  return { records, skipped };
}

describe('JA4 (FoxIO technical_details/JA4.md vectors)', () => {
  const spec: ClientHelloInfo = {
    legacyVersion: 0x0303,
    cipherSuites: [0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035, 0x0a0a],
    extensions: [0x1a1a, 0x001b, 0x0000, 0x0033, 0x0010, 0x4469, 0x0017, 0x002d, 0x000d, 0x0005, 0x0023, 0x0012, 0x002b, 0xff01, 0x000b, 0x000a, 0x0015],
    sni: 'example.com',
    alpn: ['h2', 'http/1.1'],
    firstAlpn: new TextEncoder().encode('h2'),
    supportedVersions: [0x2a2a, 0x0304, 0x0303],
    groups: [],
    pointFormats: [],
    signatureAlgorithms: [0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601],
    truncated: false,
  };
  it('computes the published example, GREASE ignored', () => {
    const r = ja4(spec);
    expect(r.ja4).toBe('t13d1516h2_8daaf6152771_e5627efa2ab1');
    expect(r.ja4r).toBe(
      't13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_0403,0804,0401,0503,0805,0501,0806,0601',
    );
  });
  it('ends the extension string without underscore when there are no signature algorithms', () => {
    expect(ja4({ ...spec, signatureAlgorithms: [] }).ja4.endsWith('_6d807ffa2a79')).toBe(true);
  });
  it('prints hex nibbles for a non-alphanumeric ALPN, as the spec lists', () => {
    const cases: [number[], string][] = [[[0xab], 'ab'], [[0xab, 0xcd], 'ad'], [[0x30, 0xab], '3b'], [[0x30, 0x31, 0xab, 0xcd], '3d'], [[0x30, 0xab, 0xcd, 0x31], '01'], [[0x68], 'hh']];
    for (const [bytes, want] of cases) expect(ja4({ ...spec, firstAlpn: new Uint8Array(bytes) }).ja4.slice(8, 10)).toBe(want);
    expect(ja4({ ...spec, firstAlpn: null }).ja4.slice(0, 10)).toBe('t13d151600');
  });
  it('uses 000000000000 for empty cipher and extension lists', () => {
    expect(ja4({ ...spec, cipherSuites: [], extensions: [], supportedVersions: null, firstAlpn: null }).ja4).toBe('t12i000000_000000000000_000000000000');
  });
});

describe('framing and reassembly', () => {
  const hello = clientHellos[2] ?? new Uint8Array(0);
  it.skipIf(tshark.skip)(tshark.title('reassembles a ClientHello split over two records and odd TCP chunks'), () => {
    const body = hello.subarray(5);
    const cut = 40;
    const rec = (part: Uint8Array): Uint8Array => new Uint8Array([22, 3, 1, part.length >> 8, part.length & 255, ...part]);
    const stream = new Uint8Array([...rec(body.subarray(0, cut)), ...rec(body.subarray(cut))]);
    const chunks = [stream.subarray(0, 3), stream.subarray(3, 50), stream.subarray(50)];
    const split = drive(chunks, 'out', createTlsState());
    const whole = tlsDecoder.decode(hello, ctx('out', createTlsState())).records;
    expect(split.records).toEqual(whole);
    expect(tlsDecoder.probe(hello, 'out')).toBe('yes');
  });
  it('skips everything after ChangeCipherSpec without decoding it', () => {
    const ccs = new Uint8Array([20, 3, 3, 0, 1, 1]);
    const appData = new Uint8Array([23, 3, 3, 0x40, 0, ...new Uint8Array(0x4000)]);
    const r = drive([ccs, appData, appData], 'out', createTlsState());
    expect(r.records).toEqual([]);
    expect(r.skipped).toBe(1 + 2 * appData.length);
  });
  it('refuses bytes that are not TLS records', () => {
    expect(tlsDecoder.frame?.(new TextEncoder().encode('GET / HTTP/1.1\r\n'), 'out', createTlsState())).toHaveProperty('error');
    expect(tlsDecoder.probe(new TextEncoder().encode('GET / HTTP/1.1\r\n'), 'out')).toBe('no');
  });
  it('reads an SSLv2-format CLIENT-HELLO (RFC 5246 E.2 layout; synthetic, no current peer sends one)', () => {
    // len 0x801f (31): type 1, version 0x0301, 6 bytes cipher specs, session-id 0, challenge 16
    const v2 = new Uint8Array([0x80, 31, 1, 3, 1, 0, 6, 0, 0, 0, 16, 0x00, 0x00, 0x2f, 0x01, 0x00, 0x80, ...new Uint8Array(16)]);
    const r = drive([v2], 'out', createTlsState());
    expect(r.records).toMatchObject([{ kind: 'client-hello', version: 'TLS 1.0', sslv2Hello: true, cipherSuites: [0x2f, 0x010080] }]);
  });
});

describe.skipIf(tshark.skip)(tshark.title('agreement with tshark 4.0'), () => {
  const files: [string, readonly number[]][] = [
    [fixture, FIXTURE_PORTS],
    ...['tls_chrome-34-google', 'tls_client-certificate', 'tls_dhe', 'tls_ecdhe', 'tls_ecdsa-cert', 'tls_missing-intermediate'].map((f): [string, readonly number[]] => [path.join(corpus, 'zeek', `${f}.pcap`), []]),
    [path.join(corpus, 'ndpi', 'android.pcap'), []],
    [path.join(corpus, 'ndpi', 'iphone.pcap'), []],
  ];
  it('agrees on every field both decode (sni, ciphers, alpn, ja3, ja4, ja3s, cipher, certificate names)', async () => {
    const results = await Promise.all(
      files.map(async ([f, ports]) => {
        const [ours, theirs] = await Promise.all([recordsOf(f, [tlsDecoder]), tsharkHandshakes(f, ports)]);
        return { f, records: ours.records.length, cmp: compareWithTshark(ours.records, theirs) };
      }),
    );
    let compared = 0;
    const mismatches: string[] = [];
    const missing: string[] = [];
    for (const r of results) {
      compared += r.cmp.compared;
      mismatches.push(...r.cmp.mismatches.map((m) => `${path.basename(r.f)} ${m}`));
      missing.push(...r.cmp.missing.map((m) => `${path.basename(r.f)} ${m}`));
    }
    expect(compared).toBeGreaterThan(400);
    expect(mismatches).toEqual([]);
    expect(missing).toEqual([]);
    expect(1 - mismatches.length / compared).toBeGreaterThanOrEqual(0.999);
  });
  it('records every version, SNI, ALPN and the CA-signed certificate of the openssl fixture', async () => {
    const { records } = await recordsOf(fixture, [tlsDecoder]);
    const hellos = records.filter((r) => r.kind === 'client-hello');
    expect(hellos.map((r) => r.version)).toEqual(['TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3', 'TLS 1.2']);
    expect(hellos.map((r) => r.sni)).toEqual(['pacs.example', 'pacs.example', 'pacs.example', 'pacs.example', null]);
    const servers = records.filter((r) => r.kind === 'server-hello');
    expect(servers.map((r) => r.version)).toEqual(['TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3', 'TLS 1.2']);
    expect(servers[2]).toMatchObject({ alpn: 'h2', certSubject: 'CN=pacs.example, OU=Radiology, O=Example Imaging\\, Inc., ST=Test State, C=US', certIssuer: 'CN=Wardwatch Test Root, O=Wardwatch Test CA, C=US' });
    expect(servers[3]?.certSubject).toBeNull(); // TLS 1.3 encrypts the Certificate
  });
});
