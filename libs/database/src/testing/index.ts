export * from './postgres.js';
export * from './data-dir.js';
