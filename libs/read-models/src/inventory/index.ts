export * from './inventory-facts.js';
export * from './inventory.projection.js';
export type {
  InventoryLine,
  InventoryModeCount,
  InventoryRoleLine,
  InventoryTable,
  InventoryEntry,
  PeopleCount,
} from './inventory-table.js';
export { inventoryTable, withholdSmallCarerGroups } from './inventory-table.js';
export * from './inventory-reader.js';
