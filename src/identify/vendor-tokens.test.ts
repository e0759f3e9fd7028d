/** The vendor tokeniser: separators are hard boundaries, case and digit changes soft ones, accents folded. */
import { describe, expect, it } from 'vitest';
import { foldAccents, isLegalSuffix, tokenise } from './vendor-tokens.js';

const pieces = (text: string): string[] => {
  const t = tokenise(text);
  return t.text.slice(0, t.count).map((p, i) => `${t.hard[i] === true ? '|' : '~'}${p}`);
};

describe('tokenise', () => {
  it('splits on separators (hard) and on case or digit changes inside a word (soft)', () => {
    expect(pieces('SYSMEX_XN1000')).toEqual(['|sysmex', '|xn', '~1000']);
    expect(pieces('DrägerService')).toEqual(['|drager', '~service']);
    expect(pieces('GEHealthcare B650')).toEqual(['|ge', '~healthcare', '|b', '~650']);
    expect(pieces('McKesson')).toEqual(['|mc', '~kesson']);
    expect(pieces('DRAEGER-IGS')).toEqual(['|draeger', '|igs']);
  });

  it('keeps a lower-case or all-capitals word whole: no piece inside "Geode" or "PHILIPSBURG"', () => {
    expect(pieces('Geode')).toEqual(['|geode']);
    expect(pieces('PHILIPSBURG')).toEqual(['|philipsburg']);
  });

  it('offsets point into the folded text', () => {
    const t = tokenise('(Dräger) X');
    expect(t.source.slice(t.start[0], t.end[0])).toBe('Drager');
  });

  it('bad input: empty, separators only, symbols and very long text never throw', () => {
    expect(pieces('')).toEqual([]);
    expect(pieces('__--__ © –')).toEqual([]);
    expect(pieces('Infinity™')).toEqual(['|infinity', '~tm']); // NFKD spells the trade mark sign out
    expect(tokenise('ab'.repeat(50_000)).count).toBe(1);
    expect(pieces('数字 ΑΒΓ')).toEqual(['|数字', '|αβγ']);
  });
});

describe('foldAccents and legal suffixes', () => {
  it('folds accents and ligatures, returns ASCII unchanged', () => {
    expect(foldAccents('Drägerwerk bioMérieux Straße Ørsted')).toBe('Dragerwerk bioMerieux Strasse Orsted');
    const ascii = 'plain ASCII';
    expect(foldAccents(ascii)).toBe(ascii);
  });

  it('knows company forms, not ordinary words', () => {
    expect(['inc', 'gmbh', 'ag', 'kgaa', 'corporation'].every(isLegalSuffix)).toBe(true);
    expect(['medical', 'systems', 'healthcare'].some(isLegalSuffix)).toBe(false);
  });
});
