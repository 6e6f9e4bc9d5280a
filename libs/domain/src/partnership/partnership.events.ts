import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';

export const PARTNER_ROLES = [
  'lead',
  'research_partner',
  'service_provider',
  'promoter',
  'funder',
  'practitioner',
] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const PARTNER_MEMBER_ROLES = [
  'coordinator',
  'researcher',
  'care_professional',
  'psychologist',
  'facilitator',
  'social_worker',
  'gp',
  'administrator',
] as const;
export type PartnerMemberRole = (typeof PARTNER_MEMBER_ROLES)[number];

export const COORDINATION_MEETING_FORMATS = ['in_person', 'video_call', 'phone'] as const;
export type CoordinationMeetingFormat = (typeof COORDINATION_MEETING_FORMATS)[number];

export const COORDINATION_CONCERN_CATEGORIES = [
  'unclear_roles',
  'coordination',
  'communication',
  'meeting_format',
  'workload',
  'other',
] as const;
export type CoordinationConcernCategory = (typeof COORDINATION_CONCERN_CATEGORIES)[number];

// The facts a command asks for and its event records, where they are the same: the command is the
// intent, the event the fact, and either may extend the shared type when they come to differ.

export type PartnerJoining = { projectId: string; organisationId: string; partnerRole: PartnerRole };
export type PartnerDeparture = { projectId: string; organisationId: string; reason: string | null };
/** Members are known only by a pseudonymous id: no names or contact details in the partnership. */
export type PartnerMembership = {
  projectId: string;
  organisationId: string;
  memberId: string;
  memberRole: PartnerMemberRole;
};
export type PartnerRoleClarification = { projectId: string; organisationId: string; responsibilities: string[] };
export type UnclearPartnerRolesFinding = { projectId: string; organisationId: string; note: string };

export type CoordinationMeetingPlan = {
  projectId: string;
  meetingId: string;
  scheduledFor: string;
  format: CoordinationMeetingFormat;
  /** A free label such as "weekly" or "monthly": partners agree on their own rhythm. */
  cadence: string | null;
};

/** `format` is the one actually used, which may differ from the planned one. */
export type CoordinationMeetingAttendance = {
  projectId: string;
  meetingId: string;
  format: CoordinationMeetingFormat;
  attendingOrganisationIds: string[];
  attendingMemberIds: string[];
  durationMinutes: number | null;
};

export type MissedCoordinationMeeting = { projectId: string; meetingId: string; reason: string };

export type RaisedCoordinationConcern = {
  projectId: string;
  concernId: string;
  raisedByOrganisationId: string;
  topic: string;
  category: CoordinationConcernCategory;
};

export type CoordinationConcernResolution = { projectId: string; concernId: string; resolution: string };

export type OrganisationJoinedPartnership = DomainEvent<'OrganisationJoinedPartnership', PartnerJoining>;

/** Preceded by one PartnerMemberRemoved per member, so member counts never need this event. */
export type OrganisationLeftPartnership = DomainEvent<'OrganisationLeftPartnership', PartnerDeparture>;

export type PartnerMemberAdded = DomainEvent<'PartnerMemberAdded', PartnerMembership>;

export type PartnerMemberRemoved = DomainEvent<
  'PartnerMemberRemoved',
  { projectId: string; organisationId: string; memberId: string }
>;

/** The latest of clarified / found unclear per organisation feeds "partners with clarified roles". */
export type PartnerRolesClarified = DomainEvent<'PartnerRolesClarified', PartnerRoleClarification>;

export type PartnerRolesFoundUnclear = DomainEvent<'PartnerRolesFoundUnclear', UnclearPartnerRolesFinding>;

export type CoordinationMeetingPlanned = DomainEvent<'CoordinationMeetingPlanned', CoordinationMeetingPlan>;

export type CoordinationMeetingHeld = DomainEvent<'CoordinationMeetingHeld', CoordinationMeetingAttendance>;

export type CoordinationMeetingMissed = DomainEvent<'CoordinationMeetingMissed', MissedCoordinationMeeting>;

export type CoordinationMeetingRescheduled = DomainEvent<
  'CoordinationMeetingRescheduled',
  {
    projectId: string;
    meetingId: string;
    previouslyScheduledFor: string;
    scheduledFor: string;
    format: CoordinationMeetingFormat;
    reason: string | null;
  }
>;

export type CoordinationConcernRaised = DomainEvent<'CoordinationConcernRaised', RaisedCoordinationConcern>;

export type CoordinationConcernResolved = DomainEvent<'CoordinationConcernResolved', CoordinationConcernResolution>;

export type PartnershipEvent =
  | OrganisationJoinedPartnership
  | OrganisationLeftPartnership
  | PartnerMemberAdded
  | PartnerMemberRemoved
  | PartnerRolesClarified
  | PartnerRolesFoundUnclear
  | CoordinationMeetingPlanned
  | CoordinationMeetingHeld
  | CoordinationMeetingMissed
  | CoordinationMeetingRescheduled
  | CoordinationConcernRaised
  | CoordinationConcernResolved;

/** Every type of PartnershipEvent, at runtime (the compiler keeps it complete). */
export const PARTNERSHIP_EVENT_TYPES = eventTypesOf<PartnershipEvent>({
  OrganisationJoinedPartnership: true,
  OrganisationLeftPartnership: true,
  PartnerMemberAdded: true,
  PartnerMemberRemoved: true,
  PartnerRolesClarified: true,
  PartnerRolesFoundUnclear: true,
  CoordinationMeetingPlanned: true,
  CoordinationMeetingHeld: true,
  CoordinationMeetingMissed: true,
  CoordinationMeetingRescheduled: true,
  CoordinationConcernRaised: true,
  CoordinationConcernResolved: true,
});
