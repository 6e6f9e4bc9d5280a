export * from './shared/decider.js';
export * from './shared/errors.js';
export * from './shared/guards.js';
export * from './shared/aggregate.js';
export * from './project/index.js';
