/** The PostgreSQL migration list, the same names as SQLite's, in order (Kysely Migrator with a static provider: file scanning breaks under ESM + TS). */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-register-entries.js';
import * as m0003 from './0003-findings.js';
import * as m0004 from './0004-advisories.js';
import * as m0005 from './0005-sbom-vex.js';
import * as m0006 from './0006-controls.js';
import * as m0007 from './0007-evidence-json.js';
import * as m0008 from './0008-device-lines.js';
import * as m0009 from './0009-vendor-keys.js';
import * as m0010 from './0010-conduits.js';
import * as m0011 from './0011-policy-baseline.js';
import * as m0012 from './0012-external-peers.js';
import * as m0013 from './0013-site-id.js';
import * as m0014 from './0014-auth.js';
import * as m0015 from './0015-ingested-files.js';

/** Forward-only: a migration is never edited or removed once released, only followed by a new one. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': m0001,
  '0002-register-entries': m0002,
  '0003-findings': m0003,
  '0004-advisories': m0004,
  '0005-sbom-vex': m0005,
  '0006-controls': m0006,
  '0007-evidence-json': m0007,
  '0008-device-lines': m0008,
  '0009-vendor-keys': m0009,
  '0010-conduits': m0010,
  '0011-policy-baseline': m0011,
  '0012-external-peers': m0012,
  '0013-site-id': m0013,
  '0014-auth': m0014,
  '0015-ingested-files': m0015,
};

export const staticMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};
