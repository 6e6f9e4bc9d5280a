export * from './audit-testing.js';
