#!/usr/bin/env node
// Regenerates data/oui.json from the IEEE MA-L registry (Debian ieee-data oui.csv, or Wireshark's manuf as fallback).
// Usage: node scripts/refresh-oui.mjs [path/to/oui.csv|manuf] [--out data/oui.json]
// The output maps every 24-bit OUI to a short organisation name (compact: suffixes like "Inc." dropped), and flags
// the OUIs of embedded network-module makers, whose OUI names the NIC maker rather than the device's maker, and those
// of medical device makers, whose OUI on a device in practice names the device's maker.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const out = outIdx >= 0 ? args[outIdx + 1] : path.join(root, 'data/oui.json');
const input = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out')
  ?? ['/usr/share/ieee-data/oui.csv', '/usr/share/wireshark/manuf'].find((p) => existsSync(p));
if (input === undefined) {
  console.error('error: no OUI source found (install Debian ieee-data or wireshark-common, or pass a path)');
  process.exit(1);
}

// Organisations that make embedded Wi-Fi/Ethernet modules or chipsets: their OUI on a device says little about
// who built the device (a pump with a Silex or Lantronix module). Matched on the compact name.
const MODULE_MAKERS = [/^Lantronix/i, /^Digi International/i, /^Silex/i, /^Murata/i, /^Espressif/i, /^Texas Instruments/i,
  /^Microchip/i, /^Laird/i, /^u-blox/i, /^Quectel/i, /^Sierra Wireless/i, /^Telit/i, /^AzureWave/i, /^Realtek/i,
  /^Qualcomm/i, /^Broadcom/i, /^Intel Corporate/i, /^Atheros/i, /^Redpine/i, /^Roving Networks/i, /^WIZnet/i, /^Moxa/i];

// Medical device makers: equipment carrying their own OUI is, in practice, their device (a pump, monitor or modality
// with a NIC the maker registered), so the OUI alone may name the vendor. Names as the IEEE MA-L registry spells them.
const MEDICAL_MAKERS = [/^Alaris Medical/i, /^CareFusion/i, /^Becton Dickinson/i, /^BD Switzerland/i, /^Baxter/i, /^B\. ?Braun/i,
  /^Fresenius/i, /^Hospira/i, /^ICU Medical/i, /^Smiths Medical/i, /^Medfusion/i, /^Spacelabs/i, /^Nihon Kohden/i, /^Mindray/i,
  /^Shenzhen Mindray/i, /^Draeger|^Dräger|^Drägerwerk/i, /^Philips Medical/i, /^GE Medical/i, /^GE Healthcare/i, /^General Electric Medical/i,
  /^Siemens Healthcare/i, /^Siemens Healthineers/i, /^Welch Allyn/i, /^Masimo/i, /^Nonin/i, /^Medtronic/i, /^Hamilton Medical/i,
  /^Getinge/i, /^Maquet/i, /^Zoll Medical/i, /^Natus/i, /^Carestream/i, /^Hologic/i, /^Varian Medical/i, /^Elekta/i, /^Canon Medical/i,
  /^Toshiba Medical/i, /^Fujifilm Medical/i, /^Konica Minolta Medical/i, /^Agfa HealthCare/i, /^Esaote/i, /^Sysmex/i, /^Roche Diagnostics/i,
  /^Abbott/i, /^Beckman Coulter/i, /^Ortho-Clinical/i, /^Radiometer/i, /^Werfen|^Instrumentation Laboratory/i, /^Mortara/i, /^Hill-Rom/i,
  /^Stryker/i, /^Ascom/i, /^Vocera/i, /^Cerner/i, /^Omnicell/i, /^Edan Instruments/i, /^Contec Medical/i,
  /^Philips Patient Monitoring/i, /^Philips Healthcare PCCI/i];

const SUFFIX = /[,.]?\s+(Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|GmbH|AG|SA|S\.A|BV|B\.V|AB|Oy|plc|KG|Pty|SpA|S\.p\.A|Sdn Bhd)\.?$/i;
function compact(name) {
  let n = name.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) n = n.replace(SUFFIX, '').replace(/[,\s]+$/, '');
  return n;
}

function parseCsvLine(line) {
  const cells = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') q = false; else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') { cells.push(cur); cur = ''; } else cur += c;
  }
  cells.push(cur);
  return cells;
}

const text = readFileSync(input, 'utf8');
const entries = {};
const modules = [];
const medical = [];
if (input.endsWith('.csv')) {
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [registry, assignment, org] = parseCsvLine(line);
    if (registry !== 'MA-L' || !/^[0-9A-F]{6}$/i.test(assignment ?? '') || !org) continue;
    entries[assignment.toUpperCase()] = compact(org);
  }
} else {
  for (const line of text.split(/\r?\n/)) {
    const m = /^([0-9A-F]{2}):([0-9A-F]{2}):([0-9A-F]{2})\t[^\t]*\t?(.*)$/i.exec(line);
    if (m && m[4]) entries[(m[1] + m[2] + m[3]).toUpperCase()] = compact(m[4]);
  }
}
const keys = Object.keys(entries).sort();
const sorted = {};
for (const k of keys) {
  sorted[k] = entries[k];
  if (MODULE_MAKERS.some((re) => re.test(entries[k]))) modules.push(k);
  if (MEDICAL_MAKERS.some((re) => re.test(entries[k]))) medical.push(k);
}
const doc = {
  description: 'IEEE MA-L OUI -> organisation (compact names). A NIC vendor is not always the device vendor.',
  source: `IEEE Registration Authority MA-L registry via ${input} (generated by scripts/refresh-oui.mjs)`,
  moduleMakers: modules,
  medicalMakers: medical,
  entries: sorted,
};
writeFileSync(out, JSON.stringify(doc) + '\n');
console.log(`${out}: ${keys.length} OUIs, ${modules.length} module-maker OUIs, ${medical.length} medical-maker OUIs`);
