export * from './carer-request.commands.js';
export * from './carer-request.events.js';
export * from './carer-request.decider.js';
export * from './carer-request.aggregate.js';
