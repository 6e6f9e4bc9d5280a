import { reasonError, type ReasonList } from '../shared/reason-list.js';

/** Why the Partnership aggregate refuses a command (besides the shared guards' reasons). */
export const PARTNERSHIP_ERROR_REASONS = {
  PARTNERSHIP_NOT_FOUND: {
    category: 'not_found',
    description: 'No organisation has joined the partnership of the project yet.',
  },
  ORGANISATION_NOT_PARTNER: {
    category: 'conflict',
    description: 'The organisation is not (or no longer) a partner of the project.',
  },
  ORGANISATION_ALREADY_PARTNER: {
    category: 'conflict',
    description: 'The organisation is already a partner of the project.',
  },
  MEMBER_NOT_FOUND: {
    category: 'not_found',
    description: 'No partner organisation has a member with this id.',
  },
  MEMBER_ALREADY_IN_PARTNERSHIP: {
    category: 'conflict',
    description: 'A member with this id already belongs to a partner organisation.',
  },
  DUPLICATE: {
    category: 'invalid',
    description: 'A list names the same entry twice (ignoring case).',
  },
  MEETING_NOT_FOUND: {
    category: 'not_found',
    description: 'No coordination meeting was ever planned with this id.',
  },
  MEETING_ALREADY_PLANNED: {
    category: 'conflict',
    description: 'A coordination meeting with this id was already planned.',
  },
  MEETING_ALREADY_HELD: {
    category: 'conflict',
    description: 'The meeting was already held: it is history and does not change.',
  },
  MEETING_ALREADY_MISSED: {
    category: 'conflict',
    description: 'The meeting was already recorded as missed: it is history and does not change.',
  },
  MEETING_SCHEDULE_UNCHANGED: {
    category: 'conflict',
    description: 'The meeting is already scheduled at that time, in that format.',
  },
  ATTENDING_ORGANISATION_NOT_PARTNER: {
    category: 'conflict',
    description: 'An organisation listed as attending the meeting is not a partner of the project.',
  },
  ATTENDING_MEMBER_NOT_IN_PARTNERSHIP: {
    category: 'conflict',
    description: 'A member listed as attending the meeting is not in the partnership.',
  },
  MEMBER_ORGANISATION_NOT_ATTENDING: {
    category: 'invalid',
    description: 'A member attended but their organisation is not listed as attending.',
  },
  CONCERN_NOT_FOUND: {
    category: 'not_found',
    description: 'No coordination concern was ever raised with this id.',
  },
  CONCERN_ALREADY_RAISED: {
    category: 'conflict',
    description: 'A coordination concern with this id was already raised.',
  },
  CONCERN_ALREADY_RESOLVED: {
    category: 'conflict',
    description: 'The coordination concern is already resolved.',
  },
} as const satisfies ReasonList;

export const partnershipError = reasonError(PARTNERSHIP_ERROR_REASONS);
