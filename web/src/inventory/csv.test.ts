/** CSV of the filtered inventory: RFC 4180 quoting, and no field a spreadsheet would run as a formula. */
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';

describe('csv', () => {
  it('quotes fields with commas, quotes and line breaks, and leaves plain ones alone', () => {
    expect(csvField('CT01')).toBe('CT01');
    expect(csvField('GE, Healthcare')).toBe('"GE, Healthcare"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(true)).toBe('true');
  });

  it('defuses a value that starts like a formula (names and banners come from the wire)', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    for (const s of ['+1', '-2', '@SUM(A1)', '\tx']) expect(csvField(s)).toBe(`'${s}`);
    // A number is a number, not a formula.
    expect(csvField(-3)).toBe('-3');
  });

  it('writes a header and one CRLF-ended line per row, in column order', () => {
    const rows = [{ a: 'x', b: 1 }, { a: 'y,z', b: null }];
    expect(toCsv(rows, [{ header: 'a', value: (r) => r.a }, { header: 'b', value: (r) => r.b }])).toBe('a,b\r\nx,1\r\n"y,z",\r\n');
  });
});
