export * from './survey-instrument.commands.js';
export * from './survey-instrument.events.js';
export * from './survey-instrument.scoring.js';
export * from './survey-instrument.decider.js';
export * from './survey-instrument.aggregate.js';
