import type { PlatformEvent } from '#domain';
import { eventHandlers } from '#projections';
import type { ProjectView } from '../warning-project-view.js';
import { barrierResolved, barriersOpenTooLong } from './barrier-open-too-long.js';
import { cadenceOutOfReach } from './cadence-out-of-reach.js';
import { cancellationsInARow } from './cancellations-in-a-row.js';
import { cancellationWithoutCarers, decisionWithoutCarers } from './carers-not-consulted.js';
import { coordinationMeetingsMissedInARow } from './coordination-meetings-missed.js';
import { cancellationContested, decisionContested, decisionRevisited } from './decisions-contested.js';
import { rolesSettled, rolesUnclarified } from './roles-unclarified.js';
import { mistrustRefusals } from './mistrust-refusals.js';
import { newcomersOnlyByWordOfMouth } from './newcomers-word-of-mouth.js';
import { meetingFormatConcernResolved, meetingFormatConcernsUnresolved } from './meeting-format-concerns.js';
import { carerRequestsNotMet } from './carer-requests-not-met.js';
import { suggestionsDeclinedNotFeasible } from './suggestions-declined.js';
import { reachOutOfReach } from './reach-out-of-reach.js';
import { satisfactionBelowTarget, understandingBelowTarget } from './responses-below-target.js';
import { CADENCE_KINDS } from './warning-rules.js';
import { stateRule, type StateRule, type WarningCheck } from './warning-verdicts.js';

export * from './warning-rules.js';
export * from './warning-verdicts.js';
export * from './carers-not-consulted.js';
export * from './cancellations-in-a-row.js';
export * from './signal-drop.js';
export * from './barrier-open-too-long.js';
export * from './reach-out-of-reach.js';
export * from './cadence-out-of-reach.js';
export * from './responses-below-target.js';
export * from './decisions-contested.js';
export * from './coordination-meetings-missed.js';
export * from './suggestions-declined.js';
export * from './roles-unclarified.js';
export * from './trailing-window.js';
export * from './mistrust-refusals.js';
export * from './newcomers-word-of-mouth.js';
export * from './meeting-format-concerns.js';
export * from './carer-requests-not-met.js';

/**
 * The rules an event may change besides those on the clock, by event type, judged once the event
 * is folded into the project's state (in this order).
 */
export const RULES_BY_EVENT = eventHandlers<PlatformEvent, ProjectView, readonly WarningCheck[]>({
  ActivityRescheduled: () => [cancellationsInARow],
  ActivityCancelled: (event) => [cancellationWithoutCarers(event.data), cancellationsInARow],
  ActivityHeld: () => [cancellationsInARow],
  ActivityCancellationContested: (event) => [cancellationContested(event.data)],
  DecisionTaken: (event) => [
    decisionWithoutCarers(event.data.decisionId),
    decisionRevisited(event.data.decisionId, false),
  ],
  DecisionContested: (event) => [decisionContested(event.data)],
  // Only a revision that says whether the carers were consulted changes the decision; any revision
  // answers the carers' contest of it.
  DecisionRevised: ({ data }, project) =>
    project.decisions.has(data.decisionId)
      ? [
          ...(typeof data.carersConsulted === 'boolean' ? [decisionWithoutCarers(data.decisionId)] : []),
          decisionRevisited(data.decisionId, true),
        ]
      : [],
  BarrierResolved: (event) => [barrierResolved(event.data.barrierId)],
  CoordinationMeetingRescheduled: () => [coordinationMeetingsMissedInARow],
  CoordinationMeetingHeld: () => [coordinationMeetingsMissedInARow],
  CoordinationMeetingMissed: () => [coordinationMeetingsMissedInARow],
  PartnerRolesClarified: (event) => [rolesSettled(event.data.organisationId)],
  OrganisationLeftPartnership: (event) => [rolesSettled(event.data.organisationId)],
  CoordinationConcernResolved: (event) => [meetingFormatConcernResolved(event.data.concernId)],
});

/**
 * The rules with a due moment (raised at it, whichever later event notices it), judged before each
 * event is folded as well as after: an event dated after the due moment that clears the condition
 * (a barrier resolved, roles clarified) finds the warning raised first, then resolves it. The rules
 * over a trailing window are here too: something leaving the window (an accepted invitation, a
 * newcomer through the project's channels) is a due moment of theirs, which an event dated after it
 * must not hide.
 */
const BARRIERS_OPEN_TOO_LONG = stateRule(barriersOpenTooLong, 'barriers');
const ROLES_UNCLARIFIED = stateRule(rolesUnclarified, 'partners');
const MEETING_FORMAT_CONCERNS = stateRule(meetingFormatConcernsUnresolved, 'concerns');
const MISTRUST_REFUSALS = stateRule(mistrustRefusals, 'invitations');
const NEWCOMERS_BY_WORD_OF_MOUTH = stateRule(newcomersOnlyByWordOfMouth, 'newcomers');

export const DUE_RULES: readonly StateRule[] = [
  BARRIERS_OPEN_TOO_LONG,
  ROLES_UNCLARIFIED,
  MEETING_FORMAT_CONCERNS,
  MISTRUST_REFUSALS,
  NEWCOMERS_BY_WORD_OF_MOUTH,
];

/**
 * The rules on the project's state and clock, judged after every event (any event of the project
 * moves its clock). Rule 3, the signal drop, is computed at query time (signal-drop.ts).
 */
export const CLOCK_RULES: readonly StateRule[] = [
  BARRIERS_OPEN_TOO_LONG,
  ROLES_UNCLARIFIED,
  stateRule(suggestionsDeclinedNotFeasible, 'suggestions'),
  MEETING_FORMAT_CONCERNS,
  MISTRUST_REFUSALS,
  NEWCOMERS_BY_WORD_OF_MOUTH,
  stateRule(carerRequestsNotMet, 'carerRequests'),
  stateRule(reachOutOfReach, 'settings', 'carers', 'carersPerMonth'),
  ...CADENCE_KINDS.map((kind) => stateRule(cadenceOutOfReach(kind), 'settings', 'activities')),
  stateRule(satisfactionBelowTarget, 'settings', 'responses'),
  stateRule(understandingBelowTarget, 'settings', 'responses'),
];
