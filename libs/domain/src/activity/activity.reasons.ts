import { reasonError, type ReasonList } from '../shared/reason-list.js';

/** Why the Activity aggregate refuses a command (besides the shared guards' reasons). */
export const ACTIVITY_ERROR_REASONS = {
  ACTIVITY_NOT_FOUND: {
    category: 'not_found',
    description: 'No activity was ever scheduled with this id.',
  },
  ACTIVITY_ALREADY_SCHEDULED: {
    category: 'conflict',
    description: 'An activity with this id was already scheduled.',
  },
  ACTIVITY_CANCELLED: {
    category: 'conflict',
    description: 'The activity was cancelled: nothing more is recorded about it.',
  },
  ACTIVITY_ALREADY_HELD: {
    category: 'conflict',
    description:
      'The activity was already held: it can no longer be rescheduled, cancelled, held again or registered for.',
  },
  ACTIVITY_NOT_HELD: {
    category: 'conflict',
    description:
      'The activity has not been held yet: attendance, satisfaction responses and the after-quiz come once it is.',
  },
  NOTHING_TO_RESCHEDULE: {
    category: 'invalid',
    description: 'A reschedule changes neither the date nor the place.',
  },
  NOTE_REQUIRED: {
    category: 'invalid',
    description: 'A cancellation for the reason `other` needs a note saying what happened.',
  },
  DECIDING_ORGANISATION_REQUIRED: {
    category: 'invalid',
    description: 'A cancellation decided by a provider or a researcher names the deciding organisation.',
  },
  ACTIVITY_NOT_CANCELLED: {
    category: 'conflict',
    description: 'Only a cancelled activity has a cancellation to contest.',
  },
  CARER_ID_WITHOUT_CARER_ROLE: {
    category: 'invalid',
    description: 'Only a cancellation contested by a carer names a carer id.',
  },
  AUDIO_RECORDING_ONLY_FOR_WORKSHOPS: {
    category: 'conflict',
    description: 'Only co-design and co-assessment workshops are audio-recorded.',
  },
  CARER_ALREADY_REGISTERED: {
    category: 'conflict',
    description: 'The carer is already registered for the activity.',
  },
  CARER_NOT_REGISTERED: {
    category: 'conflict',
    description: 'The carer has no registration for the activity to cancel.',
  },
  ATTENDANCE_ALREADY_RECORDED: {
    category: 'conflict',
    description:
      'The carer or partner member is already recorded as attending (refused, so a replayed attendance sheet never doubles the counts).',
  },
  QUIZ_ONLY_FOR_TRAINING_COURSE: {
    category: 'conflict',
    description: 'Only a training course has an understanding quiz.',
  },
  QUIZ_ALREADY_ANSWERED: {
    category: 'conflict',
    description: 'The carer already answered this phase (before or after) of the understanding quiz.',
  },
  SURVEY_ALREADY_ANSWERED: {
    category: 'conflict',
    description: 'The carer already answered this satisfaction instrument for the activity.',
  },
  INVALID_SCALE: {
    category: 'invalid',
    description: 'The scale of the satisfaction instrument is not a range of whole numbers (minimum below maximum).',
  },
  INSTRUMENT_WITHOUT_ITEMS: {
    category: 'invalid',
    description: 'The satisfaction instrument has no items.',
  },
  ANSWER_COUNT_MISMATCH: {
    category: 'invalid',
    description: 'A satisfaction response does not give exactly one answer per item of its instrument.',
  },
  ANSWER_OUT_OF_SCALE: {
    category: 'invalid',
    description: 'An answer is not a whole number on the scale of the instrument.',
  },
} as const satisfies ReasonList;

export const activityError = reasonError(ACTIVITY_ERROR_REASONS);
