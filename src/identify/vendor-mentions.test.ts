/** Vendor names in free text: token-boundary matching over the shipped dictionary, restricted names, several makers. */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import { compileVendorDictionary, soleMaker, vendorMentions, type VendorKind } from './vendor-mentions.js';

const kb = loadKnowledgeBase();
const MAKERS: ReadonlySet<VendorKind> = new Set(['medical', 'clinical-software', 'it']);
const maker = (text: string): string | null => soleMaker(vendorMentions(kb.vendorDictionary, text), MAKERS)?.canonical ?? null;
const named = (text: string): string[] => vendorMentions(kb.vendorDictionary, text).map((m) => m.canonical);

describe('vendorMentions: must fire', () => {
  it('finds a maker inside free text on word boundaries', () => {
    expect(maker('QNX mon-x 6.5.0 2010/07/09 x86pc (GE Healthcare CARESCAPE B650)')).toBe('GE Healthcare');
    expect(maker('SYSMEX_XN')).toBe('Sysmex');
    expect(maker('DRAEGER_IGS')).toBe('Dräger');
    expect(maker('DRAEGER-IGS')).toBe('Dräger');
    expect(maker('Cisco IOS Software, C2960 Software')).toBe('Cisco');
  });

  it('folds accents and splits camel case: DrägerService, DRÄGER, bioMérieux, GEHealthcare', () => {
    expect(maker('DrägerService 2.1')).toBe('Dräger');
    expect(maker('DRÄGER INFINITY')).toBe('Dräger');
    expect(maker('bioMérieux VITEK 2')).toBe('bioMérieux');
    expect(maker('GEHealthcare-Gateway')).toBe('GE Healthcare');
  });

  it('knows the IEEE registry legal names and brands of a maker', () => {
    expect(maker('GENERAL ELECTRIC CORPORATION')).toBe('GE Healthcare');
    expect(maker('Hewlett Packard')).toBe('HP');
    expect(maker('Draeger Medical Systems, Inc.')).toBe('Dräger');
    expect(maker('Drägerwerk AG & Co. KG aA')).toBe('Dräger');
    expect(maker('IntelliVue MX800')).toBe('Philips');
    expect(maker('Alaris Gateway Workstation')).toBe('BD');
  });

  it('skips legal suffixes between the words of a name: "SIEMENS AG Healthcare Diagnostics"', () => {
    expect(maker('SIEMENS AG Healthcare Diagnostics')).toBe('Siemens Healthineers');
  });

  it('a restricted name fires as the whole field, before a company word, or beside another name of the maker', () => {
    expect(maker('BD')).toBe('BD');
    expect(maker('HP Inc.')).toBe('HP');
    expect(maker('Siemens')).toBe('Siemens Healthineers');
    expect(maker('Siemens ACUSON S2000')).toBe('Siemens Healthineers');
    expect(maker('Acuson')).toBe('Siemens Healthineers');
  });
});

describe('vendorMentions: must not fire', () => {
  it('never matches part of a longer word: "Geode" is not GE, "Philipsburg" is not Philips', () => {
    expect(named('AMD Geode LX800')).toEqual([]);
    expect(named('Philipsburg Medical Center')).toEqual([]);
    expect(named('Abbottsford clinic')).toEqual([]);
    expect(named('PHILIPSBURG')).toEqual([]);
  });

  it('restricted and group names in running text stay silent: GE Lighting, BD pump, HP5, Bard College, Siemens Building', () => {
    expect(maker('GE Lighting controller')).toBeNull();
    expect(maker('General Electric Digital Energy')).toBeNull();
    expect(maker('BD pump')).toBeNull();
    expect(maker('HP5 printer')).toBeNull();
    expect(maker('Bard College')).toBeNull();
    expect(maker('Siemens Building Technologies')).toBeNull();
    expect(maker('Epic sound system')).toBeNull();
  });

  it('a name starts a word: "LaRoche" and "myPhilips" name nobody', () => {
    expect(named('LaRoche Industries')).toEqual([]);
    expect(named('myPhilips portal')).toEqual([]);
  });

  it('a restricted name is never part of a camel-case word', () => {
    expect(named('MyBDDevice')).toEqual([]);
    expect(named('AppleWebKit/537.36')).toEqual([]);
  });

  it('platform makers never name a device: Microsoft-IIS, Microsoft-HTTPAPI', () => {
    expect(named('Microsoft-IIS/10.0')).toEqual(['Microsoft']);
    expect(maker('Microsoft-IIS/10.0')).toBeNull();
    expect(maker('Microsoft-HTTPAPI/2.0')).toBeNull();
  });

  it('text without a maker, and bad input, give nothing and never throw', () => {
    expect(named('Hardware: Intel64 Family 6 Model 60 Stepping 3 AT/AT COMPATIBLE - Software: Windows Version 6.3')).toEqual([]);
    expect(named('')).toEqual([]);
    expect(named('\u0000\uffff%%%')).toEqual([]);
    expect(named('x'.repeat(100_000))).toEqual([]);
  });
});

describe('soleMaker: several makers in one field', () => {
  it('a single medical maker wins over a PC or network maker', () => {
    expect(maker('GE Healthcare gateway on Dell PowerEdge R640')).toBe('GE Healthcare');
  });

  it('two medical makers, or two IT makers, are ambiguous: nothing', () => {
    expect(maker('Philips or Mindray monitors')).toBeNull();
    expect(maker('Cisco and Juniper Networks')).toBeNull();
  });
});

describe('compileVendorDictionary', () => {
  it('the first entry keeps an alias two entries claim (user entries come first)', () => {
    const dict = compileVendorDictionary([
      { canonical: 'Site Maker', aliases: ['Acme'], kind: 'medical', restricted: [], conglomerate: [] },
      { canonical: 'Other', aliases: ['ACME'], kind: 'it', restricted: [], conglomerate: [] },
    ]);
    expect(vendorMentions(dict, 'ACME-200').map((m) => m.canonical)).toEqual(['Site Maker']);
  });

  it('memoises per text and stays bounded', () => {
    const dict = compileVendorDictionary(kb.vendorEntries);
    const first = vendorMentions(dict, 'SYSMEX_XN');
    expect(vendorMentions(dict, 'SYSMEX_XN')).toBe(first);
    for (let i = 0; i < 5000; i++) vendorMentions(dict, `host-${String(i)}`);
    expect(dict.memo.size).toBeLessThanOrEqual(4096);
  });
});
