export * from './information-channel.commands.js';
export * from './information-channel.events.js';
export * from './information-channel.decider.js';
export * from './information-channel.aggregate.js';
