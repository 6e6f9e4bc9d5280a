import { reasonError, type ReasonList } from '../shared/reason-list.js';

/** Why the Decision aggregate refuses a command (besides the shared guards' reasons). */
export const DECISION_ERROR_REASONS = {
  DECISION_NOT_FOUND: {
    category: 'not_found',
    description: 'No decision was ever recorded with this id.',
  },
  DECISION_ALREADY_TAKEN: {
    category: 'conflict',
    description: 'A decision with this id was already recorded.',
  },
  DECIDING_ORGANISATION_REQUIRED: {
    category: 'invalid',
    description: 'A decision taken by a provider or a researcher names the deciding organisation.',
  },
  CARER_ID_WITHOUT_CARER_ROLE: {
    category: 'invalid',
    description: 'Only a decision contested by a carer names a carer id.',
  },
  DECISION_UNCHANGED: {
    category: 'conflict',
    description: 'A revision changes the decision, whether carers were consulted or how they took part.',
  },
  INVOLVEMENT_WITHOUT_EFFECT_ON_CARERS: {
    category: 'invalid',
    description: 'Only a decision that affects carers records a level of carer involvement.',
  },
  UNKNOWN_INVOLVEMENT_LEVEL: {
    category: 'invalid',
    description: 'The level of carer involvement is not a rung of the participation ladder.',
  },
  INVOLVEMENT_CONTRADICTS_CONSULTATION: {
    category: 'invalid',
    description: 'The level of carer involvement contradicts whether carers were consulted.',
  },
  TOO_MANY_ACTIVITIES: {
    category: 'invalid',
    description: 'A decision covers at most 100 activities (`details.max`).',
  },
  DUPLICATE_ACTIVITY: {
    category: 'invalid',
    description: 'An activity is listed more than once among those the decision covers (`details.activityId`).',
  },
} as const satisfies ReasonList;

export const decisionError = reasonError(DECISION_ERROR_REASONS);
