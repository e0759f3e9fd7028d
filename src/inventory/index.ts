/** The inventory's public surface: open a store, its interface, and the JSON shapes it returns. */
export { DEFAULT_DB_PATH, openInventoryDb, type OpenOptions } from './db.js';
export type { InventoryRepository } from './inventory-repository.js';
export { MANUAL_FIELDS, isManualField, normalizeMac, type ManualField } from './manual-fields.js';
export { SqliteInventory } from './sqlite/sqlite-inventory.js';
export * from './types.js';
