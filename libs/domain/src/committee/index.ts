export * from './committee.commands.js';
export * from './committee.events.js';
export * from './committee.decider.js';
export * from './committee.aggregate.js';
