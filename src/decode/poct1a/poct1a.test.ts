/** POCT1-A decoder: conformance suite, fields, the replayed capture end to end and against tshark's `xml`. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { runDecoderConformance } from '../test-support/conformance.js';
import type { DecodeContext } from '../types.js';
import { createPoct1aState, decodePoct1a, poct1aDecoder } from './index.js';
import { framePoct1a } from './xml-frame.js';
import { decodeAs, tsharkFields } from '../../test-support/tshark.js';
import { corpusPath } from '../../test-support/test-data.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });
const peers = requires({ root: true, tools: ['tshark', 'tcpdump', '/usr/bin/python3'] });

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const corpusText = readFileSync(corpusPath('poct1a/nova_statstrip_poct1a_hel_dst_obs.xml'), 'utf8');
const enc = new TextEncoder();
const message = (root: string): Uint8Array => {
  const m = new RegExp(`<${root.replace('.', '\\.')}>[\\s\\S]*?</${root.replace('.', '\\.')}>`).exec(corpusText);
  return enc.encode(`<?xml version="1.0" encoding="UTF-8"?>\r\n${m?.[0] ?? ''}`);
};
const ctx = (): DecodeContext => ({ tsMs: 0, direction: 'out', src: 'a', sport: 1, dst: 'b', dport: 2, state: createPoct1aState() });
/** Patient, operator and result values in the corpus OBS.R01: none may reach a record. */
const WIRE_FIELDS = new Set(['ts', 'src', 'dst', 'sport', 'dport', 'srcMac', 'dstMac']);
const PHI = ['PT222-55-7777', 'Cambridge Hosp', 'ICU-4', 'OP777-88-9999', '145', 'mg/dL', '0310010249'];

runDecoderConformance(poct1aDecoder, ['HEL.R01', 'DST.R01', 'OBS.R01'].map((r) => ({ name: r, bytes: message(r) })));

describe('poct1a messages', () => {
  it('reads the device identity of HEL.R01 and repeats it on the DST.R01 of the same flow', () => {
    const c = ctx();
    const hel = decodePoct1a(message('HEL.R01'), c).records[0];
    expect(hel).toMatchObject({ kind: 'hello', messageType: 'HEL.R01', controlId: '7135', vendor: 'NOVABIO', model: 'StatStrip', serial: '0600100736', softwareVersion: '3.10.8.0', hardwareVersion: 'K1', deviceName: 'DLO-OV', deviceId: 'MGH^ICU', patientDataPresent: false });
    const dst = decodePoct1a(message('DST.R01'), c).records[0];
    expect(dst).toMatchObject({ kind: 'device-status', messageType: 'DST.R01', conditionCode: 'R', newObservations: 0, vendor: 'NOVABIO', serial: '0600100736' });
  });

  it('flags patient data in OBS.R01 without keeping any value', () => {
    const r = decodePoct1a(message('OBS.R01'), ctx());
    expect(r.records[0]).toMatchObject({ kind: 'message', messageType: 'OBS.R01', patientDataPresent: true });
    const json = JSON.stringify(r);
    for (const v of PHI) expect(json).not.toContain(v);
  });

  it('probes by root element, frames at the closing tag, reports noise', () => {
    expect(poct1aDecoder.probe(enc.encode('<?xml version="1.0"?>'), 'out')).toBe('maybe');
    expect(poct1aDecoder.probe(enc.encode('<html><body>'), 'out')).toBe('no');
    const two = new Uint8Array([...message('HEL.R01'), ...message('ACK.R01'.replace('ACK', 'DST'))]);
    expect(framePoct1a(two)).toEqual({ pduLength: message('HEL.R01').length });
    expect(framePoct1a(message('HEL.R01').subarray(0, 100))).toEqual({ need: 101 });
    expect(decodePoct1a(enc.encode('garbage'), ctx()).issues[0]?.code).toBe('poct1a-not-a-message');
  });
});

/** Root element types and DEV V attributes as tshark's xml dissector shows them (`-d tcp.port==N,xml`). */
function tsharkView(file: string, port: number): { types: string[]; dev: Record<string, string> } {
  const out = tsharkFields(file, ['xml.tag'], { decodeAs: decodeAs([port], 'xml'), aggregator: '/s' }).join('\n');
  const types = [...out.matchAll(/<([A-Z]{3}\.R0\d)>/g)].map((m) => m[1] ?? '');
  const dev: Record<string, string> = {};
  for (const m of out.matchAll(/<DEV\.(vendor_id|model_id|serial_id|sw_version) V="([^"]*)"/g)) dev[m[1] ?? ''] = m[2] ?? '';
  return { types, dev };
}

async function crossCheck(file: string, port: number): Promise<void> {
  const { records, issues } = await recordsOf(file, [poct1aDecoder]);
  expect(issues).toEqual([]);
  const t = tsharkView(file, port);
  expect(records.map((r) => r.messageType)).toEqual(t.types);
  const hel = records.find((r) => r.kind === 'hello');
  expect({ vendor_id: hel?.vendor, model_id: hel?.model, serial_id: hel?.serial, sw_version: hel?.softwareVersion }).toEqual(t.dev);
  // What the decoder kept, without where and when the capture was made: a timestamp or a port can hold '145' by chance.
  const json = JSON.stringify(records, (k, v: unknown) => (WIRE_FIELDS.has(k) ? undefined : v));
  for (const v of PHI) expect(json).not.toContain(v);
}

describe('poct1a records of the replayed capture vs tshark xml (fixtures/poct1a.pcap, make-fixtures.sh)', () => {
  it.skipIf(tshark.skip)(tshark.title('agrees on message types and device identity (100 %: 8 messages, 4 DEV fields)'), async () => {
    await crossCheck(here('./fixtures/poct1a.pcap'), 15300);
  });
  it.skipIf(peers.skip)(peers.title('agrees on a fresh capture made now by the peer pair'), async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-poct1a-'));
    try {
      const port = 30000 + (process.pid % 20000);
      execFileSync(here('./fixtures/make-fixtures.sh'), [dir, String(port)], { stdio: 'ignore', timeout: 20_000 });
      await crossCheck(join(dir, 'poct1a.pcap'), port);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
