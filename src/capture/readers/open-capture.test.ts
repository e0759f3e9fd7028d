/** openCapture against real captures: every packet, timestamp, length and byte as tshark sees them; gzip; stdin. */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureError, ErrorCode } from '../../util/app-error.js';
import { openCapture, openCaptureStream } from './open-capture.js';
import { drain, parseTsharkLine, tsharkLine, type Row } from './test-support/drain.js';
import { corpusPcaps } from '../../test-support/test-data.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string): string => path.join(here, 'fixtures', name);

function golden(name: string): Row[] {
  return readFileSync(fixture(`${name}.tshark.tsv`), 'utf8').split('\n').filter((l) => l !== '').map(parseTsharkLine);
}

async function readFile(file: string): Promise<Row[]> {
  const cursor = await openCapture(file);
  const { rows, error } = await drain(cursor);
  await cursor.close();
  expect(error).toBeNull();
  return rows;
}

const FIXTURES: readonly (readonly [file: string, goldenName: string])[] = [
  ['lo.pcap', 'lo.pcap'],
  ['lo-ns.pcap', 'lo-ns.pcap'],
  ['lo-editcap-ns.pcap', 'lo-editcap-ns.pcap'],
  ['lo-modified.pcap', 'lo-modified.pcap'],
  ['lo-snap64.pcap', 'lo-snap64.pcap'],
  ['any-sll2.pcap', 'any-sll2.pcap'],
  ['lo.pcapng', 'lo.pcapng'],
  ['lo-snap64.pcapng', 'lo-snap64.pcapng'],
  ['two-linktypes.pcapng', 'two-linktypes.pcapng'],
  ['dumpcap-two-if.pcapng', 'dumpcap-two-if.pcapng'],
  ['lo.pcap.gz', 'lo.pcap'],
  ['two-linktypes.pcapng.gz', 'two-linktypes.pcapng'],
];

describe('openCapture on the fixtures matches tshark', () => {
  for (const [file, goldenName] of FIXTURES) {
    it(file, async () => {
      const expected = golden(goldenName);
      expect(expected.length).toBeGreaterThan(10);
      expect(await readFile(fixture(file))).toEqual(expected);
    });
  }

  it('sees the snap length cut and two link types', async () => {
    const snapped = await readFile(fixture('lo-snap64.pcap'));
    expect(snapped.some((r) => r.capLen === 64 && r.origLen > 64)).toBe(true);
    const two = await readFile(fixture('two-linktypes.pcapng'));
    expect(new Set(two.map((r) => `${r.interfaceId}:${r.linkType}`))).toEqual(new Set(['0:1', '1:276']));
    const dumpcap = await readFile(fixture('dumpcap-two-if.pcapng'));
    expect(new Set(dumpcap.map((r) => `${r.interfaceId}:${r.linkType}`))).toEqual(new Set(['0:1', '1:113']));
  });

  it('reports progress in file bytes (compressed bytes for gzip)', async () => {
    for (const file of ['lo.pcap', 'lo.pcap.gz']) {
      const cursor = await openCapture(fixture(file));
      await drain(cursor);
      const size = readFileSync(fixture(file)).length;
      expect(cursor.totalBytes).toBe(size);
      expect(cursor.bytesRead).toBe(size);
      await cursor.close();
    }
  });
});

describe('openCapture on the corpus captures matches tshark', () => {
  const lines = readFileSync(fixture('corpus.tshark.tsv'), 'utf8').split('\n').filter((l) => l !== '');
  it('has the corpus listed', () => {
    expect(lines.length).toBeGreaterThan(50);
  });
  for (const line of lines) {
    const [name = '', count = '', sha = ''] = line.split('\t');
    it(name, async () => {
      const file = path.join(corpusPcaps, name);
      const pcapng = readFileSync(file).readUInt32BE(0) === 0x0a0d0d0a; // several .pcap files are pcapng inside
      const rows = await readFile(file);
      const text = rows.map((r) => tsharkLine(r, pcapng)).join('\n') + '\n';
      expect(rows.length).toBe(Number(count));
      expect(createHash('sha256').update(text).digest('hex')).toBe(sha);
    });
  }
});

describe('openCaptureStream', () => {
  it('reads stdin-like streams that arrive in small pieces', async () => {
    const bytes = readFileSync(fixture('two-linktypes.pcapng'));
    for (const size of [1, 7, 4096]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const cursor = await openCaptureStream('-', Readable.from(chunks), null);
      const { rows, error } = await drain(cursor);
      expect(error).toBeNull();
      expect(rows).toEqual(golden('two-linktypes.pcapng'));
      expect(cursor.name).toBe('-');
      expect(cursor.totalBytes).toBeNull();
      await cursor.close();
    }
  });

  it('gunzips a stream whose first chunk holds one byte', async () => {
    const gz = readFileSync(fixture('lo.pcap.gz'));
    const cursor = await openCaptureStream('-', Readable.from([gz.subarray(0, 1), gz.subarray(1, 5), gz.subarray(5)]), null);
    expect((await drain(cursor)).rows).toEqual(golden('lo.pcap'));
  });
});

describe('files that are not captures', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ww-readers-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function openError(file: string): Promise<CaptureError> {
    try {
      const cursor = await openCapture(file);
      await cursor.close();
    } catch (err) {
      expect(err).toBeInstanceOf(CaptureError);
      return err as CaptureError;
    }
    throw new Error(`${file} opened`);
  }

  it('rejects text, empty and tiny files with the one message', async () => {
    const cases: [string, Uint8Array | string][] = [
      ['notes.txt', 'This is a plain text file, not a capture.\n'.repeat(20)],
      ['empty.pcap', ''],
      ['three.pcap', new Uint8Array([0xd4, 0xc3, 0xb2])],
      ['text.gz', readFileSync(fixture('make-fixtures.sh'))],
    ];
    for (const [name, content] of cases) {
      const file = path.join(dir, name);
      await writeFile(file, content);
      const err = await openError(file);
      expect(err.code).toBe(ErrorCode.NotCapture);
      expect(err.message).toBe('not a pcap or pcapng file');
      expect(err.file).toBe(file);
    }
  });

  it('rejects gzip of a text file as not a capture', async () => {
    const { gzipSync } = await import('node:zlib');
    const file = path.join(dir, 'text.txt.gz');
    await writeFile(file, gzipSync('hello, not a capture\n'.repeat(10)));
    expect((await openError(file)).code).toBe(ErrorCode.NotCapture);
  });

  it('names missing files and directories as I/O errors', async () => {
    const missing = await openError(path.join(dir, 'nope.pcap'));
    expect(missing.code).toBe(ErrorCode.Io);
    expect(missing.message).toBe('no such file');
    const folder = await openError(dir);
    expect(folder.code).toBe(ErrorCode.Io);
    expect(folder.message).toBe('is a directory');
  });
});
