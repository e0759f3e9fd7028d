/** The streaming CSV reader: RFC 4180 quoting, line endings, BOM, encodings, limits, errors naming the line. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, type CsvLimits, type CsvRow } from './csv-reader.js';
import { readCsv } from './csv-stream.js';

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  await Promise.resolve();
}

async function rows(input: string | Uint8Array, size = 1 << 16, limits?: CsvLimits): Promise<CsvRow[]> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const out: CsvRow[] = [];
  for await (const r of readCsv(chunks(bytes, size), limits === undefined ? {} : { limits })) out.push(r);
  return out;
}

const cells = async (input: string | Uint8Array, size?: number): Promise<(string[] | null)[]> => (await rows(input, size)).map((r) => r.cells);

describe('RFC 4180 records', () => {
  it('reads quoted commas, escaped quotes and line breaks inside quotes', async () => {
    expect(await cells('a,b,c\n"x, y","say ""hi""","two\nlines"\n')).toEqual([['a', 'b', 'c'], ['x, y', 'say "hi"', 'two\nlines']]);
  });

  it('accepts CRLF, LF, lone CR and no final newline, and skips blank lines', async () => {
    expect(await cells('a,b\r\n1,2\r\n\r\n3,4\r5,6\n7,')).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6'], ['7', '']]);
  });

  it('strips a UTF-8 BOM and guesses ; and tab delimiters from the header', async () => {
    expect(await cells('\ufeffMAC;Room\n1;"a;b"\n')).toEqual([['MAC', 'Room'], ['1', 'a;b']]);
    expect(await cells('MAC\tRoom\n1\t2\n')).toEqual([['MAC', 'Room'], ['1', '2']]);
  });

  it('numbers records by the line they start on', async () => {
    const r = await rows('h1,h2\n"a\nb",c\n\nd,e\n');
    expect(r.map((x) => x.line)).toEqual([1, 2, 5]);
  });

  it('gives the same records whatever the chunk size', async () => {
    const text = '\ufeffh1,h2,h3\r\n"q,""x""\r\ny",plain,é ü\r\nlast,"",\r\n';
    const whole = await cells(text);
    for (const size of [1, 2, 3, 5, 7]) expect(await cells(text, size)).toEqual(whole);
  });

  it('reads back whatever an RFC 4180 writer wrote (property)', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', '=', '1') , maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 9 }), async (table, size) => {
        const quote = (c: string): string => `"${c.replace(/"/g, '""')}"`;
        const text = `${table.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
        expect(await cells(text, size)).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile input', () => {
  it('names the line where an unterminated quote opened', async () => {
    await expect(rows('a,b\n1,2\n3,"open\n4,5\n')).rejects.toThrow(new CsvError(3, 'quoted field never closed (unterminated quote)'));
  });

  it('reports text after a closing quote and goes on with the next record', async () => {
    const r = await rows('a,b\n"x"y,1\n2,3\n');
    expect(r.map((x) => x.problem)).toEqual([null, 'text-after-quote', null]);
    expect(r[2]?.cells).toEqual(['2', '3']);
  });

  it('skips rows past the column and cell limits, keeping memory bounded, and recovers', async () => {
    const limits = { maxColumns: 3, maxCellBytes: 8, maxRecordBytes: 64 };
    const text = `a,b\n1,2,3,4\n"${'x'.repeat(20)}",2\n${'y,'.repeat(2)}\n"${'z'.repeat(100)}\n,more",1\nok,ok\n`;
    const r = await rows(text, 4, limits);
    expect(r.map((x) => x.problem)).toEqual([null, 'too-many-columns', 'cell-too-long', null, 'record-too-long', null]);
    expect(r.at(-1)).toMatchObject({ line: 7, cells: ['ok', 'ok'] });
  });

  it('reads invalid UTF-8 cells as Windows-1252 and says so', async () => {
    const bytes = Buffer.concat([Buffer.from('Room\n'), Buffer.from([0x52, 0xe9, 0x61, 0x20, 0x96, 0x20, 0x32]), Buffer.from('\nok\n')]);
    const r = await rows(bytes);
    expect(r[1]).toMatchObject({ cells: ['Réa – 2'], windows1252: true });
    expect(r[2]).toMatchObject({ cells: ['ok'], windows1252: false });
  });

  it('reads UTF-16 LE and BE by their byte-order mark, whatever the chunk size', async () => {
    // Excel's "Unicode Text" export: UTF-16LE with a BOM and tabs; 🩺 is a surrogate pair that chunks can split.
    const text = '\ufeffMAC\tRoom\r\n08:00:19:4a:21:07\t"Réa, lit 2 🩺"\r\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const bytes of [le, be]) {
      for (const size of [1, 3, 4, 1 << 16]) {
        const r = await rows(bytes, size);
        expect(r.map((x) => x.cells)).toEqual([['MAC', 'Room'], ['08:00:19:4a:21:07', 'Réa, lit 2 🩺']]);
        expect(r.map((x) => x.line)).toEqual([1, 2]);
        expect(r.some((x) => x.windows1252)).toBe(false);
      }
    }
  });

  it('names the line of an unterminated quote in a UTF-16 file too', async () => {
    await expect(rows(Buffer.from('\ufeffa,b\n1,2\n3,"open\n', 'utf16le'), 5)).rejects.toThrow(new CsvError(3, 'quoted field never closed (unterminated quote)'));
  });

  it('refuses binary files and UTF-16 without a byte-order mark at line 1', async () => {
    await expect(rows(Buffer.from('MAC,Room\n', 'utf16le'))).rejects.toThrow(new CsvError(1, 'UTF-16 text without a byte-order mark; export it as CSV UTF-8 or as Unicode Text'));
    await expect(rows(Buffer.from('MAC,Room\n', 'utf16le').swap16())).rejects.toThrow(/line 1: UTF-16 text without a byte-order mark/);
    await expect(rows(Buffer.from([0x4d, 0x00, 0x41, 0x0a]))).rejects.toThrow(new CsvError(1, 'NUL bytes: a binary file, not CSV text'));
    await expect(rows(Buffer.from([0x4d, 0x41, 0x43, 0x0a, 0x00, 0xff, 0x00]))).rejects.toThrow(new CsvError(1, 'NUL bytes: a binary file, not CSV text'));
  });

  it('turns the bytes Windows-1252 leaves undefined into U+FFFD, not invisible controls', async () => {
    const r = await rows(Buffer.concat([Buffer.from('Room\n'), Buffer.from([0x41, 0x81, 0x80])]));
    expect(r[1]).toMatchObject({ cells: ['A\ufffd€'], windows1252: true });
  });

  it('reads nothing from an empty file', async () => {
    expect(await rows('')).toEqual([]);
  });

  it('never throws anything but CsvError on random bytes', async () => {
    await fc.assert(
      // Half the inputs start with a UTF-16 BOM, so the transcoding path meets random bytes too.
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.constantFrom([], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]), async (body, bom) => {
        try {
          await rows(Buffer.concat([Buffer.from(bom), body]), 7, { maxColumns: 4, maxCellBytes: 16, maxRecordBytes: 48 });
        } catch (e) {
          expect(e).toBeInstanceOf(CsvError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
