export * from './decision.commands.js';
export * from './decision.events.js';
export * from './decision.decider.js';
export * from './decision.aggregate.js';
export { CARER_INVOLVEMENT_LEVELS, SHARED_DECISION_LEVELS, type CarerInvolvement } from './carer-involvement.js';
