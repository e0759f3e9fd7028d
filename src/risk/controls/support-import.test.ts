/** Support CSV import: header or not, hostile cells (formulas, NUL, quotes), bad dates named by line, all or nothing. */
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { NOW_MS } from '../test-support/fixtures.js';
import { importSupportCsv } from './support-import.js';
import { SupportStore } from '../../store/risk/support-store.js';

let inv: SqliteInventory;
let store: SupportStore;
beforeEach(async () => {
  inv = await SqliteInventory.open(':memory:');
  store = new SupportStore(inv.db);
});
afterEach(async () => {
  await inv.close();
});

const csv = (text: string | Buffer): Readable => Readable.from([typeof text === 'string' ? Buffer.from(text) : text]);

describe('importSupportCsv', () => {
  it('reads rows without a header (vendor,model,end_of_support[,status])', async () => {
    const r = await importSupportCsv(store, csv('GE Healthcare,Revolution CT,2027-12-31\r\nBD,Alaris 8015,2025-06-30,ended\n'), NOW_MS);
    expect(r).toEqual({ rows: 2, warnings: [] });
    expect((await store.list()).map((s) => [s.vendor, s.model, s.endOfSupport, s.status, s.source])).toEqual([
      ['BD', 'Alaris 8015', '2025-06-30', 'ended', 'import'],
      ['GE Healthcare', 'Revolution CT', '2027-12-31', null, 'import'],
    ]);
  });
  it('reads a header in any column order, a BOM, semicolons, quotes and empty dates with a status', async () => {
    const text = '\ufeffModel;Vendor;Status;End of support;Notes\n"Infinity ""M540""";Dräger;limited;;"letter, 2024"\n';
    await importSupportCsv(store, csv(text), NOW_MS);
    expect(await store.list()).toEqual([{ vendor: 'Dräger', model: 'Infinity "M540"', endOfSupport: null, status: 'limited', source: 'import', notes: 'letter, 2024', updatedAt: '2026-11-29T12:00:00.000Z' }]);
  });
  it('defuses a formula in notes and warns on a repeated model (the later line wins)', async () => {
    const r = await importSupportCsv(store, csv('vendor,model,end_of_support,status,notes\nBD,A,2025-01-01,,=HYPERLINK("http://x")\nbd,a,2026-01-01,,\n'), NOW_MS);
    expect(r.warnings).toEqual(['line 3: bd a also on line 2; this line wins']);
    expect((await store.list())[0]?.endOfSupport).toBe('2026-01-01');
    await importSupportCsv(store, csv('BD,B,2025-01-01,,=1+1\n'), NOW_MS);
    expect((await store.list()).find((s) => s.model === 'B')?.notes).toBe("'=1+1");
  });
  it.each([
    ['BD,A,31/12/2025\n', /^line 1: end-of-support date "31\/12\/2025" is not a date \(expected YYYY-MM-DD\) \(nothing imported\)$/],
    ['vendor,model,end_of_support\nBD,A,2025-01-01\nBD,B,soon\nBD,C,2025-02-30\n', /^line 3: .*"soon".* \(and 1 more bad row; nothing imported\)$/],
    ['=cmd|\' /C calc\'!A0,A,2025-01-01\n', /line 1: vendor "=cmd.*spreadsheet would run as a formula/],
    ['BD,@SUM(A1),2025-01-01\n', /line 1: model "@SUM\(A1\)".*formula/],
    ['BD,A,2025-01-01,obsolete\n', /line 1: unknown support status "obsolete"/],
    ['BD,,2025-01-01\n', /line 1: model must not be empty/],
    ['BD,A,2025-01-01,ended,note,extra\n', /line 1: 6 columns, expected at most 5/],
    ['BD,"A\n', /line 1: quoted field never closed/],
    ['BD,"A"x,2025-01-01\n', /line 1: text after quote/],
    ['vendor,model\nBD,A\n', /header row has no end_of_support column/],
    ['', /empty file/],
    ['vendor,model,end_of_support\n', /empty file/],
  ])('refuses %j', async (text, message) => {
    await expect(importSupportCsv(store, csv(text), NOW_MS)).rejects.toThrow(message);
    expect(await store.list()).toEqual([]);
  });
  it('reads UTF-16 with a byte-order mark (Excel "Unicode Text"), refuses binary files', async () => {
    await importSupportCsv(store, csv(Buffer.from('\ufeffvendor\tmodel\tend_of_support\r\nDräger\tEvita V500\t2029-01-01\r\n', 'utf16le')), NOW_MS);
    expect((await store.list()).map((s) => [s.vendor, s.model, s.endOfSupport])).toEqual([['Dräger', 'Evita V500', '2029-01-01']]);
    await expect(importSupportCsv(store, csv(Buffer.from([0x42, 0x44, 0x00, 0x01])))).rejects.toThrow(/NUL bytes/);
  });
});
