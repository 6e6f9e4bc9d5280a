import { reasonError, type ReasonList } from './reason-list.js';

/** Reasons of the guards every aggregate uses; `details.field` names the offending input. */
export const SHARED_ERROR_REASONS = {
  REQUIRED: {
    category: 'invalid',
    description: 'A required text is empty (once trimmed), or a yes/no field has no value.',
  },
  TOO_LONG: {
    category: 'invalid',
    description: 'A text is longer than its field allows (`details.max` characters).',
  },
  OUT_OF_RANGE: {
    category: 'invalid',
    description:
      'A number is not a whole number (or a share from 0 to 1) within its range, or a list has too few or too many items (`details.min`, `details.max`).',
  },
  NOT_ALLOWED: {
    category: 'invalid',
    description: 'A value is not one of those its field allows (an unknown kind, role, reason, phase...).',
  },
  INVALID_DATE: {
    category: 'invalid',
    description: 'A date or instant cannot be read.',
  },
  IN_THE_FUTURE: {
    category: 'invalid',
    description:
      'A fact is dated after the moment it is recorded: the `occurredAt` of the command, or a date inside it such as when an activity started.',
  },
  NOT_PSEUDONYMOUS: {
    category: 'invalid',
    description:
      'A reference to a person (carer, member, patient, interviewee) is not a pseudonym of letters, digits and `_ - . :`, so a name or an e-mail address cannot enter an event.',
  },
} as const satisfies ReasonList;

export const sharedError = reasonError(SHARED_ERROR_REASONS);
