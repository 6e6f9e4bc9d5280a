// The one test harness of the read-model specs: test databases, the harness, shared event builders.
export * from './history-events.js';
export * from './pilot-history.js';
export * from './read-model-databases.js';
export * from './read-model-harness.js';
