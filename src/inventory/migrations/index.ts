/** The migration list, in order (Kysely Migrator with a static provider: file scanning breaks under ESM + TS). */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-register-entries.js';

/** Forward-only: a migration is never edited or removed once released, only followed by a new one. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': m0001,
  '0002-register-entries': m0002,
};

export const staticMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};
