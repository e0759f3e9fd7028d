/** Executable spreadsheet cells in a register: the classic payloads fire, ordinary register text does not. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { findFormulaCells, isExecutableCell } from './formula-cells.js';

const fixture = (name: string): Buffer => readFileSync(path.join(import.meta.dirname, 'fixtures', name));
const once = (bytes: Buffer): AsyncIterable<Uint8Array> => Readable.from([bytes]);

describe('isExecutableCell', () => {
  it('fires on functions and DDE links behind = + - @', () => {
    for (const cell of ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", '@SUM(1+1)', "-cmd|' /C notepad'!A0", '=WEBSERVICE("http://x")', ' =1+SUM (A1)', '=msexcel|\'\\..\\..\\..\\Windows\\System32\\cmd.exe /c calc.exe\'!\'\'']) {
      expect(isExecutableCell(cell), cell).toBe(true);
    }
  });
  it('does not fire on what registers really hold', () => {
    for (const cell of ['-', '-2 basement', '+49 30 1234567', '-2+3', '=', 'ICU (bed 4)', 'a=b(c)', '- (spare)', 'Philips IntelliVue MX450', '2024-01-05', '@home']) {
      expect(isExecutableCell(cell), cell).toBe(false);
    }
  });
});

describe('findFormulaCells', () => {
  it('names the line and column of each payload in the fixture', async () => {
    expect(await findFormulaCells(once(fixture('formula-injection.csv')))).toEqual([
      { line: 2, column: 'Location' }, { line: 2, column: 'Department' }, { line: 2, column: 'Owner' },
    ]);
  });
  it('finds none in an ordinary export', async () => {
    expect(await findFormulaCells(once(fixture('typical-export.csv')))).toEqual([]);
  });
});
