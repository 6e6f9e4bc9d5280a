import { reasonError, type AnyReasonList } from '#domain';

/**
 * Reasons of the checks the API makes around a command: across aggregates, where a decider sees
 * only its own stream, and on the reuse of a command id.
 */
export const COMMAND_ERROR_REASONS = {
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
  AUDIO_CONSENT_MISSING: {
    category: 'conflict',
    description:
      'A session is recorded while carers without audio-recording consent are registered for it (`details.carers`).',
  },
  COMMAND_ID_REUSED: {
    category: 'conflict',
    description:
      'The `commandId` was already used by another mutation (`details.commandId`); sent again with the same mutation, it returns the first result instead.',
  },
} as const satisfies AnyReasonList;

export const commandError = reasonError(COMMAND_ERROR_REASONS);
