import type { PlatformEvent } from '#domain';
import { eventHandlers } from '#projections';
import type { DirectoryArea, DirectoryBatch } from './directory-area.js';
import { counter, defineTable, optional, required, withDefault } from './table.js';

/**
 * An activity's current state: `status` scheduled, held or cancelled; the cancellation's reason,
 * who decided and whether carers were consulted (null when an old event did not record it);
 * counters of current registrations and attendance.
 */
export const activitiesTable = defineTable({
  name: 'rm_activities',
  key: ['activity_id'],
  columns: {
    activity_id: required('text'),
    project_id: required('text'),
    kind: required('text'),
    topic: required('text'),
    scheduled_for: required('timestamptz'),
    place: required('text'),
    facilitator_member_id: optional('text'),
    organising_organisation_id: required('text'),
    status: withDefault('text', 'scheduled'),
    scheduled_at: required('timestamptz'),
    originally_scheduled_for: required('timestamptz'),
    reschedule_count: counter(),
    last_reschedule_reason: optional('text'),
    started_at: optional('timestamptz'),
    duration_minutes: optional('integer'),
    audio_recorded: optional('boolean'),
    cancelled_at: optional('timestamptz'),
    cancellation_reason: optional('text'),
    cancellation_note: optional('text'),
    cancelled_by_organisation_id: optional('text'),
    cancelled_by_role: optional('text'),
    carers_consulted: optional('boolean'),
    registered_carers: counter(),
    carers_attended: counter(),
    representatives_attended: counter(),
  },
  indexes: [
    ['project_id', 'scheduled_for', 'activity_id'],
    ['project_id', 'kind', 'status'],
  ],
});

/** A carer's registration (registered or cancelled, null if they came unregistered) and attendance at an activity. */
export const activityCarersTable = defineTable({
  name: 'rm_activity_carers',
  key: ['activity_id', 'carer_id'],
  columns: {
    activity_id: required('text'),
    carer_id: required('text'),
    project_id: required('text'),
    registration_status: optional('text'),
    registered_at: optional('timestamptz'),
    registration_cancelled_at: optional('timestamptz'),
    attended: withDefault('boolean', false),
    attended_at: optional('timestamptz'),
  },
  indexes: [['carer_id']],
});

export const activityRepresentativesTable = defineTable({
  name: 'rm_activity_representatives',
  key: ['activity_id', 'organisation_id', 'member_id'],
  columns: {
    activity_id: required('text'),
    organisation_id: required('text'),
    member_id: required('text'),
    project_id: required('text'),
    attended_at: required('timestamptz'),
  },
  indexes: [['project_id', 'organisation_id']],
});

/** Understanding quizzes of an activity per phase (before / after): how many answered, questions and correct answers. */
export const activityQuizzesTable = defineTable({
  name: 'rm_activity_quizzes',
  key: ['activity_id', 'phase'],
  columns: {
    activity_id: required('text'),
    phase: required('text'),
    project_id: required('text'),
    responses: counter(),
    questions_asked: counter(),
    correct_answers: counter(),
  },
});

/**
 * Satisfaction responses of an activity per instrument. Only integers are summed, so the row is the
 * same whatever batches the events came in: the average normalised score is
 * `answer_sum / scale_maximum / answers`, computed when read (a running float sum would differ in
 * its last digits with the order of additions).
 */
export const activitySurveysTable = defineTable({
  name: 'rm_activity_surveys',
  key: ['activity_id', 'instrument_id'],
  columns: {
    activity_id: required('text'),
    instrument_id: required('text'),
    project_id: required('text'),
    scale_minimum: required('integer'),
    scale_maximum: required('integer'),
    responses: counter(),
    anonymous_responses: counter(),
    answers: counter(),
    answer_sum: counter(),
  },
});

export const activitiesArea: DirectoryArea = {
  tables: [
    activitiesTable,
    activityCarersTable,
    activityRepresentativesTable,
    activityQuizzesTable,
    activitySurveysTable,
  ],
  handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
    ActivityScheduled: ({ data, occurredAt }, batch) =>
      batch.to(activitiesTable).upsert(
        { activity_id: data.activityId },
        {
          project_id: data.projectId,
          kind: data.kind,
          topic: data.topic,
          scheduled_for: data.scheduledFor,
          place: data.place,
          facilitator_member_id: data.facilitatorMemberId,
          organising_organisation_id: data.organisingOrganisationId,
          status: 'scheduled',
          scheduled_at: occurredAt.toISOString(),
          originally_scheduled_for: data.scheduledFor,
        },
      ),
    ActivityRescheduled: ({ data }, batch) => {
      const activities = batch.to(activitiesTable);
      activities.patch(
        { activity_id: data.activityId },
        { scheduled_for: data.scheduledFor, place: data.place, last_reschedule_reason: data.reason },
      );
      activities.add({ activity_id: data.activityId }, { reschedule_count: 1 });
    },
    ActivityCancelled: ({ data, occurredAt }, batch) =>
      batch.to(activitiesTable).patch(
        { activity_id: data.activityId },
        {
          status: 'cancelled',
          cancelled_at: occurredAt.toISOString(),
          cancellation_reason: data.reason,
          cancellation_note: data.note,
          cancelled_by_organisation_id: data.decidedByOrganisationId,
          cancelled_by_role: data.decidedByRole,
          carers_consulted: data.carersConsulted,
        },
      ),
    ActivityHeld: ({ data }, batch) =>
      batch.to(activitiesTable).patch(
        { activity_id: data.activityId },
        {
          status: 'held',
          started_at: data.startedAt,
          duration_minutes: data.durationMinutes,
          audio_recorded: data.audioRecorded,
        },
      ),
    CarerRegisteredForActivity: ({ data, occurredAt }, batch) => {
      batch.to(activityCarersTable).upsert(
        { activity_id: data.activityId, carer_id: data.carerId },
        {
          project_id: data.projectId,
          registration_status: 'registered',
          registered_at: occurredAt.toISOString(),
          registration_cancelled_at: null,
        },
      );
      batch.to(activitiesTable).add({ activity_id: data.activityId }, { registered_carers: 1 });
    },
    ActivityRegistrationCancelled: ({ data, occurredAt }, batch) => {
      batch
        .to(activityCarersTable)
        .patch(
          { activity_id: data.activityId, carer_id: data.carerId },
          { registration_status: 'cancelled', registration_cancelled_at: occurredAt.toISOString() },
        );
      batch.to(activitiesTable).add({ activity_id: data.activityId }, { registered_carers: -1 });
    },
    CarerAttendedActivity: ({ data, occurredAt }, batch) => {
      batch
        .to(activityCarersTable)
        .upsert(
          { activity_id: data.activityId, carer_id: data.carerId },
          { project_id: data.projectId, attended: true, attended_at: occurredAt.toISOString() },
        );
      batch.to(activitiesTable).add({ activity_id: data.activityId }, { carers_attended: 1 });
    },
    PartnerRepresentativeAttendedActivity: ({ data, occurredAt }, batch) => {
      batch
        .to(activityRepresentativesTable)
        .upsert(
          { activity_id: data.activityId, organisation_id: data.organisationId, member_id: data.memberId },
          { project_id: data.projectId, attended_at: occurredAt.toISOString() },
        );
      batch.to(activitiesTable).add({ activity_id: data.activityId }, { representatives_attended: 1 });
    },
    UnderstandingQuizAnswered: ({ data }, batch) => {
      const quizzes = batch.to(activityQuizzesTable);
      const key = { activity_id: data.activityId, phase: data.phase };
      quizzes.upsert(key, { project_id: data.projectId });
      quizzes.add(key, { responses: 1, questions_asked: data.questionsAsked, correct_answers: data.correctAnswers });
    },
    SatisfactionSurveyAnswered: ({ data }, batch) => {
      const surveys = batch.to(activitySurveysTable);
      const key = { activity_id: data.activityId, instrument_id: data.instrumentId };
      surveys.upsert(key, { project_id: data.projectId, scale_minimum: data.scaleMin, scale_maximum: data.scaleMax });
      surveys.add(key, {
        responses: 1,
        anonymous_responses: data.carerId === null ? 1 : 0,
        answers: data.answers.length,
        answer_sum: data.answers.reduce((sum, answer) => sum + answer, 0),
      });
    },
  }),
};
