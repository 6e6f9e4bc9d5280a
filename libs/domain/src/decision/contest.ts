import { requirePseudonymousRef } from '../evidence/pseudonym.js';
import type { DomainError } from '../shared/errors.js';
import { requireOneOf, requireText } from '../shared/guards.js';
import { DECISION_CONTESTER_ROLES, type DecisionContesterRole } from './decision.events.js';

/** Who contests and why: the same for a decision and for an activity's cancellation. */
export interface Contest {
  readonly contestedByRole: DecisionContesterRole;
  /** Pseudonymous carer id, only when a carer contests in their own name. */
  readonly contestedByCarerId: string | null;
  readonly grounds: string;
}

/**
 * The contest as it is recorded, or the refusal: a carer is named only by pseudonym and only when
 * the contester is a carer (`carerIdWithoutCarerRole` builds the aggregate's own error for that).
 */
export function validContest(data: Contest, carerIdWithoutCarerRole: () => DomainError): Contest {
  const contestedByRole = requireOneOf('contestedByRole', data.contestedByRole, DECISION_CONTESTER_ROLES);
  if (data.contestedByCarerId !== null && contestedByRole !== 'carer') throw carerIdWithoutCarerRole();
  return {
    contestedByRole,
    contestedByCarerId:
      data.contestedByCarerId === null ? null : requirePseudonymousRef('contestedByCarerId', data.contestedByCarerId),
    grounds: requireText('grounds', data.grounds, 2000),
  };
}
