// The one test harness of the read-model specs: test databases, the harness, shared event builders,
// and the valley pilot every kind of test launches.
export * from './history-events.js';
export * from './pilot-history.js';
export * from './projection-test-database.js';
export * from './read-model-databases.js';
export * from './read-model-harness.js';
export * from './time-travel.js';
export * from './valley-pilot.js';
