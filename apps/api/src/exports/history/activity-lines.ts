import type {
  ActivityEvent,
  CommitteeEvent,
  InformationChannelEvent,
  InstrumentResponseEvent,
  SurveyInstrumentEvent,
} from '#domain';
import type { HistoryEntries } from './history-entry.js';
import { UnsayableField } from './history.errors.js';

/** What the project does with carers: instruments, activities, the committee and information channels. */
export const ACTIVITY_LINES: HistoryEntries<
  | SurveyInstrumentEvent['type']
  | InstrumentResponseEvent['type']
  | ActivityEvent['type']
  | CommitteeEvent['type']
  | InformationChannelEvent['type']
> = {
  SurveyInstrumentRegistered: {
    mutation: 'registerSurveyInstrument',
    input: ({ instrumentId, name, description, measures, itemCount, scale, respondents, items }) => ({
      instrumentId,
      name,
      description,
      measures,
      itemCount,
      scale: {
        minimum: scale.minimum,
        maximum: scale.maximum,
        labels: scale.labels === null ? null : scale.labels.map(({ value, label }) => ({ value, label })),
      },
      respondents,
      items: items === null ? null : [...items],
    }),
  },
  SurveyInstrumentRetired: {
    mutation: 'retireSurveyInstrument',
    input: ({ instrumentId, reason }) => ({ instrumentId, reason }),
  },
  // The item ids and scale come back from the instrument; a partner member's organisation from the partnership.
  InstrumentResponseRecorded: {
    mutation: 'recordInstrumentResponse',
    input: ({ responseId, projectId, instrumentId, respondent, answers }) => ({
      responseId,
      projectId,
      instrumentId,
      ...(respondent.kind === 'carer' ? { carerId: respondent.carerId } : { memberId: respondent.memberId }),
      answers: [...answers],
    }),
  },
  ActivityScheduled: {
    mutation: 'scheduleActivity',
    input: (data) => ({
      activityId: data.activityId,
      projectId: data.projectId,
      kind: data.kind,
      topic: data.topic,
      scheduledFor: data.scheduledFor,
      place: data.place,
      facilitatorMemberId: data.facilitatorMemberId,
      organisingOrganisationId: data.organisingOrganisationId,
    }),
  },
  ActivityRescheduled: {
    mutation: 'rescheduleActivity',
    input: ({ activityId, scheduledFor, place, reason }) => ({ activityId, scheduledFor, place, reason }),
  },
  ActivityCancelled: {
    mutation: 'cancelActivity',
    input: ({ activityId, reason, note, decidedByOrganisationId, decidedByRole, carersConsulted }) => {
      // Only a cancellation stored at version 1 holds these (activity.upcasters.ts): the facts were
      // never recorded, and cancelActivity cannot record them as unknown.
      if (decidedByRole === 'unknown')
        throw new UnsayableField('decidedByRole', 'the cancellation never recorded who decided it');
      if (carersConsulted === null)
        throw new UnsayableField('carersConsulted', 'the cancellation never recorded whether carers were consulted');
      return { activityId, reason, note, decidedByOrganisationId, decidedByRole, carersConsulted };
    },
  },
  ActivityCancellationContested: {
    mutation: 'contestActivityCancellation',
    input: ({ activityId, contestedByRole, contestedByCarerId, grounds }) => ({
      activityId,
      contestedByRole,
      contestedByCarerId,
      grounds,
    }),
  },
  ActivityHeld: {
    mutation: 'holdActivity',
    input: ({ activityId, startedAt, durationMinutes, audioRecorded }) => ({
      activityId,
      startedAt,
      durationMinutes,
      audioRecorded,
    }),
  },
  CarerRegisteredForActivity: {
    mutation: 'registerCarerForActivity',
    input: ({ activityId, carerId }) => ({ activityId, carerId }),
  },
  ActivityRegistrationCancelled: {
    mutation: 'cancelActivityRegistration',
    input: ({ activityId, carerId }) => ({ activityId, carerId }),
  },
  CarerAttendedActivity: {
    mutation: 'recordCarerAttendance',
    input: ({ activityId, carerId }) => ({ activityId, carerId }),
  },
  PartnerRepresentativeAttendedActivity: {
    mutation: 'recordPartnerAttendance',
    input: ({ activityId, organisationId, memberId }) => ({ activityId, organisationId, memberId }),
  },
  UnderstandingQuizAnswered: {
    mutation: 'recordUnderstandingQuiz',
    input: ({ activityId, carerId, phase, questionsAsked, correctAnswers }) => ({
      activityId,
      carerId,
      phase,
      questionsAsked,
      correctAnswers,
    }),
  },
  // The item ids and scale come back from the instrument, which the target holds by then.
  SatisfactionSurveyAnswered: {
    mutation: 'recordSatisfactionResponse',
    input: ({ activityId, carerId, instrumentId, answers }) => ({
      activityId,
      carerId,
      instrumentId,
      answers: [...answers],
    }),
  },
  CommitteeGoalDefined: {
    mutation: 'defineCommitteeGoal',
    input: ({ projectId, goalId, description }) => ({ projectId, goalId, description }),
  },
  CommitteeGoalAssessed: {
    mutation: 'assessCommitteeGoal',
    input: ({ projectId, goalId, outcome, note }) => ({ projectId, goalId, outcome, note }),
  },
  CommitteeGoalReassessed: {
    mutation: 'reassessCommitteeGoal',
    input: ({ projectId, goalId, outcome, note, reason }) => ({ projectId, goalId, outcome, note, reason }),
  },
  CommitteeBecameSelfOrganising: {
    mutation: 'recordCommitteeSelfOrganising',
    input: ({ projectId, note }) => ({ projectId, note }),
  },
  InformationChannelRegistered: {
    mutation: 'registerInformationChannel',
    input: ({ channelId, projectId, kind, name }) => ({ channelId, projectId, kind, name }),
  },
  ChannelReadingRecorded: {
    mutation: 'recordChannelReading',
    input: ({ channelId, periodStart, periodEnd, readingKind, likes, visits, downloads, shares }) => ({
      channelId,
      periodStart,
      periodEnd,
      readingKind,
      likes,
      visits,
      downloads,
      shares,
    }),
  },
  // informedOn is the command's occurredAt, which the line carries.
  NewPatientInformed: {
    mutation: 'recordNewPatientInformed',
    input: ({ channelId, providerOrganisationId, patientRef }) => ({ channelId, providerOrganisationId, patientRef }),
  },
  NewPatientsChecked: {
    mutation: 'recordNewPatientsChecked',
    input: ({ channelId, periodStart, periodEnd }) => ({ channelId, periodStart, periodEnd }),
  },
  InformationChannelRetired: {
    mutation: 'retireInformationChannel',
    input: ({ channelId, reason }) => ({ channelId, reason }),
  },
};
