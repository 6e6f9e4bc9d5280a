export * from './barrier.commands.js';
export * from './barrier.events.js';
export * from './barrier.decider.js';
export * from './barrier.aggregate.js';
