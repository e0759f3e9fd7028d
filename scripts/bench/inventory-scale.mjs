// Inventory at hospital scale: drives the real InventoryCollector with synthetic records and flows
// (N devices, each with a DHCP host name, TLS, DICOM or HL7, a second IP half-way through; F flows among them and
// to the internet through a router) into a SQLite file, then times listDevices() and the lookups.
// Prints figures only (no assertions). Needs `npm run build` first.
//   ingest --db FILE   only the collector ingest, into FILE, for run.mjs to measure from outside (wall, max RSS);
//                      a postgres:// URL ingests into that PostgreSQL database through the workspace's store instead
//   --devices N        devices (default 10,000)        --flows F      flows (default 1,000,000)
//   --out FILE         also write the figures as JSON  --dist DIR     another build to measure (default ./dist)
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const text = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
};
const option = (name, dflt) => Number(text(name, String(dflt)).replace(/[_,]/g, ''));
const DIST = resolve(text('--dist', join(ROOT, 'dist')));
const DEVICES = option('--devices', 10_000);
const FLOWS = option('--flows', 1_000_000);
const SERVERS = Math.max(1, Math.min(50, Math.floor(DEVICES / 20)));
const CLIENTS = DEVICES - SERVERS;
const EXTERNAL_IPS = 200;
const T0 = Date.parse('2025-03-01T08:00:00.000Z');
const SPAN_MS = 24 * 3_600_000;
const OUIS = ['00:09:fb', '00:a0:37', '00:d0:75', '08:00:19', '00:01:e3', '00:14:22', '00:50:56', '00:21:9b'];
const ROUTER_MAC = '00:04:4d:ff:00:01';

/** Every query PostgreSQL runs goes through a pg Client's query(): count those calls. */
function countPgQueries() {
  const pg = createRequire(join(ROOT, 'package.json'))('pg');
  const counter = { n: 0 };
  const orig = pg.Client.prototype.query;
  pg.Client.prototype.query = function counted(...a) {
    counter.n++;
    return orig.apply(this, a);
  };
  return counter;
}

/** Every query SQLite runs (Kysely's and raw ones) goes through a better-sqlite3 Statement: count those calls. */
function countQueries() {
  const Database = createRequire(join(ROOT, 'package.json'))('better-sqlite3');
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1'));
  probe.close();
  const counter = { n: 0 };
  for (const m of ['run', 'get', 'all', 'iterate']) {
    const orig = proto[m];
    proto[m] = function counted(...a) {
      counter.n++;
      return orig.apply(this, a);
    };
  }
  return counter;
}

/** Time spent inside the store's methods (wall and CPU, so a loaded machine shows in the gap between the two). */
function timeStore(inv) {
  const spent = { wallSec: 0, cpuSec: 0 };
  for (const name of ['ingest', 'applyProfile', 'evidenceFor', 'reclassify']) {
    const orig = inv[name];
    if (typeof orig !== 'function') continue;
    inv[name] = async (...a) => {
      const t = process.hrtime.bigint();
      const c = process.cpuUsage();
      try {
        return await orig.apply(inv, a);
      } finally {
        const used = process.cpuUsage(c);
        spent.wallSec += Number(process.hrtime.bigint() - t) / 1e9;
        spent.cpuSec += (used.user + used.system) / 1e6;
      }
    };
  }
  return spent;
}

const hex = (n, w = 2) => n.toString(16).padStart(w, '0');
const macOf = (i) => `${OUIS[i % OUIS.length]}:${hex((i >> 16) & 255)}:${hex((i >> 8) & 255)}:${hex(i & 255)}`;
const ipA = (i) => `10.${20 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
const ipB = (i) => `10.${120 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
const serverIp = (s) => `172.16.0.${10 + s}`;
const iso = (ms) => new Date(ms).toISOString();
const SYN = { ttl: 64, window: 29200, mss: 1460, windowScale: 7, options: 'mss,sok,ts,nop,ws', ipVersion: 4, ipOptionsLength: 0 };

function envelope(proto, kind, ts, src, srcMac, dst, dstMac, dport) {
  return { ts: iso(ts), proto, kind, src, sport: 40000, dst, dport, srcMac, dstMac };
}

/** The records one client sends (about 10 evidence rows once classified) while it holds `ip`. */
function clientRecords(i, ip, ts) {
  const mac = macOf(i);
  const s = i % SERVERS;
  const out = [
    { ...envelope('dhcp', 'request', ts, ip, mac, '255.255.255.255', 'ff:ff:ff:ff:ff:ff', 67), clientMac: mac, hostname: `DEV-${i}`, vendorClass: i % 2 === 0 ? 'MSFT 5.0' : 'udhcp 1.30.1', paramRequestList: '1,3,6,15,31,33,43,44,46,47,119,121,249,252' },
    { ...envelope('tls', 'client-hello', ts, ip, mac, serverIp(s), macOf(CLIENTS + s), 443), version: 'TLS 1.2', ja4: `t12d1909h2_${hex(i % 64, 12)}_${hex(i % 7, 12)}`, sni: `cloud${i % 5}.vendor.example` },
  ];
  if (i % 2 === 0) {
    out.push({ ...envelope('dicom', 'associate-rq', ts, ip, mac, serverIp(s), macOf(CLIENTS + s), 104), callingAeTitle: `MOD${i}`, calledAeTitle: 'PACS', implementationClassUid: '1.2.840.113619.6.374', implementationVersionName: 'SYNTH_CT_1', abstractSyntaxes: ['1.2.840.10008.5.1.4.1.1.2'] });
    out.push({ ...envelope('dicom', 'command', ts, ip, mac, serverIp(s), macOf(CLIENTS + s), 104), command: 'C-STORE-RQ', dataset: { manufacturer: 'GE MEDICAL SYSTEMS', modelName: `Revolution ${i % 4}`, softwareVersions: `sw-${i % 9}`, deviceSerialNumber: `SN${i}`, modality: 'CT' } });
  } else {
    out.push({ ...envelope('hl7', 'message', ts, ip, mac, serverIp(s), macOf(CLIENTS + s), 2575), sendingApplication: `MONITOR_GW${i % 13}`, sendingFacility: `ICU${i % 7}`, receivingApplication: 'ENGINE', receivingFacility: 'HOSP', messageType: 'ORU^R01', controlId: `C${i}`, version: '2.6', segments: ['MSH', 'PID', 'OBX'], phiFields: [], deviceIds: [] });
  }
  return out;
}

function flow(j) {
  const ts = T0 + Math.floor((j / FLOWS) * SPAN_MS);
  const c = j % CLIENTS;
  const ip = ts < T0 + SPAN_MS / 2 ? ipA(c) : ipB(c);
  const external = j % 50 === 0;
  const s = (j * 7) % SERVERS;
  return {
    proto: 'tcp', src: ip, sport: 30000 + (j % 30000), dst: external ? `203.0.113.${Math.floor(j / 50) % EXTERNAL_IPS}` : serverIp(s), dport: external ? 443 : [104, 2575, 443, 445][j % 4],
    vlan: null, first: iso(ts), last: iso(ts + 2000), packetsOut: 6, bytesOut: 900, packetsIn: 5, bytesIn: 1400, state: 'closed',
    app: external ? 'tls' : ['dicom', 'hl7', 'tls', 'smb'][j % 4], srcMac: macOf(c), dstMac: external ? ROUTER_MAC : macOf(CLIENTS + s), syn: SYN,
  };
}

/** The collector path `wardwatch analyze` takes, minus packet decoding: records, flows, backpressure, finish. */
async function ingest(file) {
  const { SqliteInventory } = await import(join(DIST, 'store', 'sqlite', 'inventory', 'sqlite-inventory.js'));
  const { InventoryCollector } = await import(join(DIST, 'pipeline', 'inventory-collector.js'));
  const { loadKnowledgeBase } = await import(join(DIST, 'identify', 'knowledge', 'load-kb.js'));
  const postgres = /^postgres(ql)?:\/\//i.test(file);
  const queries = postgres ? countPgQueries() : countQueries();
  // PostgreSQL: the workspace's inventory store (its pool ends with the workspace), as `wardwatch analyze` uses it.
  const ws = postgres ? await (await import(join(DIST, 'store', 'workspace.js'))).openWorkspace(file) : null;
  const inv = ws === null ? await SqliteInventory.open(file) : ws.inventory;
  const store = timeStore(inv);
  const collector = new InventoryCollector(inv, loadKnowledgeBase(), ['bench']);
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const half = Math.floor(FLOWS / 2);
  for (let j = 0; j < FLOWS; j++) {
    // Each client introduces itself (and again after its new lease) just before its first flow from that address.
    if (j < CLIENTS) for (const r of clientRecords(j, ipA(j), T0 + j)) collector.record(r);
    if (j >= half && j - half < CLIENTS) for (const r of clientRecords(j - half, ipB(j - half), T0 + SPAN_MS / 2 + j - half)) collector.record(r);
    collector.flow(flow(j));
    if (j % 1000 === 999) await collector.backpressure();
  }
  const readSec = Number(process.hrtime.bigint() - t) / 1e9;
  await collector.finish(new Date(T0 + SPAN_MS));
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const used = process.cpuUsage(cpu);
  const dbMb = ws === null ? statSync(file).size / 1e6 : await postgresMb(inv);
  await (ws ?? inv).close();
  return {
    devices: DEVICES, flows: FLOWS, seconds, cpuSec: (used.user + used.system) / 1e6, finishSec: seconds - readSec,
    storeSec: store.wallSec, storeCpuSec: store.cpuSec, queries: queries.n, maxRssKb: process.resourceUsage().maxRSS, dbMb,
  };
}

/** The database's size on disk (https://www.postgresql.org/docs/15/functions-admin.html#FUNCTIONS-ADMIN-DBSIZE). */
async function postgresMb(inv) {
  const { sql } = await import('kysely');
  const r = await sql`SELECT pg_database_size(current_database()) AS bytes`.execute(inv.db);
  return Number(r.rows[0].bytes) / 1e6;
}

const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

if (args[0] === 'ingest') {
  const db = text('--db', 'inventory-bench.db');
  const figures = await ingest(/^postgres(ql)?:\/\//i.test(db) ? db : resolve(db));
  if (args.includes('--out')) writeFileSync(text('--out', ''), JSON.stringify(figures));
  console.log(JSON.stringify(figures));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'wardwatch-inventory-bench-'));
  const file = join(dir, 'bench.db');
  try {
    const f = await ingest(file);
    console.log(`ingest ${DEVICES} devices / ${FLOWS} flows: ${f.seconds.toFixed(1)} s wall, ${f.cpuSec.toFixed(1)} s CPU (in the store ${f.storeSec.toFixed(1)} s wall, ${f.storeCpuSec.toFixed(1)} s CPU; finish ${f.finishSec.toFixed(1)} s), ${f.queries} queries, max RSS ${(f.maxRssKb / 1024).toFixed(0)} MB, db ${f.dbMb.toFixed(1)} MB`);
    const { SqliteInventory } = await import(join(DIST, 'store', 'sqlite', 'inventory', 'sqlite-inventory.js'));
    const inv = await SqliteInventory.open(file);
    for (let run = 1; run <= 3; run++) {
      let t = process.hrtime.bigint();
      const devices = await inv.listDevices();
      const listMs = ms(t);
      t = process.hrtime.bigint();
      const json = JSON.stringify(devices);
      console.log(`listDevices run ${run}: ${devices.length} devices in ${listMs.toFixed(0)} ms (+ JSON.stringify ${ms(t).toFixed(0)} ms, ${(json.length / 1e6).toFixed(1)} MB)`);
    }
    const [first] = await inv.listDevices();
    let t = process.hrtime.bigint();
    for (let i = 0; i < 1000; i++) await inv.getDevice(first.id);
    console.log(`getDevice: ${(ms(t) / 1000).toFixed(2)} ms each`);
    t = process.hrtime.bigint();
    for (let i = 0; i < 1000; i++) await inv.findDevices({ mac: macOf(i * 7), ip: ipA(i * 7), hostname: `dev-${i * 7}` });
    console.log(`findDevices (mac+ip+hostname): ${(ms(t) / 1000).toFixed(2)} ms each`);
    await inv.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
