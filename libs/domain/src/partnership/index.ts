export * from './partnership.commands.js';
export * from './partnership.events.js';
export * from './partnership.decider.js';
export * from './partnership.aggregate.js';
