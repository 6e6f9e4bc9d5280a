import type { Decider } from '../shared/decider.js';
import { addPartnerMember } from './decide/add-partner-member.js';
import { clarifyPartnerRoles } from './decide/clarify-partner-roles.js';
import { joinPartnership } from './decide/join-partnership.js';
import { leavePartnership } from './decide/leave-partnership.js';
import { planCoordinationMeeting } from './decide/plan-coordination-meeting.js';
import { raiseCoordinationConcern } from './decide/raise-coordination-concern.js';
import { recordCoordinationMeetingHeld } from './decide/record-coordination-meeting-held.js';
import { recordCoordinationMeetingMissed } from './decide/record-coordination-meeting-missed.js';
import { recordUnclearPartnerRoles } from './decide/record-unclear-partner-roles.js';
import { removePartnerMember } from './decide/remove-partner-member.js';
import { rescheduleCoordinationMeeting } from './decide/reschedule-coordination-meeting.js';
import { resolveCoordinationConcern } from './decide/resolve-coordination-concern.js';
import type { PartnershipCommand } from './partnership.commands.js';
import type { PartnershipEvent } from './partnership.events.js';
import { evolvePartnership, initialPartnershipState, type PartnershipState } from './partnership.state.js';

export type { PartnershipState } from './partnership.state.js';

/** One partnership per project, so the stream is keyed by the project. */
export const partnershipStreamId = (projectId: string) => `partnership-${projectId}`;

export const partnershipDecider: Decider<PartnershipCommand, PartnershipEvent, PartnershipState> = {
  initialState: initialPartnershipState,

  decide(command, state, context) {
    switch (command.type) {
      case 'JoinPartnership':
        return joinPartnership(command, state, context);
      case 'LeavePartnership':
        return leavePartnership(command, state, context);
      case 'AddPartnerMember':
        return addPartnerMember(command, state, context);
      case 'RemovePartnerMember':
        return removePartnerMember(command, state, context);
      case 'ClarifyPartnerRoles':
        return clarifyPartnerRoles(command, state, context);
      case 'RecordUnclearPartnerRoles':
        return recordUnclearPartnerRoles(command, state, context);
      case 'PlanCoordinationMeeting':
        return planCoordinationMeeting(command, state);
      case 'RecordCoordinationMeetingHeld':
        return recordCoordinationMeetingHeld(command, state, context);
      case 'RecordCoordinationMeetingMissed':
        return recordCoordinationMeetingMissed(command, state, context);
      case 'RescheduleCoordinationMeeting':
        return rescheduleCoordinationMeeting(command, state);
      case 'RaiseCoordinationConcern':
        return raiseCoordinationConcern(command, state, context);
      case 'ResolveCoordinationConcern':
        return resolveCoordinationConcern(command, state, context);
    }
  },

  evolve: evolvePartnership,
};
