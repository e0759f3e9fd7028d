/**
 * Inventory conformance on both dialects: the same ingest batches (identity, a merge, an IP move, re-ingest,
 * conduits, external peers, sites), retiring and a person's value leave the same rows in SQLite and PostgreSQL, and
 * the history and `changes` reads answer alike. Generated row ids may differ and are left out of the comparison.
 */
import { describe, expect, it } from 'vitest';
import { SqliteInventory } from '../sqlite/inventory/sqlite-inventory.js';
import { batch, key, obs, seen, T0 } from '../../inventory/test-support/batch.js';
import type { IngestBatch } from '../../inventory/types.js';
import { openDatabase } from '../open-database.js';
import { PostgresInventory, type PortedInventory } from '../postgres/inventory/postgres-inventory.js';
import type { Kysely } from 'kysely';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import { onSqliteReference, STORE_DIALECTS, useDialect } from './dialects.js';

const HOUR = 3_600_000;
const MAC_A = '00:1b:44:11:3a:b7';
const MAC_B = '00:1b:44:11:3a:b8';
const MAC_C = '00:1b:44:11:3a:b9';

/** The story every dialect is told: each step is one ingest batch. */
function story(): IngestBatch[] {
  const a = key(MAC_A, '10.0.0.5');
  const ipOnly = key(null, '10.9.0.7');
  const withConduits: IngestBatch = {
    ...batch([obs(a, 'hostname', 'CT01', T0), obs(a, 'vendor', 'GE', T0)], [seen(a, ['dicom'], T0), seen(ipOnly, ['dicom'], T0)]),
    conduits: [
      { client: a, server: ipOnly, proto: 'tcp', port: 104, app: 'dicom', flows: 2, bytes: 100, firstSeenMs: T0, lastSeenMs: T0 + 1 },
      // The same conduit twice in one batch: summed in order, as one upsert per row does.
      { client: a, server: ipOnly, proto: 'tcp', port: 104, app: null, flows: 3, bytes: 50, firstSeenMs: T0 - 5, lastSeenMs: T0 + 9 },
    ],
    externalPeers: [
      { device: a, peerIp: '203.0.113.9', direction: 'out', proto: 'tcp', port: 443, app: 'tls', serverName: 'updates.example', flows: 1, bytes: 10, firstSeenMs: T0, lastSeenMs: T0 },
    ],
  };
  return [
    withConduits,
    batch([obs(ipOnly, 'aeTitle', 'PACS1', T0 + HOUR)], [seen(ipOnly, ['dicom'], T0 + HOUR)]),
    batch([obs(key(MAC_B, null), 'vendor', 'Agfa', T0 + HOUR)], [seen(key(MAC_B, null), ['dhcp'], T0 + HOUR)]),
    // The IP-only device was MAC_B all along: a merge.
    batch([obs(key(MAC_B, '10.9.0.7'), 'hostname', 'PACS-A', T0 + 2 * HOUR)], [seen(key(MAC_B, '10.9.0.7'), ['dhcp'], T0 + 2 * HOUR)]),
    // DHCP gives 10.0.0.5 to another device: the binding moves, CT01 gets a new address.
    batch([obs(key(MAC_C, '10.0.0.5'), 'vendor', 'Philips', T0 + 3 * HOUR)], [seen(key(MAC_C, '10.0.0.5'), ['hl7'], T0 + 3 * HOUR)]),
    batch([obs(key(MAC_A, '10.0.0.6'), 'hostname', 'CT01-new', T0 + 4 * HOUR)], [seen(key(MAC_A, '10.0.0.6'), ['dicom'], T0 + 4 * HOUR)]),
    // Within one batch 10.0.0.6 moves to MAC_C and back to MAC_A: released, taken, released and taken again.
    batch([], [seen(key(MAC_C, '10.0.0.6'), ['hl7'], T0 + 5 * HOUR), seen(key(MAC_A, '10.0.0.6'), ['dicom'], T0 + 6 * HOUR)]),
    // The first batch again (a capture re-ingested): counts add, nothing is duplicated.
    withConduits,
    // An older capture of the same facts: first_seen widens back, last_seen stays.
    batch([obs(a, 'hostname', 'CT01', T0 - HOUR)], [seen(a, ['dicom'], T0 - HOUR)]),
    // Another site: the same MAC is another device there.
    { ...batch([obs(a, 'vendor', 'GE', T0)], [seen(a, ['dicom'], T0)]), siteId: 'north' },
  ];
}

const TABLES: Record<string, string[]> = {
  devices: ['id', 'site_id', 'mac', 'first_seen', 'last_seen', 'retired_at', 'vendor', 'location', 'category'],
  device_addresses: ['device_id', 'site_id', 'kind', 'value', 'first_seen', 'last_seen', 'released_at'],
  device_evidence: ['device_id', 'attribute', 'value', 'source', 'detail', 'confidence', 'first_seen', 'last_seen', 'count'],
  device_protocols: ['device_id', 'protocol', 'version', 'first_seen', 'last_seen'],
  device_aliases: ['alias_id', 'device_id', 'merged_at'],
  attribute_history: ['device_id', 'attribute', 'old_value', 'new_value', 'changed_at', 'origin'],
  manual_values: ['device_id', 'field', 'value', 'set_by', 'origin'],
  conduits: ['client_id', 'server_id', 'proto', 'port', 'app', 'client_ip', 'server_ip', 'flows', 'bytes', 'first_seen', 'last_seen', 'site_id'],
  external_peers: ['device_id', 'device_ip', 'peer_ip', 'direction', 'proto', 'port', 'app', 'server_name', 'flows', 'bytes', 'first_seen', 'last_seen'],
};

/** Every table's rows as sorted JSON lines, numbers as numbers (PostgreSQL hands BIGINT back as strings). */
async function dump(db: Kysely<InventoryDb>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [table, columns] of Object.entries(TABLES)) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a dump over the table list above, not a typed query
    const rows = await (db as Kysely<any>).selectFrom(table).select(columns).execute();
    out[table] = rows.map((r: Record<string, unknown>) => JSON.stringify(columns.map((c) => (typeof r[c] === 'string' && /^\d+$/.test(r[c]) && ['flows', 'bytes', 'count'].includes(c) ? Number(r[c]) : r[c])))).sort();
  }
  return out;
}

/** History row ids are the dialect's own sequence: compared without them. */
function withoutId(row: { id: number }): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'id'));
}

type Opened = { inv: PortedInventory; db: Kysely<InventoryDb> };

async function open(location: string): Promise<Opened> {
  const opened = await openDatabase(location);
  if (opened.dialect === 'postgres') return { inv: new PostgresInventory(opened.db), db: opened.db };
  await opened.db.destroy();
  const inv = await SqliteInventory.open(location);
  return { inv, db: inv.db };
}

/** Tell the story, then retire, set a person's value, and read back what the store answers. */
async function run(location: string): Promise<unknown> {
  const { inv, db } = await open(location);
  try {
    const results = [];
    for (const [i, b] of story().entries()) {
      const r = await inv.ingest(b, T0 + i * HOUR);
      results.push({ created: r.devicesCreated, merged: r.devicesMerged, ipMoves: r.ipMoves, evidenceRows: r.evidenceRows, devices: Object.fromEntries(r.deviceIds) });
    }
    const mark = await inv.changeMark();
    const ids = (await db.selectFrom('devices').select('id').orderBy('id').execute()).map((r) => r.id);
    const [first] = ids;
    if (first === undefined) throw new Error('no devices');
    await inv.setManualValue(first, 'location', 'Radiology 2', 'tester', 'user', T0 + 10 * HOUR);
    const retired = await inv.retireUnseen(1, T0 + 3 * HOUR + 30 * 60_000 + 86_400_000);
    return {
      results,
      retired,
      history: await Promise.all(ids.map((id) => inv.history(id))),
      newestSeen: await inv.newestSeen(),
      lastRunStart: (await inv.lastRunStart())?.capture,
      newDevices: await inv.newDevicesSince(new Date(T0 + HOUR).toISOString()),
      byId: await inv.devicesById(ids),
      changesAfterMark: (await inv.attributeChanges({ afterId: mark.historyId })).map(withoutId),
      changesSince: (await inv.attributeChanges({ since: new Date(T0).toISOString() })).map(withoutId),
      conduits: await inv.conduits(),
      peersOfFirst: await inv.externalPeers(first),
      peers: await inv.externalPeers(),
      rows: await dump(db),
    };
  } finally {
    await inv.close();
  }
}

describe.each(STORE_DIALECTS)('inventory conformance: $name', (d) => {
  useDialect(d);

  it.skipIf(d.gate.skip)('leaves the rows and answers of the SQLite store (identity, merge, IP move, re-ingest, retire, person\'s value, changes)', async () => {
    const got = await run(d.newDatabase());
    // The reference: the same story on a fresh SQLite file (on the SQLite group, a second run: stable).
    expect(got).toEqual(await onSqliteReference(run));
    // Must-fire on the story itself: it did merge, move an IP and make a second site's device.
    const g = got as { results: { merged: number; ipMoves: number }[]; rows: { devices: string[]; device_aliases: string[] } };
    expect(g.results.reduce((n, r) => n + r.merged, 0)).toBe(1);
    expect(g.results.reduce((n, r) => n + r.ipMoves, 0)).toBeGreaterThan(0);
    expect(g.rows.devices.some((row) => row.includes('"north"'))).toBe(true);
    expect(g.rows.device_aliases).toHaveLength(1);
    expect((got as { conduits: unknown[] }).conduits).not.toHaveLength(0);
    expect((got as { peers: unknown[] }).peers).not.toHaveLength(0);
  }, 60_000);
});
