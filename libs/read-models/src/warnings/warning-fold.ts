import {
  ACTIVITY_EVENT_TYPES,
  BARRIER_EVENT_TYPES,
  CARER_EVENT_TYPES,
  CARER_REQUEST_EVENT_TYPES,
  COMMITTEE_EVENT_TYPES,
  DECISION_EVENT_TYPES,
  EVIDENCE_EVENT_TYPES,
  INFORMATION_CHANNEL_EVENT_TYPES,
  INSTRUMENT_RESPONSE_EVENT_TYPES,
  PARTNERSHIP_EVENT_TYPES,
  PROJECT_EVENT_TYPES,
  SUGGESTION_EVENT_TYPES,
  type PlatformEvent,
  type ProjectEventType,
} from '#domain';
import type { RecordedEvent } from '#event-store';
import { eventHandlers, sameHandler } from '#projections';
import { normalisedScore } from '../signals/index.js';
import { CLOCK_RULES, DUE_RULES, RULES_BY_EVENT } from './rules/index.js';
import type { ProjectTargets } from './rules/warning-rules.js';
import type { ProjectState } from './warning-project-state.js';
import { str } from '../shared/index.js';

/**
 * Every event of the aggregates whose events name their project. All of them move the project's
 * clock, so "a barrier open longer than N days" is noticed on whatever happens next in the project
 * (docs/warnings.md, rule 4); `sameHandler` refuses a type whose data has no `projectId`.
 */
const PROJECT_AGGREGATE_EVENT_TYPES = [
  ...PROJECT_EVENT_TYPES,
  ...CARER_EVENT_TYPES,
  ...ACTIVITY_EVENT_TYPES,
  ...COMMITTEE_EVENT_TYPES,
  ...INFORMATION_CHANNEL_EVENT_TYPES,
  ...DECISION_EVENT_TYPES,
  ...SUGGESTION_EVENT_TYPES,
  ...CARER_REQUEST_EVENT_TYPES,
  ...PARTNERSHIP_EVENT_TYPES,
  ...EVIDENCE_EVENT_TYPES,
  ...BARRIER_EVENT_TYPES,
  ...INSTRUMENT_RESPONSE_EVENT_TYPES,
];

/** Moving the clock is done for every event before its handler runs (ProjectState.tick). */
const onlyMovesTheClock = () => undefined;

/**
 * How each event changes a project's state (the rules are judged afterwards, see
 * `applyWarningEvent`). The handlers keep the guards of stored JSON that may predate a field.
 */
const FOLD = eventHandlers<PlatformEvent, ProjectState>({
  ...sameHandler<PlatformEvent, ProjectState, void, ProjectEventType>(PROJECT_AGGREGATE_EVENT_TYPES, onlyMovesTheClock),
  ProjectLaunched: ({ data, occurredAt }, project) => {
    const settings = project.settings;
    const at = occurredAt.getTime();
    settings.territoryId = str(data.territoryId);
    settings.eligibleCarers = typeof data.eligibleCarers === 'number' ? data.eligibleCarers : null;
    settings.startsOn = time(data.startsOn);
    if (settings.pilotMonthsAt === null && typeof data.pilotMonths === 'number') {
      settings.pilotMonths = data.pilotMonths;
      settings.pilotMonthsAt = at;
    }
    if (settings.targetsAt === null && isTargets(data.targets)) {
      settings.targets = data.targets;
      settings.targetsAt = at;
    }
    project.settingsChanged();
  },
  // The latest dated revision or extension wins, whatever the order it was recorded in.
  ProjectTargetsRevised: ({ data, occurredAt }, project) => {
    const settings = project.settings;
    const at = occurredAt.getTime();
    if (isTargets(data.targets) && (settings.targetsAt === null || at >= settings.targetsAt)) {
      settings.targets = data.targets;
      settings.targetsAt = at;
      project.settingsChanged();
    }
  },
  PilotExtended: ({ data, occurredAt }, project) => {
    const settings = project.settings;
    const at = occurredAt.getTime();
    if (typeof data.pilotMonths === 'number' && (settings.pilotMonthsAt === null || at >= settings.pilotMonthsAt)) {
      settings.pilotMonths = data.pilotMonths;
      settings.pilotMonthsAt = at;
      project.settingsChanged();
    }
  },
  ActivityScheduled: ({ data }, project) =>
    project.activity(data.activityId, (activity) => {
      activity.kind = str(data.kind);
      activity.scheduledFor = time(data.scheduledFor);
    }),
  ActivityRescheduled: ({ data }, project) =>
    project.activity(data.activityId, (activity) => {
      activity.scheduledFor = time(data.scheduledFor) ?? activity.scheduledFor;
    }),
  ActivityCancelled: ({ data, occurredAt }, project) =>
    project.activity(data.activityId, (activity) => {
      activity.status = 'cancelled';
      activity.decidedAt = occurredAt.getTime();
      activity.carersConsulted = typeof data.carersConsulted === 'boolean' ? data.carersConsulted : null;
    }),
  ActivityHeld: ({ data, occurredAt }, project) =>
    project.activity(data.activityId, (activity) => {
      activity.status = 'held';
      activity.decidedAt = occurredAt.getTime();
    }),
  CarerAttendedActivity: ({ data, occurredAt }, project) => {
    const carerId = str(data.carerId);
    if (carerId !== null) project.attended(carerId, occurredAt.getTime());
  },
  SatisfactionSurveyAnswered: (event, project) => {
    const score = normalisedScore(event.data.answers, event.data.scaleMax);
    if (score !== null) project.response(event, 'satisfaction', score, 1);
  },
  UnderstandingQuizAnswered: (event, project) => {
    const { phase, correctAnswers, questionsAsked } = event.data;
    if (
      phase === 'after' &&
      typeof correctAnswers === 'number' &&
      typeof questionsAsked === 'number' &&
      questionsAsked > 0
    ) {
      project.response(event, 'understanding', correctAnswers, questionsAsked);
    }
  },
  DecisionTaken: ({ data }, project) => {
    project.decisions.set(data.decisionId, {
      affectsCarers: data.affectsCarers === true,
      carersConsulted: data.carersConsulted === true,
      activityIds: [...data.activityIds],
    });
    project.changed('decisions', data.decisionId);
  },
  DecisionRevised: ({ data }, project) => {
    const decision = project.decisions.get(data.decisionId);
    if (decision && typeof data.carersConsulted === 'boolean') {
      decision.carersConsulted = data.carersConsulted;
      project.changed('decisions', data.decisionId);
    }
  },
  BarrierObserved: ({ data, occurredAt }, project) => {
    project.barriers.set(data.barrierId, { code: str(data.code), open: true, openSince: occurredAt.getTime() });
    project.changed('barriers', data.barrierId);
  },
  BarrierResolved: ({ data }, project) => {
    const barrier = project.barriers.get(data.barrierId);
    if (barrier) {
      barrier.open = false;
      project.changed('barriers', data.barrierId);
    }
  },
  CoordinationMeetingPlanned: ({ data }, project) =>
    project.meeting(data.meetingId, (meeting) => {
      meeting.scheduledFor = time(data.scheduledFor) ?? meeting.scheduledFor;
    }),
  CoordinationMeetingRescheduled: ({ data }, project) =>
    project.meeting(data.meetingId, (meeting) => {
      meeting.scheduledFor = time(data.scheduledFor) ?? meeting.scheduledFor;
    }),
  CoordinationMeetingHeld: ({ data, occurredAt }, project) =>
    project.meeting(data.meetingId, (meeting) => {
      meeting.status = 'held';
      meeting.decidedAt = occurredAt.getTime();
    }),
  CoordinationMeetingMissed: ({ data, occurredAt }, project) =>
    project.meeting(data.meetingId, (meeting) => {
      meeting.status = 'missed';
      meeting.decidedAt = occurredAt.getTime();
    }),
  OrganisationJoinedPartnership: ({ data, occurredAt }, project) =>
    project.partner(data.organisationId, (partner) => {
      partner.member = true;
      // A partner that joins (again) without clarified roles is unclear from now.
      if (partner.clarityAt === null || partner.unclearSince !== null) {
        partner.unclearSince = occurredAt.getTime();
      }
    }),
  OrganisationLeftPartnership: ({ data }, project) =>
    project.partner(data.organisationId, (partner) => {
      partner.member = false;
    }),
  // The latest dated clarification or finding wins, whatever the order it was recorded in.
  PartnerRolesClarified: ({ data, occurredAt }, project) =>
    project.partner(data.organisationId, (partner) => {
      const at = occurredAt.getTime();
      if (partner.clarityAt !== null && at < partner.clarityAt) return;
      partner.clarityAt = at;
      partner.unclearSince = null;
    }),
  PartnerRolesFoundUnclear: ({ data, occurredAt }, project) =>
    project.partner(data.organisationId, (partner) => {
      const at = occurredAt.getTime();
      if (partner.clarityAt !== null && at < partner.clarityAt) return;
      partner.clarityAt = at;
      // Never clarified: still unclear since joining; clarified before: unclear again from now.
      if (partner.unclearSince === null) partner.unclearSince = at;
    }),
  SuggestionMade: ({ data }, project) =>
    project.suggestion(data.suggestionId, (suggestion) => {
      suggestion.byCarer = data.suggestedByRole === 'carer';
    }),
  SuggestionDeclined: ({ data, occurredAt }, project) =>
    project.suggestion(data.suggestionId, (suggestion) => {
      suggestion.declinedAt = occurredAt.getTime();
      suggestion.declineReason = str(data.reason);
    }),
  CarerInvited: ({ data, occurredAt }, project) =>
    project.invitation(data.invitationId, (invitation) => {
      invitation.invitedAt = occurredAt.getTime();
    }),
  CarerInvitationDeclined: ({ data, occurredAt }, project) =>
    project.invitation(data.invitationId, (invitation) => {
      invitation.declinedAt = occurredAt.getTime();
      invitation.declineReason = str(data.reason);
    }),
  CarerInvitationAccepted: ({ data, occurredAt }, project) => {
    const carerId = str(data.carerId);
    if (carerId !== null) project.joined(carerId, occurredAt.getTime(), str(data.channel));
  },
  CoordinationConcernRaised: ({ data, occurredAt }, project) =>
    project.concern(data.concernId, (concern) => {
      concern.category = str(data.category);
      concern.raisedByOrganisationId = str(data.raisedByOrganisationId);
      concern.raisedAt = occurredAt.getTime();
    }),
  CoordinationConcernResolved: ({ data }, project) =>
    project.concern(data.concernId, (concern) => {
      concern.resolved = true;
    }),
  CarerRequestMade: ({ data }, project) =>
    project.carerRequest(data.requestId, (request) => {
      request.category = str(data.category);
    }),
  CarerRequestDeclined: ({ data, occurredAt }, project) =>
    project.carerRequest(data.requestId, (request) => {
      request.declinedAt = occurredAt.getTime();
      request.cannotMeetBecause = str(data.cannotMeetBecause);
    }),
  BarrierReopened: ({ data, occurredAt }, project) => {
    const barrier = project.barriers.get(data.barrierId);
    if (barrier && !barrier.open) {
      barrier.open = true;
      barrier.openSince = occurredAt.getTime();
      project.changed('barriers', data.barrierId);
    }
  },
});

/**
 * Checked by the compiler: every event type whose data names its project is folded, so moves the
 * clock. A new one outside the aggregates above fails here, naming it.
 */
type ProjectAggregateEventType = (typeof PROJECT_AGGREGATE_EVENT_TYPES)[number];
const _everyProjectEventMovesTheClock: [Exclude<ProjectEventType, ProjectAggregateEventType>] extends [never]
  ? true
  : { missing: Exclude<ProjectEventType, ProjectAggregateEventType> } = true;

/** The event types the warnings projection subscribes to: those of the fold. */
export const WARNING_EVENT_TYPES: readonly string[] = FOLD.eventTypes;

/** Folds one event (of this project) into its state, then judges the rules it may affect. */
export function applyWarningEvent(project: ProjectState, event: RecordedEvent): void {
  const trigger = project.tick(event);
  // A barrier (or a partner's roles) overdue by the time of this event is raised before the event
  // can resolve it: at its due moment, which history shows passed.
  for (const rule of DUE_RULES) project.judgeOnChange(rule, trigger);
  FOLD.handle(event, project);
  for (const check of RULES_BY_EVENT.handle(event, project) ?? []) project.judge(check(project, trigger), trigger);
  for (const rule of CLOCK_RULES) project.judgeOnChange(rule, trigger);
}

function isTargets(value: unknown): value is ProjectTargets {
  if (!value || typeof value !== 'object') return false;
  const targets = value as Record<string, unknown>;
  return ['reachShare', 'trainingCoursesPerMonth', 'peerMeetingsPerMonth', 'committeeEveryMonths'].every(
    (key) => typeof targets[key] === 'number',
  );
}

function time(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
