/** The text table every `--format table` uses: widths, caps, cut marks and hostile text. */
import { describe, expect, it } from 'vitest';
import { columnWidths, tableRow, textTable } from './text-table.js';

describe('textTable', () => {
  it('pads columns to their widest cell', () => {
    expect(textTable(['A', 'B'], [['x', 'y'], ['long', 'z']])).toBe('A     B\nx     y\nlong  z\n');
  });

  it('caps a column, cuts silently by default and with … when asked', () => {
    expect(textTable(['A', 'B'], [['abcdef', 'y']], { maxWidth: 3 })).toBe('A    B\nabc  y\n');
    expect(textTable(['A', 'B'], [['abcdef', 'y']], { maxWidth: 3, markCut: true })).toBe('A    B\nab…  y\n');
  });

  it('never cuts a column whose cap is Infinity', () => {
    const w = columnWidths(['A', 'B', 'C'], [['a'.repeat(100), 'b'.repeat(100), 'c']], { maxWidth: 10, columnMaxWidth: [undefined, Infinity] });
    expect(w).toEqual([10, 100, 1]);
    expect(tableRow(['a'.repeat(100), 'b'.repeat(100), 'c'], w)).toBe(`${'a'.repeat(10)}  ${'b'.repeat(100)}  c`);
  });

  it('turns control characters into ? before measuring', () => {
    expect(textTable(['A'], [['\u001b[31mx']])).toBe('A\n?[31mx\n');
  });
});
