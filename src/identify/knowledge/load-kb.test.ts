/** Knowledge loading: the shipped files validate, user rules merge over them, bad files fail with AppError. */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../../util/app-error.js';
import { loadKnowledgeBase, SHIPPED_DATA_DIR } from './load-kb.js';
import { canonicalVendor, dicomRootOf, matchRules, ouiVendor } from './lookup.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-rules-'));
function rulesFile(name: string, content: unknown): string {
  const f = path.join(dir, name);
  writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content));
  return f;
}

function errorOf(files: string[]): AppError {
  try {
    loadKnowledgeBase(files);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error('not an AppError', { cause: err });
  }
  throw new Error('no error');
}

describe('loadKnowledgeBase', () => {
  it('loads the shipped data: 40+ DICOM roots, every entry with a source', () => {
    const kb = loadKnowledgeBase();
    expect(kb.dicomRoots.length).toBeGreaterThanOrEqual(40);
    expect(kb.dicomRoots.every((r) => r.source.length > 0)).toBe(true);
    expect(dicomRootOf(kb, '1.2.840.113619.6.374')?.vendor).toBe('GE Healthcare');
    expect(dicomRootOf(kb, '1.2.826.0.1.3680043.9.3811.2.0.2')?.product).toBe('pynetdicom');
    expect(canonicalVendor(kb, 'GE MEDICAL SYSTEMS')).toBe('GE Healthcare');
    expect(canonicalVendor(kb, 'General Electric Corporation')).toBe('GE Healthcare');
    expect(kb.oui.get('00A037')).toContain('Mindray');
    expect(kb.lifecycle.length).toBeGreaterThan(20);
  });

  it('computer makers, OUI-name aliases and medical-maker OUIs used by the host rules', () => {
    const kb = loadKnowledgeBase();
    expect([...kb.computerMakers].sort()).toEqual(expect.arrayContaining(['dell', 'hp', 'lenovo', 'vmware']));
    expect(kb.computerMakers.has('ge healthcare')).toBe(false);
    expect(canonicalVendor(kb, 'Aruba, a Hewlett Packard Enterprise')).toBe('Aruba');
    expect(canonicalVendor(kb, 'Philips Patient Monitoring')).toBe('Philips');
    expect(ouiVendor(kb, '00:09:fb:01:02:03')).toMatchObject({ vendor: 'Philips Patient Monitoring', medicalMaker: true });
    expect(kb.tcp.filter((t) => t.hostConfidence !== null).every((t) => t.options.includes('ws') && t.hostConfidence !== null && t.hostConfidence > t.confidence)).toBe(true);
  });

  it('merges a user rules file over the shipped data (user rules first)', () => {
    const f = rulesFile('ok.json', {
      'device-types': { rules: [{ field: 'hostname', match: '^CT01$', set: { type: 'cone-beam CT', category: 'imaging' }, confidence: 0.9, source: 'site register' }] },
      'vendor-aliases': { entries: [{ canonical: 'Example Medical', aliases: ['EXMED'], source: 'site' }] },
      oui: { entries: { '02:00:00': 'Lab OUI' } },
    });
    const kb = loadKnowledgeBase([f]);
    expect(matchRules(kb, 'device-types', 'hostname', 'CT01')[0]?.values.type).toBe('cone-beam CT');
    expect(canonicalVendor(kb, 'exmed')).toBe('Example Medical');
    expect(kb.oui.get('020000')).toBe('Lab OUI');
  });

  it('bad files: clear AppError naming the file and the entry', () => {
    expect(errorOf([rulesFile('notjson.json', '{ nope')]).message).toMatch(/notjson\.json: not valid JSON/);
    expect(errorOf([path.join(dir, 'missing.json')]).code).toBe('io');
    expect(errorOf([rulesFile('section.json', { bogus: {} })]).message).toMatch(/section\.json \[bogus\].*unknown section/);
    const badRe = errorOf([rulesFile('re.json', { 'http-fingerprints': { rules: [{ field: 'server', match: '(', set: { vendor: 'x' }, confidence: 0.5, source: 's' }] } })]);
    expect(badRe.message).toMatch(/re\.json \[http-fingerprints\]: rules\[0\]: "match" is not a valid regular expression/);
    expect(errorOf([rulesFile('cat.json', { 'device-types': { rules: [{ field: 'hostname', match: 'x', set: { category: 'toasters' }, confidence: 0.5, source: 's' }] } })]).message).toMatch(/rules\[0\].*category "toasters"/);
    expect(errorOf([rulesFile('conf.json', { 'snmp-sysdescr': { rules: [{ field: 'sysDescr', match: 'x', set: { vendor: 'x' }, confidence: 2, source: 's' }] } })]).message).toMatch(/confidence/);
    expect(errorOf([rulesFile('kit.json', { 'dicom-version-names': { rules: [{ field: 'versionName', match: 'x', set: { firmware: 'x' }, toolkit: 'yes', confidence: 0.5, source: 's' }] } })]).message).toMatch(/"toolkit" must be true or false/);
    expect(errorOf([rulesFile('attr.json', { 'snmp-sysdescr': { rules: [{ field: 'sysDescr', match: 'x', set: { colour: 'x' }, confidence: 0.5, source: 's' }] } })]).message).toMatch(/set\.colour/);
    expect(errorOf([rulesFile('nosrc.json', { 'dicom-uid-roots': { entries: [{ root: '1.2.3', vendor: 'X', confidence: 0.5 }] } })]).message).toMatch(/entries\[0\].*"source"/);
    expect(errorOf([rulesFile('root.json', { 'dicom-uid-roots': { entries: [{ root: '1.2.x', vendor: 'X', confidence: 0.5, source: 's' }] } })]).message).toMatch(/dotted UID/);
    expect(errorOf([rulesFile('life.json', { 'os-lifecycle': { entries: [{ name: 'W', version: '1', label: 'W', family: 'W', endOfSupport: 'soon', source: 's' }] } })]).message).toMatch(/endOfSupport/);
    expect(errorOf([rulesFile('oui.json', { oui: { entries: { 'zz:00:00': 'x' } } })]).message).toMatch(/24-bit OUI/);
    expect(errorOf([rulesFile('arr.json', [1, 2])]).message).toMatch(/arr\.json/);
    const tcp = { direction: 'request', ttl: 64, window: '*', windowScale: '*', options: 'mss', osName: 'X', confidence: 0.4, source: 's' };
    expect(errorOf([rulesFile('host.json', { 'tcp-fingerprints': { entries: [{ ...tcp, hostConfidence: 1.5 }] } })]).message).toMatch(/hostConfidence/);
    expect(errorOf([rulesFile('maker.json', { 'vendor-aliases': { entries: [{ canonical: 'X', aliases: [], computerMaker: 'yes', source: 's' }] } })]).message).toMatch(/computerMaker/);
  });
});

describe('the IANA enterprise-number registry is read on its first lookup', () => {
  it('fires: untouched at load, parsed and validated whole on the first lookup', () => {
    const kb = loadKnowledgeBase();
    expect(kb.penRegistry.loaded).toBe(false);
    expect(kb.penRegistry.get(9)).toBe('ciscoSystems');
    expect(kb.penRegistry.loaded).toBe(true);
    expect(kb.penRegistry.get(999_999_999)).toBeUndefined();
  });

  it('user entries are checked at load and win over the shipped registry', () => {
    const kb = loadKnowledgeBase([rulesFile('pen.json', { 'enterprise-numbers': { entries: { '9': 'Example Site Networks', '999999': 'Lab Agent' } } })]);
    expect(kb.penRegistry.get(999_999)).toBe('Lab Agent');
    expect(kb.penRegistry.loaded).toBe(false);
    expect(kb.penRegistry.get(9)).toBe('Example Site Networks');
    expect(errorOf([rulesFile('badpen.json', { 'enterprise-numbers': { entries: { x9: 'A' } } })]).message).toMatch(/badpen\.json \[enterprise-numbers\]: entries\.x9: key must be an enterprise number/);
  });

  it('must not fire: a broken shipped registry fails the lookup with a clear AppError, not the load', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'ww-data-'));
    cpSync(SHIPPED_DATA_DIR, data, { recursive: true });
    writeFileSync(path.join(data, 'enterprise-numbers.json'), JSON.stringify({ entries: { '9': '' } }));
    const kb = loadKnowledgeBase([], data);
    expect(() => kb.penRegistry.get(9)).toThrow(/enterprise-numbers\.json: entries\.9: organisation must be a non-empty string/);
    expect(() => kb.penRegistry.get(9)).toThrow(AppError);
  });
});

describe('the ASHRAE BACnet vendor registry section', () => {
  it('fires: shipped entries load with their no-maker list; a user file adds and overrides', () => {
    const kb = loadKnowledgeBase([rulesFile('bac.json', { 'bacnet-vendors': { entries: { '5': 'Site Controls', '64999': 'Lab BMS' } } })]);
    expect(kb.bacnetVendors.size).toBeGreaterThan(1000);
    expect(kb.bacnetNoMaker.has(260)).toBe(true);
    expect(kb.bacnetVendors.get(5)).toBe('Site Controls');
    expect(kb.bacnetVendors.get(64999)).toBe('Lab BMS');
  });

  it('must not fire: a bad identifier or a no-maker entry without its reason is a clear error', () => {
    expect(errorOf([rulesFile('bacid.json', { 'bacnet-vendors': { entries: { '70000': 'X' } } })]).message).toMatch(/bacid\.json \[bacnet-vendors\]: entries\.70000: key must be a BACnet vendor identifier/);
    expect(errorOf([rulesFile('bacwhy.json', { 'bacnet-vendors': { entries: {}, noMaker: { '9': '' } } })]).message).toMatch(/noMaker\.9: needs the reason/);
  });
});

describe('os-lifecycle generalEdition', () => {
  it('must be a boolean when given', () => {
    const row = { name: 'W', version: '1', label: 'W', family: 'W', endOfSupport: '2020-01-01', source: 's' };
    expect(loadKnowledgeBase([rulesFile('ge-ok.json', { 'os-lifecycle': { entries: [{ ...row, generalEdition: true }] } })]).lifecycle[0]?.generalEdition).toBe(true);
    expect(errorOf([rulesFile('ge.json', { 'os-lifecycle': { entries: [{ ...row, generalEdition: 'yes' }] } })]).message).toMatch(/generalEdition/);
  });
});
