import { describe, it } from '@jest/globals';
import { NOW, scenario } from '../shared/given-when-then.js';
import type { CancelActivity, RecordSatisfactionResponse, ScheduleActivity } from './activity.commands.js';
import { activityDecider } from './activity.decider.js';
import type {
  ActivityCancelled,
  ActivityEvent,
  ActivityHeld,
  ActivityScheduled,
  CarerAttendedActivity,
  UnderstandingQuizAnswered,
} from './activity.events.js';

const activityId = 'a-1';
const projectId = 'p-1';
const ids = { activityId, projectId };
const schedule: ScheduleActivity['data'] = {
  activityId,
  projectId,
  kind: 'training_course',
  topic: 'Moving a bedridden person safely',
  scheduledFor: '2026-07-01T15:00:00.000Z',
  place: 'Town hall, room 2',
  facilitatorMemberId: 'm-nurse-1',
  organisingOrganisationId: 'org-provider',
};
const scheduledAs = (kind: ActivityScheduled['data']['kind']): ActivityScheduled => ({
  type: 'ActivityScheduled',
  data: { ...schedule, kind },
});
const scheduled = scheduledAs('training_course');
const cancelled: ActivityCancelled = {
  type: 'ActivityCancelled',
  data: {
    ...ids,
    reason: 'expected_low_turnout',
    note: null,
    decidedByOrganisationId: 'org-provider',
    decidedByRole: 'provider',
    carersConsulted: false,
  },
};
const heldEvent: ActivityHeld = {
  type: 'ActivityHeld',
  data: { ...ids, startedAt: '2026-06-01T15:10:00.000Z', durationMinutes: 90, audioRecorded: false },
};
const attended = (carerId: string): CarerAttendedActivity => ({
  type: 'CarerAttendedActivity',
  data: { ...ids, carerId },
});
const quizAnswered = (carerId: string, phase: 'before' | 'after'): UnderstandingQuizAnswered => ({
  type: 'UnderstandingQuizAnswered',
  data: { ...ids, carerId, phase, questionsAsked: 3, correctAnswers: 2 },
});
const cancel: CancelActivity['data'] = {
  activityId,
  reason: 'expected_low_turnout',
  note: null,
  decidedByOrganisationId: 'org-provider',
  decidedByRole: 'provider',
  carersConsulted: false,
};
const instrument = {
  instrumentId: 'peer-satisfaction-v1',
  items: [{ itemId: 'i1' }, { itemId: 'i2' }, { itemId: 'i3' }],
  scaleMin: 1,
  scaleMax: 4,
};
const survey: RecordSatisfactionResponse['data'] = { activityId, carerId: 'c-1', instrument, answers: [4, 3, 4] };
const future = new Date(NOW.getTime() + 60_000);
const activity = scenario(activityDecider);

describe('Activity: scheduling', () => {
  it('schedules an activity of a project with its topic, date, place and facilitator', () => {
    activity.given().when({ type: 'ScheduleActivity', data: schedule }).then(scheduled);
  });

  it('normalises the date to an ISO instant and trims the texts', () => {
    activity
      .given()
      .when({
        type: 'ScheduleActivity',
        data: { ...schedule, scheduledFor: '2026-07-01T17:00:00+02:00', topic: '  Moving a bedridden person safely ' },
      })
      .then(scheduled);
  });

  it('allows an activity without a facilitator yet', () => {
    activity
      .given()
      .when({ type: 'ScheduleActivity', data: { ...schedule, facilitatorMemberId: null } })
      .then({ type: 'ActivityScheduled', data: { ...schedule, facilitatorMemberId: null } });
  });

  it('refuses to schedule the same activity twice', () => {
    activity
      .given(scheduled)
      .when({ type: 'ScheduleActivity', data: schedule })
      .thenFails('ACTIVITY_ALREADY_SCHEDULED', 'conflict');
  });

  it.each([
    ['an unknown kind', { ...schedule, kind: 'picnic' as never }, 'NOT_ALLOWED'],
    ['an empty topic', { ...schedule, topic: ' ' }, 'REQUIRED'],
    ['a topic too long', { ...schedule, topic: 'x'.repeat(201) }, 'TOO_LONG'],
    ['an invalid date', { ...schedule, scheduledFor: 'next Tuesday' }, 'INVALID_DATE'],
    ['an empty place', { ...schedule, place: '' }, 'REQUIRED'],
    ['an empty project id', { ...schedule, projectId: '' }, 'REQUIRED'],
    ['an empty organising organisation', { ...schedule, organisingOrganisationId: '' }, 'REQUIRED'],
    ['an empty facilitator id', { ...schedule, facilitatorMemberId: ' ' }, 'REQUIRED'],
  ])('refuses to schedule with %s', (_title, data, reason) => {
    activity.given().when({ type: 'ScheduleActivity', data }).thenFails(reason, 'invalid');
  });

  it('refuses a decision dated in the future', () => {
    activity
      .given()
      .when({ type: 'ScheduleActivity', data: schedule }, { occurredAt: future })
      .thenFails('IN_THE_FUTURE', 'invalid');
  });
});

describe('Activity: rescheduling', () => {
  const reschedule = { activityId, scheduledFor: null, place: null, reason: 'the room is being painted' };

  it('moves the date and keeps the place', () => {
    activity
      .given(scheduled)
      .when({ type: 'RescheduleActivity', data: { ...reschedule, scheduledFor: '2026-07-08T15:00:00.000Z' } })
      .then({
        type: 'ActivityRescheduled',
        data: {
          ...ids,
          scheduledFor: '2026-07-08T15:00:00.000Z',
          place: 'Town hall, room 2',
          previousScheduledFor: '2026-07-01T15:00:00.000Z',
          previousPlace: 'Town hall, room 2',
          reason: 'the room is being painted',
        },
      });
  });

  it('moves the place and keeps the date, folding earlier reschedules', () => {
    activity
      .given(scheduled, {
        type: 'ActivityRescheduled',
        data: {
          ...ids,
          scheduledFor: '2026-07-08T15:00:00.000Z',
          place: 'Town hall, room 2',
          previousScheduledFor: '2026-07-01T15:00:00.000Z',
          previousPlace: 'Town hall, room 2',
          reason: 'holiday',
        },
      })
      .when({ type: 'RescheduleActivity', data: { ...reschedule, place: 'Parish hall' } })
      .then({
        type: 'ActivityRescheduled',
        data: {
          ...ids,
          scheduledFor: '2026-07-08T15:00:00.000Z',
          place: 'Parish hall',
          previousScheduledFor: '2026-07-08T15:00:00.000Z',
          previousPlace: 'Town hall, room 2',
          reason: 'the room is being painted',
        },
      });
  });

  it.each([
    ['nothing', reschedule],
    ['the same date and place', { ...reschedule, scheduledFor: schedule.scheduledFor, place: schedule.place }],
  ])('refuses a reschedule that changes %s', (_title, data) => {
    activity.given(scheduled).when({ type: 'RescheduleActivity', data }).thenFails('NOTHING_TO_RESCHEDULE', 'invalid');
  });

  it('refuses a reschedule without a reason', () => {
    activity
      .given(scheduled)
      .when({ type: 'RescheduleActivity', data: { ...reschedule, place: 'Parish hall', reason: '' } })
      .thenFails('REQUIRED', 'invalid');
  });

  it.each([
    ['held', heldEvent, 'ACTIVITY_ALREADY_HELD'],
    ['cancelled', cancelled, 'ACTIVITY_CANCELLED'],
  ])('refuses to reschedule an activity already %s', (_title, event, reason) => {
    activity
      .given(scheduled, event)
      .when({ type: 'RescheduleActivity', data: { ...reschedule, place: 'Parish hall' } })
      .thenFails(reason, 'conflict');
  });

  it('refuses to reschedule an activity that was never scheduled', () => {
    activity
      .given()
      .when({ type: 'RescheduleActivity', data: { ...reschedule, place: 'Parish hall' } })
      .thenFails('ACTIVITY_NOT_FOUND', 'not_found');
  });
});

describe('Activity: cancelling', () => {
  it('records the reason, who decided and whether carers were consulted', () => {
    activity.given(scheduled).when({ type: 'CancelActivity', data: cancel }).then(cancelled);
  });

  it('lets the committee decide without naming an organisation, with a note', () => {
    activity
      .given(scheduled)
      .when({
        type: 'CancelActivity',
        data: {
          ...cancel,
          reason: 'other',
          note: ' clashes with the village fair ',
          decidedByOrganisationId: null,
          decidedByRole: 'committee',
          carersConsulted: true,
        },
      })
      .then({
        type: 'ActivityCancelled',
        data: {
          ...ids,
          reason: 'other',
          note: 'clashes with the village fair',
          decidedByOrganisationId: null,
          decidedByRole: 'committee',
          carersConsulted: true,
        },
      });
  });

  it.each([
    ['an unknown reason', { ...cancel, reason: 'bored' as never }, 'NOT_ALLOWED'],
    ['reason "other" without a note', { ...cancel, reason: 'other' as const, note: '  ' }, 'NOTE_REQUIRED'],
    ['an unknown role', { ...cancel, decidedByRole: 'mayor' as never }, 'NOT_ALLOWED'],
    ['the stored-only role "unknown"', { ...cancel, decidedByRole: 'unknown' as never }, 'NOT_ALLOWED'],
    [
      'a provider decision without its organisation',
      { ...cancel, decidedByOrganisationId: null },
      'DECIDING_ORGANISATION_REQUIRED',
    ],
    ['carers consultation left unknown', { ...cancel, carersConsulted: null as never }, 'REQUIRED'],
    ['a note too long', { ...cancel, note: 'x'.repeat(501) }, 'TOO_LONG'],
  ])('refuses a cancellation with %s', (_title, data, reason) => {
    activity.given(scheduled).when({ type: 'CancelActivity', data }).thenFails(reason, 'invalid');
  });

  it.each([
    ['held', heldEvent, 'ACTIVITY_ALREADY_HELD'],
    ['cancelled', cancelled, 'ACTIVITY_CANCELLED'],
  ])('refuses to cancel an activity already %s', (_title, event, reason) => {
    activity.given(scheduled, event).when({ type: 'CancelActivity', data: cancel }).thenFails(reason, 'conflict');
  });

  it('refuses to cancel an activity that was never scheduled', () => {
    activity.given().when({ type: 'CancelActivity', data: cancel }).thenFails('ACTIVITY_NOT_FOUND', 'not_found');
  });
});

describe('Activity: contesting a cancellation', () => {
  const contest = {
    activityId,
    contestedByRole: 'carer' as const,
    contestedByCarerId: 'carer-7',
    grounds: ' We had asked for this session and nobody asked us ',
  };
  const contested = {
    type: 'ActivityCancellationContested' as const,
    data: { ...ids, contestedByRole: 'carer' as const, contestedByCarerId: 'carer-7', grounds: contest.grounds.trim() },
  };

  it('records who contested a cancellation and on what grounds', () => {
    activity.given(scheduled, cancelled).when({ type: 'ContestActivityCancellation', data: contest }).then(contested);
  });

  it('lets the committee and then a carer contest the same cancellation', () => {
    const byCommittee = { ...contest, contestedByRole: 'committee' as const, contestedByCarerId: null };
    activity
      .given(scheduled, cancelled, { ...contested, data: { ...contested.data, ...byCommittee, activityId, projectId } })
      .when({ type: 'ContestActivityCancellation', data: contest })
      .then(contested);
  });

  it.each([
    ['a held activity', [scheduled, heldEvent]],
    ['an activity still scheduled', [scheduled]],
  ])('refuses to contest the cancellation of %s', (_title, history) => {
    activity
      .given(...(history as ActivityEvent[]))
      .when({ type: 'ContestActivityCancellation', data: contest })
      .thenFails('ACTIVITY_NOT_CANCELLED', 'conflict');
  });

  it.each([
    ['an unknown role', { ...contest, contestedByRole: 'mayor' as never }, 'NOT_ALLOWED'],
    ['a carer id for a partner', { ...contest, contestedByRole: 'provider' as never }, 'CARER_ID_WITHOUT_CARER_ROLE'],
    ['a carer named instead of pseudonymised', { ...contest, contestedByCarerId: 'Maria López' }, 'NOT_PSEUDONYMOUS'],
    ['no grounds', { ...contest, grounds: '  ' }, 'REQUIRED'],
  ])('refuses a contest with %s', (_title, data, reason) => {
    activity
      .given(scheduled, cancelled)
      .when({ type: 'ContestActivityCancellation', data })
      .thenFails(reason, 'invalid');
  });

  it('refuses to contest the cancellation of an activity that was never scheduled', () => {
    activity
      .given()
      .when({ type: 'ContestActivityCancellation', data: contest })
      .thenFails('ACTIVITY_NOT_FOUND', 'not_found');
  });
});

describe('Activity: holding', () => {
  const hold = { activityId, startedAt: '2026-06-01T15:10:00.000Z', durationMinutes: 90, audioRecorded: false };

  it('records the actual start and duration', () => {
    activity.given(scheduled).when({ type: 'HoldActivity', data: hold }).then(heldEvent);
  });

  it('records an audio-recorded workshop without a known duration', () => {
    activity
      .given(scheduledAs('co_assessment_workshop'))
      .when({ type: 'HoldActivity', data: { ...hold, durationMinutes: null, audioRecorded: true } })
      .then({ type: 'ActivityHeld', data: { ...heldEvent.data, durationMinutes: null, audioRecorded: true } });
  });

  it('refuses to audio-record an activity that is not a workshop', () => {
    activity
      .given(scheduledAs('peer_meeting'))
      .when({ type: 'HoldActivity', data: { ...hold, audioRecorded: true } })
      .thenFails('AUDIO_RECORDING_ONLY_FOR_WORKSHOPS', 'conflict');
  });

  it('refuses to hold an activity twice', () => {
    activity
      .given(scheduled, heldEvent)
      .when({ type: 'HoldActivity', data: hold })
      .thenFails('ACTIVITY_ALREADY_HELD', 'conflict');
  });

  it('refuses to hold a cancelled activity', () => {
    activity
      .given(scheduled, cancelled)
      .when({ type: 'HoldActivity', data: hold })
      .thenFails('ACTIVITY_CANCELLED', 'conflict');
  });

  it('refuses to hold an activity that was never scheduled', () => {
    activity.given().when({ type: 'HoldActivity', data: hold }).thenFails('ACTIVITY_NOT_FOUND', 'not_found');
  });

  it.each([
    ['a start in the future', { ...hold, startedAt: future.toISOString() }, 'IN_THE_FUTURE'],
    ['an invalid start', { ...hold, startedAt: 'this morning' }, 'INVALID_DATE'],
    ['a zero duration', { ...hold, durationMinutes: 0 }, 'OUT_OF_RANGE'],
    ['a fractional duration', { ...hold, durationMinutes: 90.5 }, 'OUT_OF_RANGE'],
    ['audio recording left unknown', { ...hold, audioRecorded: null as never }, 'REQUIRED'],
  ])('refuses to hold with %s', (_title, data, reason) => {
    activity.given(scheduled).when({ type: 'HoldActivity', data }).thenFails(reason, 'invalid');
  });

  it('refuses a holding recorded as occurring in the future', () => {
    activity
      .given(scheduled)
      .when({ type: 'HoldActivity', data: hold }, { occurredAt: future })
      .thenFails('IN_THE_FUTURE', 'invalid');
  });
});

describe('Activity: registrations', () => {
  const registered = { type: 'CarerRegisteredForActivity' as const, data: { ...ids, carerId: 'c-1' } };

  it('registers a carer before the activity', () => {
    activity
      .given(scheduled)
      .when({ type: 'RegisterCarerForActivity', data: { activityId, carerId: 'c-1' } })
      .then(registered);
  });

  it('refuses to register a carer twice', () => {
    activity
      .given(scheduled, registered)
      .when({ type: 'RegisterCarerForActivity', data: { activityId, carerId: 'c-1' } })
      .thenFails('CARER_ALREADY_REGISTERED', 'conflict');
  });

  it('registers a carer again after a cancelled registration', () => {
    activity
      .given(scheduled, registered, { type: 'ActivityRegistrationCancelled', data: { ...ids, carerId: 'c-1' } })
      .when({ type: 'RegisterCarerForActivity', data: { activityId, carerId: 'c-1' } })
      .then(registered);
  });

  it('cancels a registration', () => {
    activity
      .given(scheduled, registered)
      .when({ type: 'CancelActivityRegistration', data: { activityId, carerId: 'c-1' } })
      .then({ type: 'ActivityRegistrationCancelled', data: { ...ids, carerId: 'c-1' } });
  });

  it('refuses to cancel a registration that does not exist', () => {
    activity
      .given(scheduled, registered)
      .when({ type: 'CancelActivityRegistration', data: { activityId, carerId: 'c-2' } })
      .thenFails('CARER_NOT_REGISTERED', 'conflict');
  });

  it('refuses a registration without a carer id', () => {
    activity
      .given(scheduled)
      .when({ type: 'RegisterCarerForActivity', data: { activityId, carerId: '' } })
      .thenFails('REQUIRED', 'invalid');
  });

  it.each([
    ['held', heldEvent, 'ACTIVITY_ALREADY_HELD'],
    ['cancelled', cancelled, 'ACTIVITY_CANCELLED'],
  ])('refuses registrations and their cancellation once the activity is %s', (_title, event, reason) => {
    activity
      .given(scheduled, registered, event)
      .when({ type: 'RegisterCarerForActivity', data: { activityId, carerId: 'c-2' } })
      .thenFails(reason, 'conflict');
    activity
      .given(scheduled, registered, event)
      .when({ type: 'CancelActivityRegistration', data: { activityId, carerId: 'c-1' } })
      .thenFails(reason, 'conflict');
  });

  it('refuses to register for an activity that was never scheduled', () => {
    activity
      .given()
      .when({ type: 'RegisterCarerForActivity', data: { activityId, carerId: 'c-1' } })
      .thenFails('ACTIVITY_NOT_FOUND', 'not_found');
  });
});

describe('Activity: attendance', () => {
  const representative = {
    type: 'PartnerRepresentativeAttendedActivity' as const,
    data: { ...ids, organisationId: 'org-uni', memberId: 'm-7' },
  };

  it('records a carer attending a held activity, registered or not', () => {
    activity
      .given(scheduled, heldEvent, attended('c-1'))
      .when({ type: 'RecordCarerAttendance', data: { activityId, carerId: 'c-2' } })
      .then(attended('c-2'));
  });

  it('refuses to count a carer twice', () => {
    activity
      .given(scheduled, heldEvent, attended('c-1'))
      .when({ type: 'RecordCarerAttendance', data: { activityId, carerId: 'c-1' } })
      .thenFails('ATTENDANCE_ALREADY_RECORDED', 'conflict');
  });

  it('records a partner representative attending', () => {
    activity
      .given(scheduled, heldEvent)
      .when({ type: 'RecordPartnerAttendance', data: { activityId, organisationId: 'org-uni', memberId: 'm-7' } })
      .then(representative);
  });

  it('refuses to count a partner representative twice, but counts another member', () => {
    activity
      .given(scheduled, heldEvent, representative)
      .when({ type: 'RecordPartnerAttendance', data: { activityId, organisationId: 'org-uni', memberId: 'm-7' } })
      .thenFails('ATTENDANCE_ALREADY_RECORDED', 'conflict');
    activity
      .given(scheduled, heldEvent, representative)
      .when({ type: 'RecordPartnerAttendance', data: { activityId, organisationId: 'org-uni', memberId: 'm-8' } })
      .then({ ...representative, data: { ...representative.data, memberId: 'm-8' } });
  });

  it.each([
    ['not yet held', [scheduled], 'ACTIVITY_NOT_HELD'],
    ['cancelled', [scheduled, cancelled], 'ACTIVITY_CANCELLED'],
  ] as [string, ActivityEvent[], string][])('refuses attendance on an activity %s', (_title, history, reason) => {
    activity
      .given(...history)
      .when({ type: 'RecordCarerAttendance', data: { activityId, carerId: 'c-1' } })
      .thenFails(reason, 'conflict');
    activity
      .given(...history)
      .when({ type: 'RecordPartnerAttendance', data: { activityId, organisationId: 'org-uni', memberId: 'm-7' } })
      .thenFails(reason, 'conflict');
  });

  it('refuses attendance without ids', () => {
    activity
      .given(scheduled, heldEvent)
      .when({ type: 'RecordPartnerAttendance', data: { activityId, organisationId: 'org-uni', memberId: ' ' } })
      .thenFails('REQUIRED', 'invalid');
  });

  it('refuses attendance dated in the future', () => {
    activity
      .given(scheduled, heldEvent)
      .when({ type: 'RecordCarerAttendance', data: { activityId, carerId: 'c-1' } }, { occurredAt: future })
      .thenFails('IN_THE_FUTURE', 'invalid');
  });

  it('does not treat a carer id named like an object property as already present', () => {
    activity
      .given(scheduled, heldEvent)
      .when({
        type: 'RecordUnderstandingQuiz',
        data: { activityId, carerId: 'constructor', phase: 'after', questionsAsked: 3, correctAnswers: 3 },
      })
      .then({
        type: 'UnderstandingQuizAnswered',
        data: { ...ids, carerId: 'constructor', phase: 'after', questionsAsked: 3, correctAnswers: 3 },
      });
  });
});

describe('Activity: understanding quiz', () => {
  const quiz = { activityId, carerId: 'c-1', phase: 'before' as const, questionsAsked: 3, correctAnswers: 2 };

  it('records the before quiz ahead of the course', () => {
    activity.given(scheduled).when({ type: 'RecordUnderstandingQuiz', data: quiz }).then(quizAnswered('c-1', 'before'));
  });

  it('records a before quiz entered after the course was held', () => {
    activity
      .given(scheduled, heldEvent)
      .when({ type: 'RecordUnderstandingQuiz', data: quiz })
      .then(quizAnswered('c-1', 'before'));
  });

  it('records the after quiz once the course is held', () => {
    activity
      .given(scheduled, quizAnswered('c-1', 'before'), heldEvent)
      .when({ type: 'RecordUnderstandingQuiz', data: { ...quiz, phase: 'after' } })
      .then(quizAnswered('c-1', 'after'));
  });

  it('refuses the after quiz before the course is held', () => {
    activity
      .given(scheduled)
      .when({ type: 'RecordUnderstandingQuiz', data: { ...quiz, phase: 'after' } })
      .thenFails('ACTIVITY_NOT_HELD', 'conflict');
  });

  it.each(['before', 'after'] as const)('refuses a %s quiz on a cancelled course', (phase) => {
    activity
      .given(scheduled, cancelled)
      .when({ type: 'RecordUnderstandingQuiz', data: { ...quiz, phase } })
      .thenFails('ACTIVITY_CANCELLED', 'conflict');
  });

  it('refuses a quiz on an activity that is not a training course', () => {
    activity
      .given(scheduledAs('peer_meeting'))
      .when({ type: 'RecordUnderstandingQuiz', data: quiz })
      .thenFails('QUIZ_ONLY_FOR_TRAINING_COURSE', 'conflict');
  });

  it('refuses a second quiz of the same phase for a carer, not for another carer', () => {
    activity
      .given(scheduled, quizAnswered('c-1', 'before'))
      .when({ type: 'RecordUnderstandingQuiz', data: quiz })
      .thenFails('QUIZ_ALREADY_ANSWERED', 'conflict');
    activity
      .given(scheduled, quizAnswered('c-1', 'before'))
      .when({ type: 'RecordUnderstandingQuiz', data: { ...quiz, carerId: 'c-2' } })
      .then(quizAnswered('c-2', 'before'));
  });

  it.each([
    ['more correct answers than questions', { ...quiz, correctAnswers: 4 }, 'OUT_OF_RANGE'],
    ['negative correct answers', { ...quiz, correctAnswers: -1 }, 'OUT_OF_RANGE'],
    ['no questions', { ...quiz, questionsAsked: 0, correctAnswers: 0 }, 'OUT_OF_RANGE'],
    ['an unknown phase', { ...quiz, phase: 'during' as never }, 'NOT_ALLOWED'],
    ['no carer', { ...quiz, carerId: '' }, 'REQUIRED'],
  ])('refuses a quiz with %s', (_title, data, reason) => {
    activity.given(scheduled).when({ type: 'RecordUnderstandingQuiz', data }).thenFails(reason, 'invalid');
  });

  it('refuses a quiz answered in the future', () => {
    activity
      .given(scheduled)
      .when({ type: 'RecordUnderstandingQuiz', data: quiz }, { occurredAt: future })
      .thenFails('IN_THE_FUTURE', 'invalid');
  });
});

describe('Activity: satisfaction survey', () => {
  const peer = scheduledAs('peer_meeting');
  const answered = {
    type: 'SatisfactionSurveyAnswered' as const,
    data: {
      ...ids,
      carerId: 'c-1',
      instrumentId: 'peer-satisfaction-v1',
      itemIds: ['i1', 'i2', 'i3'],
      scaleMin: 1,
      scaleMax: 4,
      answers: [4, 3, 4],
    },
  };

  it('records a carer response with the instrument it was answered on', () => {
    activity.given(peer, heldEvent).when({ type: 'RecordSatisfactionResponse', data: survey }).then(answered);
  });

  it('records anonymous responses, as many as come', () => {
    const anonymous = { ...answered, data: { ...answered.data, carerId: null } };
    activity
      .given(peer, heldEvent, anonymous)
      .when({ type: 'RecordSatisfactionResponse', data: { ...survey, carerId: null } })
      .then(anonymous);
  });

  it('refuses a second response of the same carer on the same instrument', () => {
    activity
      .given(peer, heldEvent, answered)
      .when({ type: 'RecordSatisfactionResponse', data: survey })
      .thenFails('SURVEY_ALREADY_ANSWERED', 'conflict');
  });

  it('accepts the same carer answering another instrument', () => {
    const other = { ...instrument, instrumentId: 'other-v1' };
    activity
      .given(peer, heldEvent, answered)
      .when({ type: 'RecordSatisfactionResponse', data: { ...survey, instrument: other } })
      .then({ ...answered, data: { ...answered.data, instrumentId: 'other-v1' } });
  });

  it.each([
    ['not yet held', [peer], 'ACTIVITY_NOT_HELD'],
    ['cancelled', [peer, cancelled], 'ACTIVITY_CANCELLED'],
  ] as [string, ActivityEvent[], string][])('refuses a response on an activity %s', (_title, history, reason) => {
    activity
      .given(...history)
      .when({ type: 'RecordSatisfactionResponse', data: survey })
      .thenFails(reason, 'conflict');
  });

  it.each([
    ['too few answers', { ...survey, answers: [4, 3] }, 'ANSWER_COUNT_MISMATCH'],
    ['too many answers', { ...survey, answers: [4, 3, 4, 4] }, 'ANSWER_COUNT_MISMATCH'],
    ['an answer above the scale', { ...survey, answers: [4, 5, 4] }, 'ANSWER_OUT_OF_SCALE'],
    ['an answer below the scale', { ...survey, answers: [0, 3, 4] }, 'ANSWER_OUT_OF_SCALE'],
    ['a fractional answer', { ...survey, answers: [3.5, 3, 4] }, 'ANSWER_OUT_OF_SCALE'],
    ['an inverted scale', { ...survey, instrument: { ...instrument, scaleMin: 4, scaleMax: 1 } }, 'INVALID_SCALE'],
    [
      'an instrument without items',
      { ...survey, instrument: { ...instrument, items: [] }, answers: [] },
      'INSTRUMENT_WITHOUT_ITEMS',
    ],
    ['an instrument without id', { ...survey, instrument: { ...instrument, instrumentId: '' } }, 'REQUIRED'],
    ['an empty carer id', { ...survey, carerId: '' }, 'REQUIRED'],
  ])('refuses a response with %s', (_title, data, reason) => {
    activity.given(peer, heldEvent).when({ type: 'RecordSatisfactionResponse', data }).thenFails(reason, 'invalid');
  });
});
