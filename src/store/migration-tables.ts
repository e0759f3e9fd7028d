/** The migrator's bookkeeping tables, one name for both dialects (Kysely's Migrator records applied migrations there). */
export const MIGRATION_TABLE = 'schema_migrations';
export const MIGRATION_LOCK_TABLE = 'schema_migrations_lock';
