/**
 * Concurrency on PostgreSQL: openers racing to create one new database all succeed (migrations under
 * pg_advisory_lock), and two writers upserting the same findings at once both succeed with nothing lost (write
 * transactions under one advisory lock, postgres/writer-lock-dialect.ts). Each opener has its own pool and
 * connections, as separate processes would.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteFindings } from '../sqlite/findings/sqlite-findings.js';
import type { FindingInput } from '../../findings/types.js';
import { openInventoryDb } from '../inventory-db.js';
import { postgresGate, startPostgres, type PostgresCluster } from '../../test-support/postgres.js';
import { MIGRATIONS } from '../postgres/migrations/index.js';
import { seedDevices } from './seed-devices.js';

const T0 = Date.parse('2026-01-10T08:00:00Z');

describe.skipIf(postgresGate.skip)(postgresGate.title('PostgreSQL under concurrent openers and writers'), () => {
  let cluster: PostgresCluster;
  beforeAll(() => { cluster = startPostgres(); });
  afterAll(() => { cluster.stop(); });

  it('four openers creating one new database at once all succeed; each migration ran once', async () => {
    const url = cluster.createDatabase();
    const dbs = await Promise.all([1, 2, 3, 4].map(() => openInventoryDb(url)));
    const [first] = dbs;
    if (first === undefined) throw new Error('no opener');
    const applied = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(first);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
    await Promise.all(dbs.map((db) => db.destroy()));
  });

  it('two writers upserting the same findings at once: both succeed, every sighting counted', async () => {
    const url = cluster.createDatabase();
    const db = await openInventoryDb(url);
    const devices = Array.from({ length: 20 }, (_, i) => `dev-${i}`);
    await seedDevices(db, devices);
    await db.destroy();
    const inputs: FindingInput[] = devices.flatMap((deviceId) => ['telnet:admin', 'ftp:tech', 'http:admin'].map((key) => ({
      deviceId, kind: 'cleartext-credentials' as const, key, severity: 'high' as const, title: 't', detail: 'd', evidence: [`seen ${key}`], firstSeenMs: T0, lastSeenMs: T0, count: 1,
    })));
    const [a, b] = await Promise.all([SqliteFindings.open(url), SqliteFindings.open(url)]);
    // Small batches interleave the two writers' transactions.
    const write = async (store: SqliteFindings): Promise<void> => {
      for (let i = 0; i < inputs.length; i += 5) await store.upsert(inputs.slice(i, i + 5), T0);
    };
    await Promise.all([write(a), write(b)]);
    const all = await a.list({}, T0);
    expect(all).toHaveLength(inputs.length);
    expect(all.every((f) => f.count === 2)).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });
});
