// Test support other libraries' and the end-to-end tests share.
export * from '../contract/fixtures.js';
export * from './test-event-store.js';
