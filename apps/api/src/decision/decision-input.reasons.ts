import { reasonError, type AnyReasonList } from '#domain';

/** Reasons the API refuses a decision's input with, before the decider sees it. */
export const DECISION_INPUT_ERROR_REASONS = {
  ACTIVITY_ID_WITH_ACTIVITY_IDS: {
    category: 'invalid',
    description:
      '`takeDecision` was given both `activityIds` and the deprecated `activityId`: give the activities once, as `activityIds`.',
  },
} as const satisfies AnyReasonList;

export const decisionInputError = reasonError(DECISION_INPUT_ERROR_REASONS);
