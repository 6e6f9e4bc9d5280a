export * from './taxonomy.js';
export * from './coding.js';
export * from './pseudonym.js';
export * from './evidence.commands.js';
export * from './evidence.events.js';
export * from './evidence.decider.js';
export * from './evidence.aggregate.js';
export * from './evidence.upcasters.js';
