import type { CommitteeGoalOutcome } from './committee.events.js';

/** One committee per project; a goal's outcome is null until it is assessed. */
export interface CommitteeState {
  readonly goals: Readonly<Record<string, { readonly outcome: CommitteeGoalOutcome | null }>>;
  readonly selfOrganising: boolean;
}
