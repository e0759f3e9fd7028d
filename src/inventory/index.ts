/** The inventory's public surface: its repository interface and the JSON shapes it returns (stores live in src/store). */
export type { InventoryRepository } from './inventory-repository.js';
export { MANUAL_FIELDS, isManualField, normalizeMac, type ManualField } from './manual-fields.js';
export * from './types.js';
