import type { Decider } from '../shared/decider.js';
import { requireNotInFuture } from '../shared/guards.js';
import type { ActivityCommand } from './activity.commands.js';
import type { ActivityEvent } from './activity.events.js';
import { entriesOf } from './activity.guards.js';
import type { ActivityState } from './activity.state.js';
import { cancelActivityRegistration } from './decide/cancel-activity-registration.js';
import { cancelActivity } from './decide/cancel-activity.js';
import { contestActivityCancellation } from './decide/contest-activity-cancellation.js';
import { holdActivity } from './decide/hold-activity.js';
import { recordCarerAttendance } from './decide/record-carer-attendance.js';
import { recordPartnerAttendance } from './decide/record-partner-attendance.js';
import { recordSatisfactionResponse } from './decide/record-satisfaction-response.js';
import { recordUnderstandingQuiz } from './decide/record-understanding-quiz.js';
import { registerCarerForActivity } from './decide/register-carer-for-activity.js';
import { rescheduleActivity } from './decide/reschedule-activity.js';
import { scheduleActivity } from './decide/schedule-activity.js';

export type { ActivityRecord, ActivityState } from './activity.state.js';

export const activityStreamId = (activityId: string) => `activity-${activityId}`;

export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = {
  initialState: { status: 'unknown' },

  decide(command, state, context) {
    // Every command records a decision or a fact that has already happened.
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    switch (command.type) {
      case 'ScheduleActivity':
        return scheduleActivity(command, state);
      case 'RescheduleActivity':
        return rescheduleActivity(command, state);
      case 'CancelActivity':
        return cancelActivity(command, state);
      case 'ContestActivityCancellation':
        return contestActivityCancellation(command, state);
      case 'HoldActivity':
        return holdActivity(command, state, context);
      case 'RegisterCarerForActivity':
        return registerCarerForActivity(command, state);
      case 'CancelActivityRegistration':
        return cancelActivityRegistration(command, state);
      case 'RecordCarerAttendance':
        return recordCarerAttendance(command, state);
      case 'RecordPartnerAttendance':
        return recordPartnerAttendance(command, state);
      case 'RecordUnderstandingQuiz':
        return recordUnderstandingQuiz(command, state);
      case 'RecordSatisfactionResponse':
        return recordSatisfactionResponse(command, state);
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
      case 'ActivityCancellationContested':
        return state;
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
