import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '#event-store';
import { DEFAULT_WARNING_THRESHOLDS } from './rules/index.js';
import { cancel, launch, observeBarrier, schedule, tick } from './testing/warning-events.js';
import type { HistoryEvent } from './testing/warnings-harness.js';
import { applyWarningEvent, WARNING_EVENT_TYPES } from './warning-fold.js';
import { ProjectState } from './warning-project-state.js';

/**
 * The subscription as it was written by hand before the handlers were typed: every event type whose
 * data names its project. The derived one must not lose any (a lost type stops moving the clock).
 */
const SUBSCRIBED_BEFORE = [
  'ProjectLaunched',
  'ProjectPhaseStarted',
  'PilotExtended',
  'ProjectTargetsRevised',
  'CarerRegistered',
  'CarerPersonalDataUpdated',
  'CarerPersonalDataErased',
  'CarerConsentGiven',
  'CarerConsentWithdrawn',
  'CarerInvited',
  'CarerInvitationAccepted',
  'CarerInvitationDeclined',
  'CarerWithdrewFromProject',
  'ActivityScheduled',
  'ActivityRescheduled',
  'ActivityCancelled',
  'ActivityHeld',
  'CarerRegisteredForActivity',
  'ActivityRegistrationCancelled',
  'CarerAttendedActivity',
  'PartnerRepresentativeAttendedActivity',
  'UnderstandingQuizAnswered',
  'SatisfactionSurveyAnswered',
  'CommitteeGoalDefined',
  'CommitteeGoalAssessed',
  'CommitteeGoalReassessed',
  'CommitteeBecameSelfOrganising',
  'InformationChannelRegistered',
  'ChannelReadingRecorded',
  'NewPatientInformed',
  'InformationChannelRetired',
  'DecisionTaken',
  'DecisionContested',
  'DecisionRevised',
  'SuggestionMade',
  'SuggestionAdopted',
  'SuggestionDeclined',
  'SuggestionImplemented',
  'OrganisationJoinedPartnership',
  'OrganisationLeftPartnership',
  'PartnerMemberAdded',
  'PartnerMemberRemoved',
  'PartnerRolesClarified',
  'PartnerRolesFoundUnclear',
  'CoordinationMeetingPlanned',
  'CoordinationMeetingHeld',
  'CoordinationMeetingMissed',
  'CoordinationMeetingRescheduled',
  'CoordinationConcernRaised',
  'CoordinationConcernResolved',
  'InterviewRecorded',
  'WorkshopRecorded',
  'ReflexiveNoteRecorded',
  'ObservationCoded',
  'BarrierObserved',
  'AdjustmentActionTaken',
  'BarrierResolved',
  'BarrierReopened',
];

const P = 'p1';

/** Events as the store would hand them over, in the given order. */
const recorded = (history: readonly HistoryEvent[]): RecordedEvent[] =>
  history.map(({ streamId, event }, index) => ({
    ...event,
    streamId,
    revision: 0n,
    position: { commit: BigInt(index + 1), prepare: BigInt(index + 1) },
    recordedAt: new Date('2025-12-01T00:00:00.000Z'),
  }));

function fold(history: readonly HistoryEvent[]): ProjectState {
  const project = new ProjectState(P, DEFAULT_WARNING_THRESHOLDS);
  for (const event of recorded(history)) applyWarningEvent(project, event);
  return project;
}

/** Event types added since, each naming its project: they move the clock without a handler of their own. */
const ADDED_SINCE = [
  'ActivityCancellationContested',
  // The carer request aggregate (CARER_REQUESTS_NOT_MET reads the made and declined ones).
  'CarerRequestMade',
  'CarerRequestMet',
  'CarerRequestDeclined',
  // Added by the evidence inventory and the information-channel readings (same issue round).
  'CollectionRoundRecorded',
  'NewPatientsChecked',
  // A survey instrument's response outside any activity names its project (it moves the clock).
  'InstrumentResponseRecorded',
];

describe('warnings fold', () => {
  it('subscribes to every event type that names its project, as the hand-written list did', () => {
    expect([...WARNING_EVENT_TYPES].sort()).toEqual([...SUBSCRIBED_BEFORE, ...ADDED_SINCE].sort());
  });

  it('folds and judges in memory, event by event, without a database', () => {
    const project = fold([
      launch(P, '2025-01-01'),
      schedule(P, 'a1', '2025-02-12T15:00:00.000Z', '2025-01-20'),
      cancel(P, 'a1', '2025-02-10', false),
      observeBarrier(P, 'b1', '2025-02-11'),
      // 60 days after the barrier was observed: any event of the project passes the deadline.
      tick(P, '2025-04-12'),
      // A late entry never moves the clock back.
      tick(P, '2025-03-01'),
    ]);
    expect(project.settings.clock).toBe(Date.parse('2025-04-12T12:00:00.000Z'));
    expect(project.activities.get('a1')).toMatchObject({ status: 'cancelled', carersConsulted: false });
    expect([...project.open.values()].map((w) => [w.rule, w.subject_id, w.raised_at])).toEqual([
      ['carers_not_consulted', 'a1', '2025-02-10T12:00:00.000Z'],
      ['barrier_open_too_long', 'b1', '2025-04-12T12:00:00.000Z'],
    ]);
  });
});
