export * from './suggestion.commands.js';
export * from './suggestion.events.js';
export * from './suggestion.decider.js';
export * from './suggestion.aggregate.js';
