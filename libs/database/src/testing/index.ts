export * from './postgres.js';
export * from './data-dir.js';
export * from './test-databases.js';
