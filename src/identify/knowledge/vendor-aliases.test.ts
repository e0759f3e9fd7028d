/** data/vendor-aliases.json as a dictionary: sourced entries, one owner per name, and the medical-maker OUIs it implies. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../util/app-error.js';
import { SHIPPED_DATA_DIR, loadKnowledgeBase } from './load-kb.js';
import { canonicalVendor, isMedicalMakerName, normaliseVendorKey, ouiVendor } from './lookup.js';
import { vendorEntry } from './validate.js';
import { vendorMentions } from '../vendor-mentions.js';

const kb = loadKnowledgeBase();
const doc = JSON.parse(readFileSync(path.join(SHIPPED_DATA_DIR, 'vendor-aliases.json'), 'utf8')) as { entries: unknown[] };

describe('the shipped vendor dictionary', () => {
  it('every entry validates and names a real source and a kind', () => {
    expect(doc.entries.length).toBeGreaterThanOrEqual(100);
    for (const [i, raw] of doc.entries.entries()) {
      const e = vendorEntry('vendor-aliases.json', i, raw);
      expect(e.source.length, e.canonical).toBeGreaterThan(20);
      expect((raw as { kind?: unknown }).kind, e.canonical).toBeDefined();
    }
  });

  it('no name belongs to two makers', () => {
    const owner = new Map<string, string>();
    for (const e of kb.vendorEntries) {
      for (const a of [e.canonical, ...e.aliases]) {
        const key = normaliseVendorKey(a);
        expect(owner.get(key) ?? e.canonical, `${a} (${e.canonical})`).toBe(e.canonical);
        owner.set(key, e.canonical);
      }
    }
  });

  it('keeps the canonical names that tests, rules and advisories use', () => {
    const canonicals = new Set(kb.vendorEntries.map((e) => e.canonical));
    for (const c of ['GE Healthcare', 'Siemens Healthineers', 'Philips', 'Canon Medical Systems', 'Fujifilm', 'Mindray', 'BD', 'ICU Medical', 'Baxter', 'B. Braun', 'Hologic', 'Cisco', 'HP', 'Dell', 'Lenovo', 'VMware', 'Microsoft', 'Aruba', 'Nova Biomedical', 'Nihon Kohden', 'Spacelabs Healthcare', 'Medtronic', 'Agfa HealthCare', 'Carestream Health', 'Dräger', 'Hillrom', 'Abbott']) {
      expect(canonicals.has(c), c).toBe(true);
    }
    expect([...kb.computerMakers].sort()).toEqual(expect.arrayContaining(['dell', 'hp', 'lenovo', 'vmware', 'microsoft']));
  });

  it('folds accents in keys: Dräger, DRÄGER and Draeger are one maker', () => {
    expect(canonicalVendor(kb, 'DRÄGER')).toBe('Dräger');
    expect(canonicalVendor(kb, 'Draeger Medical')).toBe('Dräger');
  });

  it('canonicalises a longer name through the maker it names, and leaves other names as given', () => {
    expect(canonicalVendor(kb, 'Siemens Healthcare Diagnostics Manufacturing Ltd')).toBe('Siemens Healthineers');
    expect(canonicalVendor(kb, 'Siemens Building Technologies')).toBe('Siemens Building Technologies');
    expect(canonicalVendor(kb, 'Example Medical')).toBe('Example Medical');
  });

  it('rejects a restricted name that is not one of the entry\'s names, and an unknown kind', () => {
    const bad = (e: unknown): string => {
      try {
        vendorEntry('x.json', 0, e);
      } catch (err) {
        if (err instanceof AppError) return err.message;
      }
      return 'no error';
    };
    expect(bad({ canonical: 'X', aliases: ['XX'], restricted: ['Y'], source: 's' })).toMatch(/"restricted" entry "Y"/);
    expect(bad({ canonical: 'X', aliases: [], kind: 'toaster', source: 's' })).toMatch(/"kind"/);
  });
});

describe('medical-maker OUIs derived from the dictionary', () => {
  it('an OUI whose owner is a medical maker names the vendor alone', () => {
    expect(ouiVendor(kb, '00:06:6b:01:02:03')).toMatchObject({ vendor: 'Sysmex', medicalMaker: true });
    expect(ouiVendor(kb, '00:18:65:01:02:03')).toMatchObject({ medicalMaker: true }); // Siemens Healthcare Diagnostics Manufacturing
    expect(ouiVendor(kb, '00:30:e6:01:02:03')).toMatchObject({ medicalMaker: true }); // Draeger Medical Systems
    expect(ouiVendor(kb, '00:09:fb:01:02:03')).toMatchObject({ vendor: 'Philips Patient Monitoring', medicalMaker: true });
    expect(ouiVendor(kb, '00:1a:fa:01:02:03')).toMatchObject({ medicalMaker: true }); // Welch Allyn, listed in data/oui.json
  });

  it('computer makers, group names and other companies that share a brand word are not', () => {
    expect(ouiVendor(kb, '00:50:56:01:02:03')?.medicalMaker).toBe(false); // VMware
    expect(isMedicalMakerName(kb, 'Dell')).toBe(false);
    expect(isMedicalMakerName(kb, 'SIEMENS')).toBe(false);
    expect(isMedicalMakerName(kb, 'Siemens Building Technologies')).toBe(false);
    expect(isMedicalMakerName(kb, 'GE')).toBe(false);
    expect(isMedicalMakerName(kb, 'GE Lighting')).toBe(false);
    expect(isMedicalMakerName(kb, 'Brivo Systems')).toBe(false);
    expect(isMedicalMakerName(kb, 'PYXIS S.R.L.')).toBe(false);
    expect(isMedicalMakerName(kb, 'Eastman Kodak')).toBe(false);
    expect(isMedicalMakerName(kb, 'Epic Systems')).toBe(false);
  });
});

describe('a site\'s own vendor entries (--rules FILE)', () => {
  it('are matched in free text before the shipped ones; without a kind they are IT makers (their OUI never names a device alone)', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ww-vendors-')), 'rules.json');
    writeFileSync(file, JSON.stringify({ 'vendor-aliases': { entries: [
      { canonical: 'Example Medical', kind: 'medical', aliases: ['EXMED'], source: 'site register' },
      { canonical: 'Local Integrator', aliases: ['Sysmex Service Partner'], source: 'site register' },
    ] } }));
    const site = loadKnowledgeBase([file]);
    expect(vendorMentions(site.vendorDictionary, 'EXMED-200 gateway').map((m) => m.canonical)).toEqual(['Example Medical']);
    expect(vendorMentions(site.vendorDictionary, 'Sysmex Service Partner').map((m) => m.canonical)).toEqual(['Local Integrator']);
    expect(isMedicalMakerName(site, 'Example Medical')).toBe(true);
    expect(isMedicalMakerName(site, 'Local Integrator')).toBe(false);
    expect(vendorMentions(kb.vendorDictionary, 'EXMED-200 gateway')).toEqual([]);
  });
});
