import type { DirectoryRow } from '#read-models/directory';
import { bool, boolOrNull, date, dateOrNull, int, intOrNull, text, textOrNull } from '../read-side/row-values.js';
import type {
  Activity,
  ActivityRegistration,
  CarerAttendance,
  QuizSummary,
  RepresentativeAttendance,
  SurveySummary,
} from './activity.models.js';

export const toActivity = (row: DirectoryRow): Activity => ({
  id: text(row.activity_id),
  projectId: text(row.project_id),
  kind: text(row.kind),
  topic: text(row.topic),
  scheduledFor: date(row.scheduled_for),
  place: text(row.place),
  facilitatorMemberId: textOrNull(row.facilitator_member_id),
  organisingOrganisationId: text(row.organising_organisation_id),
  status: text(row.status),
  scheduledAt: date(row.scheduled_at),
  originallyScheduledFor: date(row.originally_scheduled_for),
  rescheduleCount: int(row.reschedule_count),
  lastRescheduleReason: textOrNull(row.last_reschedule_reason),
  startedAt: dateOrNull(row.started_at),
  durationMinutes: intOrNull(row.duration_minutes),
  audioRecorded: boolOrNull(row.audio_recorded),
  cancellation:
    row.status === 'cancelled'
      ? {
          cancelledAt: date(row.cancelled_at),
          reason: text(row.cancellation_reason),
          note: textOrNull(row.cancellation_note),
          decidedByOrganisationId: textOrNull(row.cancelled_by_organisation_id),
          decidedByRole: text(row.cancelled_by_role),
          carersConsulted: boolOrNull(row.carers_consulted),
        }
      : null,
  registeredCarers: int(row.registered_carers),
  carersAttended: int(row.carers_attended),
  representativesAttended: int(row.representatives_attended),
});

export const toActivityRegistration = (row: DirectoryRow): ActivityRegistration => ({
  carerId: text(row.carer_id),
  pseudonym: textOrNull(row.pseudonym),
  status: text(row.registration_status),
  registeredAt: date(row.registered_at),
  cancelledAt: dateOrNull(row.registration_cancelled_at),
  attended: bool(row.attended),
});

export const toCarerAttendance = (row: DirectoryRow): CarerAttendance => ({
  carerId: text(row.carer_id),
  pseudonym: textOrNull(row.pseudonym),
  attendedAt: date(row.attended_at),
  registered: row.registration_status === 'registered',
});

export const toRepresentativeAttendance = (row: DirectoryRow): RepresentativeAttendance => ({
  organisationId: text(row.organisation_id),
  memberId: text(row.member_id),
  attendedAt: date(row.attended_at),
});

export const toQuizSummary = (row: DirectoryRow): QuizSummary => {
  const questionsAsked = int(row.questions_asked);
  const correctAnswers = int(row.correct_answers);
  return {
    phase: text(row.phase),
    responses: int(row.responses),
    questionsAsked,
    correctAnswers,
    score: questionsAsked === 0 ? null : correctAnswers / questionsAsked,
  };
};

export const toSurveySummary = (row: DirectoryRow): SurveySummary => {
  const answers = int(row.answers);
  return {
    instrumentId: text(row.instrument_id),
    responses: int(row.responses),
    anonymousResponses: int(row.anonymous_responses),
    answers,
    scaleMinimum: int(row.scale_minimum),
    scaleMaximum: int(row.scale_maximum),
    averageAnswer: answers === 0 ? null : int(row.answer_sum) / answers,
    averageScore: answers === 0 ? null : int(row.answer_sum) / int(row.scale_maximum) / answers,
  };
};

/**
 * A carer's row of an activity: their registration (null if they came unregistered) and their
 * attendance (null if they did not come). Registrations and attendance share one read.
 */
export const toActivityCarer = (row: DirectoryRow) => ({
  registration: row.registration_status === null ? null : toActivityRegistration(row),
  attendance: row.attended === true ? toCarerAttendance(row) : null,
});
