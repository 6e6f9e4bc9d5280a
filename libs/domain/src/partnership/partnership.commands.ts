import type { DomainCommand } from '../shared/decider.js';
import type {
  CoordinationConcernResolution,
  CoordinationMeetingAttendance,
  CoordinationMeetingFormat,
  CoordinationMeetingPlan,
  MissedCoordinationMeeting,
  PartnerDeparture,
  PartnerJoining,
  PartnerMembership,
  PartnerRoleClarification,
  RaisedCoordinationConcern,
  UnclearPartnerRolesFinding,
} from './partnership.events.js';

export type JoinPartnership = DomainCommand<'JoinPartnership', PartnerJoining>;

export type LeavePartnership = DomainCommand<'LeavePartnership', PartnerDeparture>;

export type AddPartnerMember = DomainCommand<'AddPartnerMember', PartnerMembership>;

export type RemovePartnerMember = DomainCommand<'RemovePartnerMember', { projectId: string; memberId: string }>;

export type ClarifyPartnerRoles = DomainCommand<'ClarifyPartnerRoles', PartnerRoleClarification>;

export type RecordUnclearPartnerRoles = DomainCommand<'RecordUnclearPartnerRoles', UnclearPartnerRolesFinding>;

export type PlanCoordinationMeeting = DomainCommand<'PlanCoordinationMeeting', CoordinationMeetingPlan>;

export type RecordCoordinationMeetingHeld = DomainCommand<
  'RecordCoordinationMeetingHeld',
  CoordinationMeetingAttendance
>;

export type RecordCoordinationMeetingMissed = DomainCommand<
  'RecordCoordinationMeetingMissed',
  MissedCoordinationMeeting
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

export type RaiseCoordinationConcern = DomainCommand<'RaiseCoordinationConcern', RaisedCoordinationConcern>;

export type ResolveCoordinationConcern = DomainCommand<'ResolveCoordinationConcern', CoordinationConcernResolution>;

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
