import type { DecisionContext } from '../shared/decider.js';
import { requireNotInFuture, requireValidDate } from '../shared/guards.js';
import { sharedError } from '../shared/shared.reasons.js';
import type { PartnerRole } from './partnership.events.js';
import { partnershipError } from './partnership.reasons.js';
import type { CoordinationMeetingState, FormedPartnership, PartnershipState } from './partnership.state.js';

/**
 * A member id is a pseudonym: letters, digits and `_ - . :` only, so a name ("Maria Rossi") or an
 * e-mail address cannot slip into the event stream as an id.
 */
export function requirePseudonymousId(field: string, value: string): string {
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(value)) {
    throw sharedError('NOT_PSEUDONYMOUS', `${field} must be a pseudonymous id (letters, digits, _ - . :)`, { field });
  }
  return value;
}

export function requireListSize<T>(field: string, values: readonly T[], min: number, max: number): readonly T[] {
  if (values.length < min || values.length > max) {
    throw sharedError('OUT_OF_RANGE', `${field} must list from ${min} to ${max} items`, { field, min, max });
  }
  return values;
}

export function requireDistinct(field: string, values: readonly string[]): readonly string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const key = value.toLowerCase();
    if (seen.has(key)) throw partnershipError('DUPLICATE', `${field} lists ${value} twice`, { field });
    seen.add(key);
  }
  return values;
}

/** Commands that record something that happened must not claim it happened after now. */
export function requireHappened(context: DecisionContext): void {
  requireNotInFuture('occurredAt', context.occurredAt, context.now);
}

export const isoDate = (field: string, value: string) => requireValidDate(field, new Date(value)).toISOString();

export function formed(state: PartnershipState, projectId: string): FormedPartnership {
  if (state.status === 'unknown') {
    throw partnershipError(
      'PARTNERSHIP_NOT_FOUND',
      `No organisation has joined the partnership of project ${projectId}`,
    );
  }
  return state;
}

export function requirePartner(state: FormedPartnership, organisationId: string): PartnerRole {
  const role = state.partners.get(organisationId);
  if (!role) {
    throw partnershipError(
      'ORGANISATION_NOT_PARTNER',
      `Organisation ${organisationId} is not a partner of the project`,
      { organisationId },
    );
  }
  return role;
}

/** A meeting is held or missed once; after either it is history and cannot change. */
export function requireOpenMeeting(state: FormedPartnership, meetingId: string): CoordinationMeetingState {
  const meeting = state.meetings.get(meetingId);
  if (!meeting) throw partnershipError('MEETING_NOT_FOUND', `Coordination meeting ${meetingId} was never planned`);
  if (meeting.status === 'held') {
    throw partnershipError('MEETING_ALREADY_HELD', `Meeting ${meetingId} was already held`);
  }
  if (meeting.status === 'missed') {
    throw partnershipError('MEETING_ALREADY_MISSED', `Meeting ${meetingId} was already missed`);
  }
  return meeting;
}
