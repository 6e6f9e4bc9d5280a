export * from './programme.commands.js';
export * from './programme.events.js';
export * from './programme.decider.js';
export * from './programme.aggregate.js';
