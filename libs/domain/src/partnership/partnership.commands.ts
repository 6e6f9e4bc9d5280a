import type { DomainCommand } from '../shared/decider.js';
import type {
  CoordinationConcernCategory,
  CoordinationMeetingFormat,
  PartnerMemberRole,
  PartnerRole,
} from './partnership.events.js';

export type JoinPartnership = DomainCommand<
  'JoinPartnership',
  { projectId: string; organisationId: string; partnerRole: PartnerRole }
>;

export type LeavePartnership = DomainCommand<
  'LeavePartnership',
  { projectId: string; organisationId: string; reason: string | null }
>;

export type AddPartnerMember = DomainCommand<
  'AddPartnerMember',
  { projectId: string; organisationId: string; memberId: string; memberRole: PartnerMemberRole }
>;

export type RemovePartnerMember = DomainCommand<'RemovePartnerMember', { projectId: string; memberId: string }>;

export type ClarifyPartnerRoles = DomainCommand<
  'ClarifyPartnerRoles',
  { projectId: string; organisationId: string; responsibilities: string[] }
>;

export type RecordUnclearPartnerRoles = DomainCommand<
  'RecordUnclearPartnerRoles',
  { projectId: string; organisationId: string; note: string }
>;

export type PlanCoordinationMeeting = DomainCommand<
  'PlanCoordinationMeeting',
  {
    projectId: string;
    meetingId: string;
    scheduledFor: string;
    format: CoordinationMeetingFormat;
    cadence: string | null;
  }
>;

export type RecordCoordinationMeetingHeld = DomainCommand<
  'RecordCoordinationMeetingHeld',
  {
    projectId: string;
    meetingId: string;
    format: CoordinationMeetingFormat;
    attendingOrganisationIds: string[];
    attendingMemberIds: string[];
    durationMinutes: number | null;
  }
>;

export type RecordCoordinationMeetingMissed = DomainCommand<
  'RecordCoordinationMeetingMissed',
  { projectId: string; meetingId: string; reason: string }
>;

/** `format: null` keeps the planned format. */
export type RescheduleCoordinationMeeting = DomainCommand<
  'RescheduleCoordinationMeeting',
  {
    projectId: string;
    meetingId: string;
    scheduledFor: string;
    format: CoordinationMeetingFormat | null;
    reason: string | null;
  }
>;

export type RaiseCoordinationConcern = DomainCommand<
  'RaiseCoordinationConcern',
  {
    projectId: string;
    concernId: string;
    raisedByOrganisationId: string;
    topic: string;
    category: CoordinationConcernCategory;
  }
>;

export type ResolveCoordinationConcern = DomainCommand<
  'ResolveCoordinationConcern',
  { projectId: string; concernId: string; resolution: string }
>;

export type PartnershipCommand =
  | JoinPartnership
  | LeavePartnership
  | AddPartnerMember
  | RemovePartnerMember
  | ClarifyPartnerRoles
  | RecordUnclearPartnerRoles
  | PlanCoordinationMeeting
  | RecordCoordinationMeetingHeld
  | RecordCoordinationMeetingMissed
  | RescheduleCoordinationMeeting
  | RaiseCoordinationConcern
  | ResolveCoordinationConcern;
