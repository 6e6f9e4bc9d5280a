export * from './decision.commands.js';
export * from './decision.events.js';
export * from './decision.decider.js';
export * from './decision.aggregate.js';
