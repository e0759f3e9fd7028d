/**
 * The ASHRAE BACnet vendor identifier registry (data/bacnet-vendors.json, https://bacnet.org/assigned-vendor-ids/):
 * validation of the section, and the maker an identifier names. ANSI/ASHRAE 135 §12.11.7: Vendor_Identifier is the
 * code ASHRAE assigned to the device's vendor, and every I-Am carries it (§16.10.2).
 */
import type { KnowledgeBase } from './kb-types.js';
import { fail, isObj } from './validate.js';

const ID = /^\d{1,5}$/;

/** `{ "entries": { "18": "Alerton / Honeywell" … }, "noMaker": { "260": "why" … } }`, checked. */
export function parseBacnetVendors(label: string, doc: unknown): { entries: Map<number, string>; noMaker: number[] } {
  if (!isObj(doc)) fail(label, 'top level', 'must be an object');
  const entries = doc.entries;
  if (!isObj(entries)) fail(label, 'top level', '"entries" must be an object of vendor identifier -> organisation');
  const out = new Map<number, string>();
  for (const [k, v] of Object.entries(entries)) {
    if (!ID.test(k) || Number(k) > 0xffff) fail(label, `entries.${k}`, 'key must be a BACnet vendor identifier (0-65535)');
    if (typeof v !== 'string' || v.trim().length === 0) fail(label, `entries.${k}`, 'organisation must be a non-empty string');
    out.set(Number(k), v);
  }
  const noMaker = doc.noMaker ?? {};
  if (!isObj(noMaker)) fail(label, 'noMaker', 'must be an object of vendor identifier -> reason');
  for (const [k, v] of Object.entries(noMaker)) {
    if (!ID.test(k)) fail(label, `noMaker.${k}`, 'key must be a BACnet vendor identifier');
    if (typeof v !== 'string' || v.trim().length === 0) fail(label, `noMaker.${k}`, 'needs the reason the identifier names no maker');
  }
  return { entries: out, noMaker: Object.keys(noMaker).map(Number) };
}

/**
 * The organisation an identifier was assigned to, as the device's maker: null for an unassigned identifier or one
 * that names no maker (ASHRAE, NIST, universities, the free BACnet Stack's default). A "(Formerly …)" note is history
 * of the registrant's name, not part of it.
 */
export function bacnetVendorName(kb: KnowledgeBase, vendorId: number): string | null {
  if (kb.bacnetNoMaker.has(vendorId)) return null;
  const org = kb.bacnetVendors.get(vendorId);
  if (org === undefined) return null;
  const name = org.replace(/\s*\(\s*formerly\b[^)]*\)\s*/gi, ' ').replace(/\s+/g, ' ').trim();
  return name === '' ? null : name;
}
