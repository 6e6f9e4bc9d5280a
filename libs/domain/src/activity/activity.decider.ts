import type { Decider } from '../shared/decider.js';
import { conflict, invalid } from '../shared/errors.js';
import { requireInteger, requireNotInFuture, requireOneOf, requireText, requireValidDate } from '../shared/guards.js';
import { validateSatisfactionAnswers } from './activity.answers.js';
import type { ActivityCommand } from './activity.commands.js';
import {
  ACTIVITY_KINDS,
  CANCELLATION_REASONS,
  DECISION_MAKER_ROLES,
  QUIZ_PHASES,
  RECORDABLE_ACTIVITY_KINDS,
  type ActivityEvent,
  type ActivityKind,
  type ActivityStatus,
  type PartnerRepresentative,
  type QuizPhase,
} from './activity.events.js';
import {
  entriesOf,
  existing,
  held,
  notCancelled,
  requireBoolean,
  requireId,
  stillScheduled,
} from './activity.guards.js';

export interface ActivityRecord {
  readonly status: ActivityStatus;
  readonly activityId: string;
  readonly projectId: string;
  readonly kind: ActivityKind;
  readonly scheduledFor: string;
  readonly place: string;
  /** Current registrations: a cancelled registration is removed. */
  readonly registeredCarerIds: readonly string[];
  readonly attendingCarerIds: readonly string[];
  readonly attendingRepresentatives: readonly PartnerRepresentative[];
  readonly quizPhasesByCarer: Readonly<Record<string, readonly QuizPhase[]>>;
  /** Instrument ids each identified carer has answered; anonymous responses cannot be told apart. */
  readonly surveyInstrumentsByCarer: Readonly<Record<string, readonly string[]>>;
}

export type ActivityState = { readonly status: 'unknown' } | ActivityRecord;

export const activityStreamId = (activityId: string) => `activity-${activityId}`;

const RECORDABLE_KINDS: readonly ActivityKind[] = RECORDABLE_ACTIVITY_KINDS;
/** Reasons that cannot stand alone: the note has to say what happened. */
const NOTE_REQUIRED_FOR: readonly string[] = ['other'];
/** Roles that are organisations themselves; the committee and the carers decide without one. */
const ORGANISATION_ROLES: readonly string[] = ['provider', 'researcher'];

const isoDate = (field: string, value: string) => requireValidDate(field, new Date(value)).toISOString();

export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = {
  initialState: { status: 'unknown' },

  decide(command, state, context) {
    // Every command records a decision or a fact that has already happened.
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    switch (command.type) {
      case 'ScheduleActivity': {
        const data = command.data;
        if (state.status !== 'unknown') {
          throw conflict('ACTIVITY_ALREADY_SCHEDULED', `Activity ${data.activityId} was already scheduled`);
        }
        return [
          {
            type: 'ActivityScheduled',
            data: {
              activityId: requireId('activityId', data.activityId),
              projectId: requireId('projectId', data.projectId),
              kind: requireOneOf('kind', data.kind, ACTIVITY_KINDS),
              topic: requireText('topic', data.topic, 200),
              scheduledFor: isoDate('scheduledFor', data.scheduledFor),
              place: requireText('place', data.place, 200),
              facilitatorMemberId:
                data.facilitatorMemberId === null ? null : requireId('facilitatorMemberId', data.facilitatorMemberId),
              organisingOrganisationId: requireId('organisingOrganisationId', data.organisingOrganisationId),
            },
          },
        ];
      }
      case 'RescheduleActivity': {
        const data = command.data;
        const activity = stillScheduled(existing(state, data.activityId));
        const scheduledFor =
          data.scheduledFor === null ? activity.scheduledFor : isoDate('scheduledFor', data.scheduledFor);
        const place = data.place === null ? activity.place : requireText('place', data.place, 200);
        if (scheduledFor === activity.scheduledFor && place === activity.place) {
          throw invalid('NOTHING_TO_RESCHEDULE', 'A reschedule must change the date, the place or both');
        }
        return [
          {
            type: 'ActivityRescheduled',
            data: {
              activityId: activity.activityId,
              projectId: activity.projectId,
              scheduledFor,
              place,
              previousScheduledFor: activity.scheduledFor,
              previousPlace: activity.place,
              reason: requireText('reason', data.reason),
            },
          },
        ];
      }
      case 'CancelActivity': {
        const data = command.data;
        const activity = stillScheduled(existing(state, data.activityId));
        const reason = requireOneOf('reason', data.reason, CANCELLATION_REASONS);
        const note = data.note === null || data.note.trim() === '' ? null : requireText('note', data.note);
        if (note === null && NOTE_REQUIRED_FOR.includes(reason)) {
          throw invalid('NOTE_REQUIRED', `A cancellation for reason "${reason}" needs a note`, { field: 'note' });
        }
        const decidedByRole = requireOneOf('decidedByRole', data.decidedByRole, DECISION_MAKER_ROLES);
        const decidedByOrganisationId =
          data.decidedByOrganisationId === null
            ? null
            : requireId('decidedByOrganisationId', data.decidedByOrganisationId);
        if (decidedByOrganisationId === null && ORGANISATION_ROLES.includes(decidedByRole)) {
          throw invalid('DECIDING_ORGANISATION_REQUIRED', `A ${decidedByRole} decision names its organisation`, {
            field: 'decidedByOrganisationId',
          });
        }
        return [
          {
            type: 'ActivityCancelled',
            data: {
              activityId: activity.activityId,
              projectId: activity.projectId,
              reason,
              note,
              decidedByOrganisationId,
              decidedByRole,
              carersConsulted: requireBoolean('carersConsulted', data.carersConsulted),
            },
          },
        ];
      }
      case 'HoldActivity': {
        const data = command.data;
        const activity = stillScheduled(existing(state, data.activityId));
        const startedAt = requireNotInFuture('startedAt', new Date(data.startedAt), context.now).toISOString();
        const audioRecorded = requireBoolean('audioRecorded', data.audioRecorded);
        if (audioRecorded && !RECORDABLE_KINDS.includes(activity.kind)) {
          throw conflict('AUDIO_RECORDING_ONLY_FOR_WORKSHOPS', `A ${activity.kind} is not audio-recorded`);
        }
        return [
          {
            type: 'ActivityHeld',
            data: {
              activityId: activity.activityId,
              projectId: activity.projectId,
              startedAt,
              durationMinutes:
                data.durationMinutes === null ? null : requireInteger('durationMinutes', data.durationMinutes, 1, 1440),
              audioRecorded,
            },
          },
        ];
      }
      case 'RegisterCarerForActivity': {
        const activity = stillScheduled(existing(state, command.data.activityId));
        const carerId = requireId('carerId', command.data.carerId);
        if (activity.registeredCarerIds.includes(carerId)) {
          throw conflict('CARER_ALREADY_REGISTERED', `Carer ${carerId} is already registered`);
        }
        return [
          {
            type: 'CarerRegisteredForActivity',
            data: { activityId: activity.activityId, projectId: activity.projectId, carerId },
          },
        ];
      }
      case 'CancelActivityRegistration': {
        const activity = stillScheduled(existing(state, command.data.activityId));
        const carerId = requireId('carerId', command.data.carerId);
        if (!activity.registeredCarerIds.includes(carerId)) {
          throw conflict('CARER_NOT_REGISTERED', `Carer ${carerId} is not registered`);
        }
        return [
          {
            type: 'ActivityRegistrationCancelled',
            data: { activityId: activity.activityId, projectId: activity.projectId, carerId },
          },
        ];
      }
      case 'RecordCarerAttendance': {
        const activity = held(existing(state, command.data.activityId));
        const carerId = requireId('carerId', command.data.carerId);
        // Refused rather than ignored, so a replayed attendance sheet never doubles the counts silently.
        if (activity.attendingCarerIds.includes(carerId)) {
          throw conflict('ATTENDANCE_ALREADY_RECORDED', `Carer ${carerId} is already recorded as attending`);
        }
        return [
          {
            type: 'CarerAttendedActivity',
            data: { activityId: activity.activityId, projectId: activity.projectId, carerId },
          },
        ];
      }
      case 'RecordPartnerAttendance': {
        const activity = held(existing(state, command.data.activityId));
        const organisationId = requireId('organisationId', command.data.organisationId);
        const memberId = requireId('memberId', command.data.memberId);
        if (
          activity.attendingRepresentatives.some((r) => r.organisationId === organisationId && r.memberId === memberId)
        ) {
          throw conflict('ATTENDANCE_ALREADY_RECORDED', `Member ${memberId} is already recorded as attending`);
        }
        return [
          {
            type: 'PartnerRepresentativeAttendedActivity',
            data: { activityId: activity.activityId, projectId: activity.projectId, organisationId, memberId },
          },
        ];
      }
      case 'RecordUnderstandingQuiz': {
        const data = command.data;
        const activity = notCancelled(existing(state, data.activityId));
        const carerId = requireId('carerId', data.carerId);
        const phase = requireOneOf('phase', data.phase, QUIZ_PHASES);
        const questionsAsked = requireInteger('questionsAsked', data.questionsAsked, 1, 100);
        const correctAnswers = requireInteger('correctAnswers', data.correctAnswers, 0, questionsAsked);
        if (activity.kind !== 'training_course') {
          throw conflict('QUIZ_ONLY_FOR_TRAINING_COURSE', `A ${activity.kind} has no understanding quiz`);
        }
        if (phase === 'after') held(activity);
        if (entriesOf(activity.quizPhasesByCarer, carerId).includes(phase)) {
          throw conflict('QUIZ_ALREADY_ANSWERED', `Carer ${carerId} already answered the ${phase} quiz`);
        }
        return [
          {
            type: 'UnderstandingQuizAnswered',
            data: {
              activityId: activity.activityId,
              projectId: activity.projectId,
              carerId,
              phase,
              questionsAsked,
              correctAnswers,
            },
          },
        ];
      }
      case 'RecordSatisfactionResponse': {
        const { instrument, answers } = command.data;
        const activity = held(existing(state, command.data.activityId));
        const carerId = command.data.carerId === null ? null : requireId('carerId', command.data.carerId);
        validateSatisfactionAnswers(instrument, answers);
        if (
          carerId !== null &&
          entriesOf(activity.surveyInstrumentsByCarer, carerId).includes(instrument.instrumentId)
        ) {
          throw conflict('SURVEY_ALREADY_ANSWERED', `Carer ${carerId} already answered ${instrument.instrumentId}`);
        }
        return [
          {
            type: 'SatisfactionSurveyAnswered',
            data: {
              activityId: activity.activityId,
              projectId: activity.projectId,
              carerId,
              instrumentId: instrument.instrumentId,
              itemIds: instrument.items.map((item) => item.itemId),
              scaleMin: instrument.scaleMin,
              scaleMax: instrument.scaleMax,
              answers: [...answers],
            },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    if (event.type === 'ActivityScheduled') {
      const { activityId, projectId, kind, scheduledFor, place } = event.data;
      return {
        status: 'scheduled',
        activityId,
        projectId,
        kind,
        scheduledFor,
        place,
        registeredCarerIds: [],
        attendingCarerIds: [],
        attendingRepresentatives: [],
        quizPhasesByCarer: {},
        surveyInstrumentsByCarer: {},
      };
    }
    if (state.status === 'unknown') return state;
    switch (event.type) {
      case 'ActivityRescheduled':
        return { ...state, scheduledFor: event.data.scheduledFor, place: event.data.place };
      case 'ActivityCancelled':
        return { ...state, status: 'cancelled' };
      case 'ActivityHeld':
        return { ...state, status: 'held' };
      case 'CarerRegisteredForActivity':
        return { ...state, registeredCarerIds: [...state.registeredCarerIds, event.data.carerId] };
      case 'ActivityRegistrationCancelled':
        return { ...state, registeredCarerIds: state.registeredCarerIds.filter((id) => id !== event.data.carerId) };
      case 'CarerAttendedActivity':
        return { ...state, attendingCarerIds: [...state.attendingCarerIds, event.data.carerId] };
      case 'PartnerRepresentativeAttendedActivity': {
        const { organisationId, memberId } = event.data;
        return {
          ...state,
          attendingRepresentatives: [...state.attendingRepresentatives, { organisationId, memberId }],
        };
      }
      case 'UnderstandingQuizAnswered': {
        const { carerId, phase } = event.data;
        const phases = [...entriesOf(state.quizPhasesByCarer, carerId), phase];
        return { ...state, quizPhasesByCarer: { ...state.quizPhasesByCarer, [carerId]: phases } };
      }
      case 'SatisfactionSurveyAnswered': {
        const { carerId, instrumentId } = event.data;
        if (carerId === null) return state;
        const instruments = [...entriesOf(state.surveyInstrumentsByCarer, carerId), instrumentId];
        return { ...state, surveyInstrumentsByCarer: { ...state.surveyInstrumentsByCarer, [carerId]: instruments } };
      }
    }
  },
};
