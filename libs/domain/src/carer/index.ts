export * from './encrypted-personal-data.js';
export * from './carer.commands.js';
export * from './carer.events.js';
export * from './carer.decider.js';
export * from './carer.aggregate.js';
