/**
 * Writers take turns on one PostgreSQL database (postgres/writer-lock-dialect.ts: every write transaction, and a
 * workspace's, holds one advisory lock; migrations another): the two-writers suite of src/app/writers.test.ts, each
 * `analyze` and `device set` a process of its own on the throwaway cluster.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { twoWritersSuite } from '../../app/test-support/two-writers.js';
import { postgresGate, startPostgres, type PostgresCluster } from '../../test-support/postgres.js';

describe.skipIf(postgresGate.skip)(postgresGate.title('PostgreSQL'), () => {
  let cluster: PostgresCluster | null = null;
  beforeAll(() => { cluster = startPostgres(); });
  afterAll(() => { cluster?.stop(); });
  twoWritersSuite('two writers on one database', () => {
    if (cluster === null) throw new Error('no cluster');
    return cluster.createDatabase();
  });
});
