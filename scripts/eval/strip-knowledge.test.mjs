// `node --test scripts/eval/strip-knowledge.test.mjs`: the leave-one-vendor-out stripper on made-up knowledge files.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dataWithout, namePattern, strip } from './strip-knowledge.mjs';

test('names match at word boundaries, loose inside, any case', () => {
  const re = namePattern(['B. Braun', 'Dräger']);
  assert.ok(re.test('"B.Braun Melsungen"'));
  assert.ok(re.test('made by DRÄGER'));
  assert.ok(!re.test('Brauning'));
  assert.ok(!re.test('Drägerwerkzeug'));
  assert.equal(namePattern(['', ' ']), null);
});

test('array elements naming the vendor anywhere inside go whole; the others stay', () => {
  const re = namePattern(['Acme']);
  const c = { removed: 0 };
  const out = strip({ source: 'x', entries: [{ vendor: 'Acme Medical', p: 1 }, { vendor: 'Other', list: ['acme pump', 'z'] }, { vendor: 'Third', list: ['y'] }] }, re, c);
  assert.deepEqual(out, { source: 'x', entries: [{ vendor: 'Third', list: ['y'] }] });
  assert.equal(c.removed, 2);
});

test('keys naming the vendor go; map-like objects lose entries whose value names it', () => {
  const re = namePattern(['Acme']);
  assert.deepEqual(strip({ Acme: ['1.2.3'], Other: ['4.5'] }, re), { Other: ['4.5'] });
  const map = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`k${i}`, i === 3 ? 'Acme Corp' : 'x']));
  assert.equal(Object.keys(strip(map, re)).length, 13);
  assert.deepEqual(strip({ name: 'Acme', n: 1 }, re), { name: 'Acme', n: 1 }); // a small record keeps its fields: its parent array drops it
});

test('a data directory copy: aliases followed, IEEE entries kept, other files stripped, bad JSON left alone', () => {
  const src = mkdtempSync(join(tmpdir(), 'ww-strip-src-'));
  try {
    mkdirSync(join(src, 'sub'));
    writeFileSync(join(src, 'vendor-aliases.json'), JSON.stringify({ entries: [{ canonical: 'Acme Medical', aliases: ['ACMED'], source: 'Acme annual report' }, { canonical: 'Other', aliases: [] }] }));
    writeFileSync(join(src, 'sub', 'rules.json'), JSON.stringify({ rules: [{ match: 'ACMED-9000', vendor: 'x' }, { match: 'foo' }] }));
    writeFileSync(join(src, 'oui.json'), JSON.stringify({ entries: { '001122': 'Acme Medical' }, medicalMakers: ['Acme Medical', 'Other'] }));
    writeFileSync(join(src, 'broken.json'), '{ not json');
    const { dir, names, removed } = dataWithout(src, ['Acme Medical']);
    try {
      assert.ok(names.includes('ACMED'));
      assert.deepEqual(JSON.parse(readFileSync(join(dir, 'sub', 'rules.json'), 'utf8')), { rules: [{ match: 'foo' }] });
      assert.deepEqual(JSON.parse(readFileSync(join(dir, 'oui.json'), 'utf8')), { entries: { '001122': 'Acme Medical' }, medicalMakers: ['Other'] });
      assert.equal(JSON.parse(readFileSync(join(dir, 'vendor-aliases.json'), 'utf8')).entries.length, 1);
      assert.equal(readFileSync(join(dir, 'broken.json'), 'utf8'), '{ not json');
      assert.equal(removed, 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
});
