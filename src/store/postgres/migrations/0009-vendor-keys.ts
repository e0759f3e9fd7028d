/**
 * Migration 0009 (PostgreSQL): on SQLite it re-keys SBOM and VEX vendors stored by older versions. No PostgreSQL
 * database predates the PostgreSQL dialect, which keys vendors the current way from its first row: nothing to do.
 * Kept, empty, so both dialects list the same migration names.
 */
/** Nothing was stored with the older keys. */
export function up(): Promise<void> {
  return Promise.resolve();
}
