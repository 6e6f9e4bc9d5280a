export * from './activity.commands.js';
export * from './activity.events.js';
export * from './activity.decider.js';
export * from './activity.aggregate.js';
export * from './activity.upcasters.js';
export * from './activity.answers.js';
export * from './activity.instrument.js';
