export * from './organisation.commands.js';
export * from './organisation.events.js';
export * from './organisation.decider.js';
export * from './organisation.aggregate.js';
