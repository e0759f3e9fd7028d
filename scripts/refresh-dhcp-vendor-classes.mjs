#!/usr/bin/env node
// Regenerates data/dhcp-vendor-classes.json from satori's DHCP fingerprints (github.com/xnih/satori,
// fingerprints/dhcp.xml, GPL-2.0): every DHCP option 60 vendor class that satori ties to one device type and one maker,
// as a rule that names that maker and the device's type and category.
// Usage: node scripts/refresh-dhcp-vendor-classes.mjs path/to/dhcp.xml [--commit <satori commit>] [--out data/dhcp-vendor-classes.json]
//
// Why only some entries: a vendor class is worth a device type only when it names the maker itself ("ipphone.mitel.com",
// "Ruckus CPE", "MERAKI"); a bare model number ("CP-8851", "AP4800E") or a DHCP client's own name ("udhcp 1.28.3",
// "dhcpcd-5.5.6", "MSFT 5.0", CableLabs' "docsis1.0" that every cable modem sends) recurs across products, and satori
// itself lists such strings under several unrelated devices. So a class is kept only when
//   - every satori fingerprint that lists it agrees on the maker and on the device type,
//   - the class names that maker (a word of satori's device_vendor, three letters or more, appears in it),
//   - it says more than the maker's name ("Canon", "Dell", "Cisco System, Inc." say who, not what kind of device),
//   - it is not a generic DHCP client or protocol identifier (GENERIC below),
//   - no hand-written rule of data/dhcp-fingerprints.json already says its OS, type or category (those are curated), and
//   - satori's device type is one this project's vocabulary has (DEVICE_TYPES below); the rest stay unknown.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// satori device_type -> this project's type and category (data/device-types.json vocabulary). A type left out here
// (smartphones, game consoles, signage, "Miscellaneous" …) gives no rule: unknown beats a guess.
const DEVICE_TYPES = new Map([
  ['VoIP Phone', { type: 'IP phone', category: 'it' }],
  ['Wireless Access Point', { type: 'wireless access point', category: 'network' }],
  ['Wireless Controller', { category: 'network' }],
  ['Router', { type: 'router', category: 'network' }],
  ['Switch', { type: 'network switch', category: 'network' }],
  ['Smart Switch', { type: 'network switch', category: 'network' }],
  ['Firewall', { category: 'network' }],
  ['Load Balancer', { category: 'network' }],
  ['Printer', { type: 'printer', category: 'it' }],
  ['IP Network Camera', { type: 'IP camera', category: 'iot' }],
  ['UPS', { category: 'it' }],
  ['Video Conferencing', { category: 'it' }],
  ['Video Phone', { category: 'it' }],
]);

// DHCP clients and protocols whose vendor class is theirs, not the device's: udhcp/BusyBox, dhcpcd, Windows
// ("MSFT"), Android, ISC dhclient, Linux kernel releases; CableLabs DOCSIS ("docsis1.0", every cable modem).
const GENERIC = /^(udhcp|dhcpcd|msft|android|dhclient|isc|linux|busybox|docsis|microsoft windows)/i;

const attr = (s, n) => new RegExp(`\\b${n}="([^"]*)"`).exec(s)?.[1]?.trim() ?? '';
const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const COMPANY_WORDS = new Set(['inc', 'corp', 'ltd', 'llc', 'the', 'co', 'system', 'systems', 'networks', 'international', 'communications']);

/** Words of a maker's name that can name it in a vendor class ("Cisco Systems, Inc." -> cisco). */
function makerWords(vendor) {
  return vendor.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !COMPANY_WORDS.has(w));
}

/** The class is only the maker's name (and company words): it names who made the device, not what it is. */
function onlyMakerName(code, vendor) {
  const words = new Set(makerWords(vendor));
  return code.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '' && !words.has(w) && !COMPANY_WORDS.has(w)).length === 0;
}

/** `handRules`: the rules of data/dhcp-fingerprints.json; a class one of them types already is left to it. */
export function vendorClassRules(xml, satoriCommit, handRules = []) {
  const curated = handRules.filter((r) => r.field === 'vendorClass' && ['osName', 'type', 'category'].some((k) => r.set[k] !== undefined)).map((r) => new RegExp(r.match, 'i'));
  const classes = new Map();
  for (const fp of xml.matchAll(/<fingerprint ([^>]*)>([\s\S]*?)<\/fingerprint>/g)) {
    const name = unescape(attr(fp[1], 'name'));
    const deviceType = attr(fp[1], 'device_type');
    const vendor = unescape(attr(fp[1], 'device_vendor'));
    for (const t of fp[2].matchAll(/<test ([^>]*)\/>/g)) {
      const code = unescape(attr(t[1], 'dhcpvendorcode'));
      if (code === '') continue;
      const partial = attr(t[1], 'matchtype') === 'partial';
      const c = classes.get(code) ?? { code, partial: false, seen: [] };
      c.partial ||= partial;
      c.seen.push({ name, deviceType, vendor });
      classes.set(code, c);
    }
  }
  const rules = [];
  for (const c of [...classes.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
    if (GENERIC.test(c.code) || curated.some((re) => re.test(c.code))) continue;
    const types = new Set(c.seen.map((s) => s.deviceType));
    const vendors = new Set(c.seen.map((s) => s.vendor));
    if (types.size !== 1 || vendors.size !== 1) continue;
    const [deviceType] = types;
    const [vendor] = vendors;
    const mapped = DEVICE_TYPES.get(deviceType);
    if (mapped === undefined || vendor === '') continue;
    const lower = c.code.toLowerCase();
    if (!makerWords(vendor).some((w) => lower.includes(w)) || onlyMakerName(c.code, vendor)) continue;
    const names = [...new Set(c.seen.map((s) => s.name))].join("', '");
    rules.push({
      field: 'vendorClass',
      // satori's "partial" tests match a class that begins with the string; "exact" ones the whole class.
      match: `^${escapeRe(c.code)}${c.partial ? '' : '$'}`,
      set: { vendor, ...mapped },
      confidence: 0.6,
      source: `satori fingerprints/dhcp.xml (github.com/xnih/satori ${satoriCommit}, GPL-2.0): option 60 '${c.code}' of '${names}', device_type ${deviceType}, device_vendor ${vendor}`,
    });
  }
  return rules;
}

/** Option-55 lists shorter than this are what many small embedded clients ask for ("1,3", "1,3,6,15,44,47": the subnet mask, router, DNS, domain and NetBIOS options every client needs). */
const MIN_LIST_OPTIONS = 7;

/**
 * Option 55 parameter request lists that satori gives only to printers (device_type Printer, no other fingerprint in
 * the file asks for the same list), at least MIN_LIST_OPTIONS long: type printer, category it, below the fill
 * threshold alone (a DHCP client's list recurs in other products of the same firmware), so that it seconds a printer
 * maker's OUI or a print service, as the hand-written lists of data/dhcp-fingerprints.json do.
 */
export function printerListRules(xml, satoriCommit, handRules = []) {
  const curated = handRules.filter((r) => r.field === 'paramRequestList').map((r) => new RegExp(r.match, 'i'));
  const lists = new Map();
  for (const fp of xml.matchAll(/<fingerprint ([^>]*)>([\s\S]*?)<\/fingerprint>/g)) {
    const name = unescape(attr(fp[1], 'name'));
    const deviceType = attr(fp[1], 'device_type');
    for (const t of fp[2].matchAll(/<test ([^>]*)\/>/g)) {
      const list = attr(t[1], 'dhcpoption55').replace(/\s+/g, '');
      if (list === '') continue;
      const l = lists.get(list) ?? { types: new Set(), names: new Set() };
      l.types.add(deviceType);
      l.names.add(name);
      lists.set(list, l);
    }
  }
  const rules = [];
  for (const [list, l] of [...lists].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (l.types.size !== 1 || !l.types.has('Printer') || list.split(',').length < MIN_LIST_OPTIONS || curated.some((re) => re.test(list))) continue;
    rules.push({
      field: 'paramRequestList',
      match: `^${escapeRe(list)}$`,
      set: { type: 'printer', category: 'it' },
      confidence: 0.45,
      source: `satori fingerprints/dhcp.xml (github.com/xnih/satori ${satoriCommit}, GPL-2.0): option 55 of '${[...l.names].join("', '")}', device_type Printer, a list no other device type there shares; below the fill threshold alone: it seconds a printer maker's OUI or a print service`,
    });
  }
  return rules;
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const out = opt('--out') ?? path.join(root, 'data/dhcp-vendor-classes.json');
  const commit = opt('--commit') ?? 'unknown commit';
  const input = args.find((a, i) => !a.startsWith('--') && !['--out', '--commit'].includes(args[i - 1]));
  if (input === undefined) {
    console.error('usage: node scripts/refresh-dhcp-vendor-classes.mjs path/to/satori/fingerprints/dhcp.xml [--commit <sha>] [--out file]');
    process.exit(2);
  }
  const hand = JSON.parse(readFileSync(path.join(root, 'data/dhcp-fingerprints.json'), 'utf8')).rules;
  const xml = readFileSync(input, 'utf8');
  const rules = [...vendorClassRules(xml, commit, hand), ...printerListRules(xml, commit, hand)];
  const doc = {
    description: 'DHCP option 60 vendor classes that name a device maker and its kind of device (field \'vendorClass\') and option 55 lists only printers ask for (field \'paramRequestList\'), generated by scripts/refresh-dhcp-vendor-classes.mjs from satori fingerprints/dhcp.xml (as data/dhcp-fingerprints.json). Only classes every satori fingerprint agrees on, that name the maker, and are no DHCP client\'s own identifier; hand-written rules stay in data/dhcp-fingerprints.json.',
    rules,
  };
  const text = `{\n  "description": ${JSON.stringify(doc.description)},\n  "rules": [\n${rules.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
  writeFileSync(out, text);
  console.log(`${out}: ${rules.length} vendor-class rules`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
