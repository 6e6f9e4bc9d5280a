export * from './project.commands.js';
export * from './project.events.js';
export * from './project.decider.js';
export * from './project.aggregate.js';
