import type { Decider } from '../shared/decider.js';
import type { PartnershipCommand } from './partnership.commands.js';
import { raiseCoordinationConcern, resolveCoordinationConcern } from './partnership.concerns.js';
import type { PartnershipEvent } from './partnership.events.js';
import {
  planCoordinationMeeting,
  recordCoordinationMeetingHeld,
  recordCoordinationMeetingMissed,
  rescheduleCoordinationMeeting,
} from './partnership.meetings.js';
import {
  addPartnerMember,
  clarifyPartnerRoles,
  joinPartnership,
  leavePartnership,
  recordUnclearPartnerRoles,
  removePartnerMember,
} from './partnership.partners.js';
import { evolvePartnership, initialPartnershipState, type PartnershipState } from './partnership.state.js';

export type { PartnershipState } from './partnership.state.js';

/** One partnership per project, so the stream is keyed by the project. */
export const partnershipStreamId = (projectId: string) => `partnership-${projectId}`;

export const partnershipDecider: Decider<PartnershipCommand, PartnershipEvent, PartnershipState> = {
  initialState: initialPartnershipState,

  decide(command, state, context) {
    switch (command.type) {
      case 'JoinPartnership':
        return joinPartnership(command.data, state, context);
      case 'LeavePartnership':
        return leavePartnership(command.data, state, context);
      case 'AddPartnerMember':
        return addPartnerMember(command.data, state, context);
      case 'RemovePartnerMember':
        return removePartnerMember(command.data, state, context);
      case 'ClarifyPartnerRoles':
        return clarifyPartnerRoles(command.data, state, context);
      case 'RecordUnclearPartnerRoles':
        return recordUnclearPartnerRoles(command.data, state, context);
      case 'PlanCoordinationMeeting':
        return planCoordinationMeeting(command.data, state);
      case 'RecordCoordinationMeetingHeld':
        return recordCoordinationMeetingHeld(command.data, state, context);
      case 'RecordCoordinationMeetingMissed':
        return recordCoordinationMeetingMissed(command.data, state, context);
      case 'RescheduleCoordinationMeeting':
        return rescheduleCoordinationMeeting(command.data, state);
      case 'RaiseCoordinationConcern':
        return raiseCoordinationConcern(command.data, state, context);
      case 'ResolveCoordinationConcern':
        return resolveCoordinationConcern(command.data, state, context);
    }
  },

  evolve: evolvePartnership,
};
