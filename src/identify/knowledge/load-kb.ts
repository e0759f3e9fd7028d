/** Loads the shipped knowledge (data/*.json) and merges user rule files over it (`--rules FILE`). */
import { readFileSync } from 'node:fs';
import { SHIPPED_DATA_DIR } from '../../util/shipped-data.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { RULE_SETS, type KnowledgeBase, type RuleSetName } from './kb-types.js';
import { normaliseVendorKey } from './lookup.js';
import { LazyPenRegistry, parsePenSection } from './pen-registry.js';
import { parseBacnetVendors } from './bacnet-vendors.js';
import { compileVendorDictionary } from '../vendor-mentions.js';
import { array, dicomRoot, fail, fdaCode, isObj, lifecycleEntry, patternRule, tcpSignature, vendorEntry } from './validate.js';

/** src/identify/knowledge and dist/identify/knowledge both sit three levels under the package root. */
export { SHIPPED_DATA_DIR };

const OTHER_SECTIONS = ['oui', 'dicom-uid-roots', 'tcp-fingerprints', 'os-lifecycle', 'vendor-aliases', 'enterprise-numbers', 'bacnet-vendors'] as const;
/** Read lazily: only an SNMP sysObjectID lookup needs it (pen-registry.ts). */
const PEN_SECTION = 'enterprise-numbers';
const SECTIONS: ReadonlySet<string> = new Set<string>([...RULE_SETS, ...OTHER_SECTIONS]);

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError(ErrorCode.Io, `${file}: cannot read rules file`, { cause: err });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new AppError(ErrorCode.BadArgument, `${file}: not valid JSON (${err instanceof Error ? err.message : 'parse error'})`);
  }
}

function emptyKb(penFile: string): KnowledgeBase {
  const rules = Object.fromEntries(RULE_SETS.map((n) => [n, []])) as unknown as KnowledgeBase['rules'];
  return { oui: new Map(), ouiModuleMakers: new Set(), ouiMedicalMakers: new Set(), dicomRoots: [], rules, tcp: [], lifecycle: [], vendorAliases: new Map(), computerMakers: new Set(), deviceMakers: new Set(), pens: new Map(), bacnetVendors: new Map(), bacnetNoMaker: new Set(), penRegistry: new LazyPenRegistry(() => readJson(penFile), penFile), penMakerNames: new Map(), fdaProductCodes: [], vendorEntries: [], vendorDictionary: compileVendorDictionary([]) };
}

/** Adds one section (a data file's content) to the KB; `front` puts user entries before shipped ones so they win. */
function mergeSection(kb: KnowledgeBase, name: string, doc: unknown, file: string, front: boolean): void {
  const label = name === '' ? file : `${file} [${name}]`;
  if (!isObj(doc)) fail(label, 'top level', 'must be an object');
  const put = <T>(list: T[], items: T[]): T[] => (front ? [...items, ...list] : [...list, ...items]);
  if ((RULE_SETS as readonly string[]).includes(name)) {
    const set = name as RuleSetName;
    kb.rules[set] = put(kb.rules[set], array(label, 'top level', doc, 'rules').map((e, i) => patternRule(label, i, e)));
    if (set === 'device-types' && doc.fdaProductCodes !== undefined) {
      kb.fdaProductCodes = put(kb.fdaProductCodes, array(label, 'top level', doc, 'fdaProductCodes').map((e, i) => fdaCode(label, i, e)));
    }
    return;
  }
  switch (name) {
    case 'oui': {
      const entries = doc.entries;
      if (!isObj(entries)) fail(label, 'top level', '"entries" must be an object of OUI -> organisation');
      for (const [k, v] of Object.entries(entries)) {
        const key = k.replace(/[:-]/g, '').toUpperCase();
        if (!/^[0-9A-F]{6}$/.test(key)) fail(label, `entries.${k}`, 'key must be a 24-bit OUI such as 00:A0:37');
        if (typeof v !== 'string' || v.length === 0) fail(label, `entries.${k}`, 'organisation must be a non-empty string');
        if (front || !kb.oui.has(key)) kb.oui.set(key, v);
      }
      const mods = doc.moduleMakers ?? [];
      if (!Array.isArray(mods) || !mods.every((m) => typeof m === 'string')) fail(label, 'moduleMakers', 'must be an array of OUIs');
      for (const m of mods) kb.ouiModuleMakers.add(m.replace(/[:-]/g, '').toUpperCase());
      const medical = doc.medicalMakers ?? [];
      if (!Array.isArray(medical) || !medical.every((m) => typeof m === 'string')) fail(label, 'medicalMakers', 'must be an array of OUIs');
      for (const m of medical) kb.ouiMedicalMakers.add(m.replace(/[:-]/g, '').toUpperCase());
      return;
    }
    case 'dicom-uid-roots':
      kb.dicomRoots = put(kb.dicomRoots, array(label, 'top level', doc, 'entries').map((e, i) => dicomRoot(label, i, e)));
      return;
    case 'tcp-fingerprints':
      kb.tcp = put(kb.tcp, array(label, 'top level', doc, 'entries').map((e, i) => tcpSignature(label, i, e)));
      return;
    case 'os-lifecycle':
      kb.lifecycle = put(kb.lifecycle, array(label, 'top level', doc, 'entries').map((e, i) => lifecycleEntry(label, i, e)));
      return;
    case 'vendor-aliases': {
      const entries = array(label, 'top level', doc, 'entries').map((e, i) => vendorEntry(label, i, e));
      for (const e of entries) {
        for (const a of [e.canonical, ...e.aliases]) {
          const key = normaliseVendorKey(a);
          if (front || !kb.vendorAliases.has(key)) kb.vendorAliases.set(key, e.canonical);
        }
        if (e.computerMaker) kb.computerMakers.add(normaliseVendorKey(e.canonical));
        if (e.deviceMaker) kb.deviceMakers.add(normaliseVendorKey(e.canonical));
        // A PC, server, VM or OS maker's agent runs under other makers' products: its number names no device.
        if (!e.computerMaker && e.kind !== 'platform') for (const n of e.pens) if (front || !kb.pens.has(n)) kb.pens.set(n, e.canonical);
        if (!e.computerMaker && (e.kind === 'it' || e.kind === 'medical')) {
          const unsure = new Set([...e.restricted, ...e.conglomerate].map(normaliseVendorKey));
          for (const a of [e.canonical, ...e.aliases]) {
            const key = normaliseVendorKey(a);
            if (!unsure.has(key) && key !== '' && (front || !kb.penMakerNames.has(key))) kb.penMakerNames.set(key, e.canonical);
          }
        }
      }
      kb.vendorEntries = put(kb.vendorEntries, entries);
      return;
    }
    case 'bacnet-vendors': {
      const { entries, noMaker } = parseBacnetVendors(label, doc);
      for (const [k, v] of entries) if (front || !kb.bacnetVendors.has(k)) kb.bacnetVendors.set(k, v);
      for (const k of noMaker) kb.bacnetNoMaker.add(k);
      return;
    }
    case 'enterprise-numbers':
      // Only user files come here: the shipped registry is read on its first lookup (pen-registry.ts).
      kb.penRegistry.addUser(parsePenSection(label, doc));
      return;
    default:
      fail(label, 'top level', `unknown section "${name}" (known: ${[...SECTIONS].join(', ')})`);
  }
}

function sortRoots(kb: KnowledgeBase): void {
  // Stable sort: longest root first; among equal roots the earlier (user) entry stays first.
  kb.dicomRoots = kb.dicomRoots.map((r, i) => ({ r, i })).sort((a, b) => b.r.root.length - a.r.root.length || a.i - b.i).map((x) => x.r);
}

/**
 * The shipped knowledge plus each user rules file. A user file is one JSON object whose keys are data file names
 * without `.json` (`"device-types": { "rules": [...] }`, `"oui": { "entries": {...} }` …), each in the shipped shape.
 * Throws only AppError (bad-argument for bad content, naming the file and entry; io when a file cannot be read).
 */
export function loadKnowledgeBase(extraRuleFiles: readonly string[] = [], dataDir: string = SHIPPED_DATA_DIR): KnowledgeBase {
  const fileOf = (name: string): string => `${dataDir.replace(/\/?$/, '/')}${name}.json`;
  const kb = emptyKb(fileOf(PEN_SECTION));
  for (const name of [...RULE_SETS, ...OTHER_SECTIONS]) {
    if (name === PEN_SECTION) continue;
    const file = fileOf(name);
    mergeSection(kb, name, readJson(file), file, false);
  }
  for (const file of extraRuleFiles) {
    const doc = readJson(file);
    if (!isObj(doc)) fail(file, 'top level', 'must be an object whose keys are knowledge sections');
    const keys = Object.keys(doc);
    if (keys.length === 0) fail(file, 'top level', `no sections (known: ${[...SECTIONS].join(', ')})`);
    for (const name of keys) mergeSection(kb, name, doc[name], file, true);
  }
  sortRoots(kb);
  kb.vendorDictionary = compileVendorDictionary(kb.vendorEntries);
  return kb;
}
