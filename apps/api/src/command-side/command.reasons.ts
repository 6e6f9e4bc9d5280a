import { reasonError, type AnyReasonList } from '#domain';

/**
 * Reasons of the checks the API makes around a command: the reuse of a command id. (The checks
 * across aggregates are the command side's: libs/command-side/src/cross-aggregate-checks.ts.)
 */
export const COMMAND_ERROR_REASONS = {
  COMMAND_ID_REUSED: {
    category: 'conflict',
    description:
      'The `commandId` was already used by another mutation (`details.commandId`); sent again with the same mutation, it returns the first result instead.',
  },
} as const satisfies AnyReasonList;

export const commandError = reasonError(COMMAND_ERROR_REASONS);
