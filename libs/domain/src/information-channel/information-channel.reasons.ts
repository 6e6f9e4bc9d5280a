import { reasonError, type ReasonList } from '../shared/reason-list.js';

/** Why the InformationChannel aggregate refuses a command (besides the shared guards' reasons). */
export const INFORMATION_CHANNEL_ERROR_REASONS = {
  CHANNEL_NOT_FOUND: {
    category: 'not_found',
    description: 'No information channel was ever registered with this id.',
  },
  CHANNEL_ALREADY_REGISTERED: {
    category: 'conflict',
    description: 'An information channel with this id already exists.',
  },
  CHANNEL_RETIRED: {
    category: 'conflict',
    description: 'The channel was retired: nothing more is recorded about it.',
  },
  PERIOD_END_NOT_AFTER_START: {
    category: 'invalid',
    description: 'The period of a reading ends when or before it starts.',
  },
  PERIOD_OVERLAPS: {
    category: 'conflict',
    description:
      'The increment starts before the previous one ended (`details.lastPeriodEnd`): increments are entered in order so no day is counted twice.',
  },
  READING_KIND_CHANGED: {
    category: 'conflict',
    description:
      "The reading is an increment and the channel's earlier ones running totals, or the reverse (`details.readingKind`): mixing them would count some days twice or leave gaps unknown.",
  },
  RUNNING_TOTAL_NOT_AFTER_LAST: {
    category: 'conflict',
    description:
      'The running total is read at or before the previous one (`details.lastPeriodEnd`): running totals are entered in order.',
  },
  RUNNING_TOTAL_START_CHANGED: {
    category: 'conflict',
    description:
      "The running total counts from another start than the channel's earlier ones (`details.totalsSince`): a counter restarted from zero is another channel.",
  },
  RUNNING_TOTAL_DECREASED: {
    category: 'conflict',
    description:
      'A running total is lower than the previous one of the same counter (`details.counter`, `details.previous`): a total never decreases.',
  },
  NO_COUNTERS: {
    category: 'invalid',
    description: 'A reading gives at least one counter (likes, visits, downloads or shares).',
  },
  PATIENT_ALREADY_INFORMED: {
    category: 'conflict',
    description: 'This patient of this provider was already counted as informed through the channel.',
  },
} as const satisfies ReasonList;

export const informationChannelError = reasonError(INFORMATION_CHANNEL_ERROR_REASONS);
