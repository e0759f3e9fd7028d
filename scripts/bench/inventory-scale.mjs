// Inventory at hospital scale (issue 4 §7): ingest 10,000 devices into a temp SQLite file, then time listDevices(),
// getDevice() and findDevices(). Prints figures only (no assertions). Needs `npm run build` first.
//   --devices N   how many devices (default 10,000)
//   --evidence K  evidence rows per device (default 8)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { SqliteInventory } = await import(join(ROOT, 'dist', 'inventory', 'index.js'));

const args = process.argv.slice(2);
const option = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1].replace(/[_,]/g, '')) : dflt;
};
const DEVICES = option('--devices', 10_000);
const EVIDENCE = option('--evidence', 8);
const BATCH = 1000;
const T0 = Date.parse('2025-03-01T08:00:00.000Z');
const ATTRS = ['vendor', 'model', 'osName', 'osVersion', 'hostname', 'aeTitle', 'hl7Application', 'firmware', 'serial', 'type'];

const mac = (i) => `02:00:${[(i >> 24) & 255, (i >> 16) & 255, (i >> 8) & 255, i & 255].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
const ip = (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

function makeBatch(from, to) {
  const observations = [];
  const sightings = [];
  for (let i = from; i < to; i++) {
    const key = { mac: mac(i), ip: ip(i) };
    for (let e = 0; e < EVIDENCE; e++) {
      const attribute = ATTRS[e % ATTRS.length];
      const value = attribute === 'hostname' ? `HOST-${i}` : `${attribute}-${i % 97}`;
      observations.push({ key, evidence: { attribute, value, source: `bench.${attribute}`, detail: value, confidence: 0.8, tsMs: T0 + i } });
    }
    sightings.push({ key, protocols: ['dhcp', i % 3 === 0 ? 'dicom' : 'hl7', 'tls'], firstSeenMs: T0 + i, lastSeenMs: T0 + i + 60_000 });
  }
  return { observations, sightings, sources: ['bench'] };
}

const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
const dir = mkdtempSync(join(tmpdir(), 'wardwatch-inventory-bench-'));
const file = join(dir, 'bench.db');
try {
  const inv = await SqliteInventory.open(file);
  let t = process.hrtime.bigint();
  for (let i = 0; i < DEVICES; i += BATCH) await inv.ingest(makeBatch(i, Math.min(DEVICES, i + BATCH)));
  const ingestMs = ms(t);
  console.log(`ingest   ${DEVICES} devices x ${EVIDENCE} evidence: ${ingestMs.toFixed(0)} ms (${((DEVICES / ingestMs) * 1000).toFixed(0)} devices/s), db ${(statSync(file).size / 1e6).toFixed(1)} MB`);
  t = process.hrtime.bigint();
  await inv.ingest(makeBatch(0, Math.min(DEVICES, BATCH)));
  console.log(`re-ingest ${Math.min(DEVICES, BATCH)} known devices: ${ms(t).toFixed(0)} ms`);
  for (let run = 1; run <= 3; run++) {
    t = process.hrtime.bigint();
    const devices = await inv.listDevices();
    const listMs = ms(t);
    t = process.hrtime.bigint();
    const json = JSON.stringify(devices);
    console.log(`listDevices run ${run}: ${devices.length} devices in ${listMs.toFixed(0)} ms (+ JSON.stringify ${ms(t).toFixed(0)} ms, ${(json.length / 1e6).toFixed(1)} MB)`);
  }
  const [first] = await inv.listDevices();
  t = process.hrtime.bigint();
  for (let i = 0; i < 1000; i++) await inv.getDevice(first.id);
  console.log(`getDevice: ${(ms(t) / 1000).toFixed(2)} ms each`);
  t = process.hrtime.bigint();
  for (let i = 0; i < 1000; i++) await inv.findDevices({ mac: mac(i * 7), ip: ip(i * 7), hostname: `host-${i * 7}` });
  console.log(`findDevices (mac+ip+hostname): ${(ms(t) / 1000).toFixed(2)} ms each`);
  await inv.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
