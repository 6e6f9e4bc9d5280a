import { reasonError, type ReasonList } from '../shared/reason-list.js';

/** Why the Committee aggregate refuses a command (besides the shared guards' reasons). */
export const COMMITTEE_ERROR_REASONS = {
  GOAL_NOT_FOUND: {
    category: 'not_found',
    description: 'The committee never defined a goal with this id.',
  },
  GOAL_ALREADY_DEFINED: {
    category: 'conflict',
    description: 'The committee already defined a goal with this id.',
  },
  GOAL_ALREADY_ASSESSED: {
    category: 'conflict',
    description: 'The goal was already assessed: a changed judgement is recorded as a reassessment.',
  },
  GOAL_NOT_ASSESSED: {
    category: 'conflict',
    description: 'The goal has no assessment to revise yet.',
  },
  COMMITTEE_ALREADY_SELF_ORGANISING: {
    category: 'conflict',
    description: 'The committee is already recorded as self-organising.',
  },
} as const satisfies ReasonList;

export const committeeError = reasonError(COMMITTEE_ERROR_REASONS);
