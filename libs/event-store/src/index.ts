export * from './position.js';
export * from './events.js';
export * from './errors.js';
export * from './port.js';
export * from './validation.js';
export * from './polling-subscription.js';
export * from './sql/sql-event-store.js';
export * from './sql/factory.js';
