/** IntelliVue Data Export decoder: conformance suite, connect-indication attributes, the captured datagrams. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { runDecoderConformance } from '../test-support/conformance.js';
import { decodeIntellivue, intellivueDecoder } from './index.js';
import { requires } from '../../test-support/tools.js';

const python = requires({ tools: ['/usr/bin/python3'] });

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
/** The sender's datagram, byte for byte (it is deterministic). */
const datagram = python.skip ? new Uint8Array(0) : Uint8Array.from(execFileSync('/usr/bin/python3', ['-c', 'import sys; sys.path.insert(0, sys.argv[1]); import intellivue_sender as s; sys.stdout.buffer.write(s.connect_indication())', here('./fixtures/')]));

describe.skipIf(python.skip)(python.title('intellivue conformance on the sender\'s datagram'), () => {
  runDecoderConformance(intellivueDecoder, [
    { name: 'connect indication', bytes: datagram },
    { name: 'association request header', bytes: Uint8Array.of(0x0d, 0xec, 0x05, 0x08, 0x13, 0x01) },
  ]);
});

describe('intellivue', () => {
  it.skipIf(python.skip)(python.title('reads system type, model and production specification of a connect indication'), () => {
    const r = decodeIntellivue(datagram);
    expect(r.issues).toEqual([]);
    expect(r.records[0]).toEqual({
      kind: 'connect-indication', messageType: 'connect-indication', systemType: '1:4429', manufacturer: 'Philips', model: 'WWMON1',
      serial: 'WW00000001', partNumber: 'WW-PART-7', hardwareVersion: 'A.01.00', softwareVersion: 'H.99.01',
    });
  });

  it.skipIf(python.skip)(python.title('names association and data-export PDUs by their first bytes only; truncation is an issue'), () => {
    expect(decodeIntellivue(Uint8Array.of(0x0e, 0x10, 0, 0)).records[0]).toEqual({ kind: 'association', messageType: 'association-response' });
    expect(decodeIntellivue(Uint8Array.of(0xe1, 0, 0, 2, 0, 1)).records[0]).toEqual({ kind: 'message', messageType: 'data-export' });
    expect(decodeIntellivue(datagram.subarray(0, 40)).issues[0]?.code).toBe('intellivue-truncated');
    expect(intellivueDecoder.probe(datagram, 'out')).toBe('yes');
    expect(intellivueDecoder.probe(Uint8Array.of(1, 2, 3, 4), 'out')).toBe('no');
  });

  it('decodes the captured datagrams (fixtures/intellivue.pcap; tshark has no IntelliVue dissector to compare)', async () => {
    const { records } = await recordsOf(here('./fixtures/intellivue.pcap'), [intellivueDecoder]);
    expect(records.map((r) => `${r.kind} ${JSON.stringify(r.model)} ${JSON.stringify(r.serial)}`)).toEqual(Array(3).fill('connect-indication "WWMON1" "WW00000001"'));
  });
});
