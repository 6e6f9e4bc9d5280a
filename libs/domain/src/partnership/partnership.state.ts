import type { CoordinationMeetingFormat, PartnerRole, PartnershipEvent } from './partnership.events.js';

export interface CoordinationMeetingState {
  readonly status: 'planned' | 'held' | 'missed';
  readonly scheduledFor: string;
  readonly format: CoordinationMeetingFormat;
}

/** Maps, not Records: caller-chosen ids must never collide with Object.prototype keys. */
export interface FormedPartnership {
  readonly status: 'formed';
  /** Current partners only; an organisation that left is absent until it joins again. */
  readonly partners: ReadonlyMap<string, PartnerRole>;
  /** Current members, keyed by pseudonymous member id, with their organisation. */
  readonly members: ReadonlyMap<string, string>;
  readonly meetings: ReadonlyMap<string, CoordinationMeetingState>;
  readonly concerns: ReadonlyMap<string, 'raised' | 'resolved'>;
}

/** A partnership exists from the moment its first organisation joins. */
export type PartnershipState = { readonly status: 'unknown' } | FormedPartnership;

export const initialPartnershipState: PartnershipState = { status: 'unknown' };

const withEntry = <V>(map: ReadonlyMap<string, V>, key: string, value: V) => new Map(map).set(key, value);
const withoutEntry = <V>(map: ReadonlyMap<string, V>, key: string) => {
  const copy = new Map(map);
  copy.delete(key);
  return copy;
};

export function evolvePartnership(state: PartnershipState, event: PartnershipEvent): PartnershipState {
  if (event.type === 'OrganisationJoinedPartnership') {
    const base: FormedPartnership =
      state.status === 'formed'
        ? state
        : { status: 'formed', partners: new Map(), members: new Map(), meetings: new Map(), concerns: new Map() };
    return { ...base, partners: withEntry(base.partners, event.data.organisationId, event.data.partnerRole) };
  }
  if (state.status !== 'formed') return state;
  switch (event.type) {
    case 'OrganisationLeftPartnership': {
      const { organisationId } = event.data;
      const members = new Map(
        [...state.members].filter(([, memberOrganisation]) => memberOrganisation !== organisationId),
      );
      return { ...state, partners: withoutEntry(state.partners, organisationId), members };
    }
    case 'PartnerMemberAdded':
      return { ...state, members: withEntry(state.members, event.data.memberId, event.data.organisationId) };
    case 'PartnerMemberRemoved':
      return { ...state, members: withoutEntry(state.members, event.data.memberId) };
    case 'PartnerRolesClarified':
    case 'PartnerRolesFoundUnclear':
      return state;
    case 'CoordinationMeetingPlanned': {
      const { meetingId, scheduledFor, format } = event.data;
      return { ...state, meetings: withEntry(state.meetings, meetingId, { status: 'planned', scheduledFor, format }) };
    }
    case 'CoordinationMeetingRescheduled': {
      const { meetingId, scheduledFor, format } = event.data;
      return { ...state, meetings: withEntry(state.meetings, meetingId, { status: 'planned', scheduledFor, format }) };
    }
    case 'CoordinationMeetingHeld':
    case 'CoordinationMeetingMissed': {
      const meeting = state.meetings.get(event.data.meetingId);
      if (!meeting) return state;
      const status = event.type === 'CoordinationMeetingHeld' ? 'held' : 'missed';
      return { ...state, meetings: withEntry(state.meetings, event.data.meetingId, { ...meeting, status }) };
    }
    case 'CoordinationConcernRaised':
      return { ...state, concerns: withEntry(state.concerns, event.data.concernId, 'raised') };
    case 'CoordinationConcernResolved':
      return { ...state, concerns: withEntry(state.concerns, event.data.concernId, 'resolved') };
  }
}
