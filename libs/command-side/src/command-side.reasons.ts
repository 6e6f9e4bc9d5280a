import { reasonError, type AnyReasonList } from '#domain';

/**
 * Reasons the command side refuses a command with, outside any decider: a project or organisation
 * it names that was never created, the checks across aggregates a decider cannot make from its own
 * stream (cross-aggregate-checks.ts), and the run of a command against its aggregate's stream.
 */
export const COMMAND_SIDE_ERROR_REASONS = {
  PROJECT_NOT_FOUND: {
    category: 'not_found',
    description: 'The project a command or a project-scoped request names was never launched (`details.projectId`).',
  },
  ORGANISATION_NOT_FOUND: {
    category: 'not_found',
    description:
      'The organisation a command brings into a project, or an API key is created for, was never registered.',
  },
  KNOWN_SINCE_OUT_OF_RANGE: {
    category: 'invalid',
    description:
      'A migrated record cannot have been known before it happened or after it reached the platform: `knownSince` must lie between `occurredAt` and now (`details.occurredAt`, `details.knownSince`).',
  },
  CARER_NOT_FOUND: {
    category: 'not_found',
    description: 'The carer registered for, or counted at, an activity was never registered (`details.carerId`).',
  },
  CARER_OF_ANOTHER_PROJECT: {
    category: 'conflict',
    description: "The carer takes part in another project than the activity's (`details.carerId`).",
  },
  CARER_WITHDRAWN: {
    category: 'conflict',
    description: 'The carer has withdrawn from the project (`details.carerId`).',
  },
  CARER_NOT_PARTICIPATING: {
    category: 'conflict',
    description:
      'The carer has not accepted an invitation, or has withdrawn, and is not recorded as taking part (`details.carerId`).',
  },
  AUDIO_CONSENT_MISSING: {
    category: 'conflict',
    description:
      'A session is recorded while carers without audio-recording consent are registered for it (`details.carers`).',
  },
  NOTHING_TO_DO: {
    category: 'conflict',
    description: 'The aggregate the command is addressed to does not exist, and the command changed nothing.',
  },
  CONCURRENT_MODIFICATION: {
    category: 'conflict',
    description:
      'The aggregate kept changing under the command: decided again on its fresh state, it lost the race every time (`details.attempts`); try again.',
  },
} as const satisfies AnyReasonList;

export type CommandSideReason = keyof typeof COMMAND_SIDE_ERROR_REASONS;

export const commandSideError = reasonError(COMMAND_SIDE_ERROR_REASONS);
