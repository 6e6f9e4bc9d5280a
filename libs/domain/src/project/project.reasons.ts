import { reasonError, type ReasonList } from '../shared/reason-list.js';

/** Why the Project aggregate refuses a command (besides the shared guards' reasons). */
export const PROJECT_ERROR_REASONS = {
  PROJECT_NOT_FOUND: {
    category: 'not_found',
    description: 'No project was ever launched with this id.',
  },
  PROJECT_ALREADY_LAUNCHED: {
    category: 'conflict',
    description: 'A project with this id was already launched.',
  },
  PHASE_NOT_FORWARD: {
    category: 'conflict',
    description: 'Phases only move forward (skipping one is allowed): the project is already in or past this phase.',
  },
  PILOT_OVER: {
    category: 'conflict',
    description: 'The pilot is over (co-assessment or closed): it is no longer extended.',
  },
  PROJECT_CLOSED: {
    category: 'conflict',
    description: 'A closed project keeps its targets.',
  },
} as const satisfies ReasonList;

export const projectError = reasonError(PROJECT_ERROR_REASONS);
