import type { AggregateDefinition } from '../shared/aggregate.js';
import type { PartnershipCommand } from './partnership.commands.js';
import { partnershipDecider, partnershipStreamId, type PartnershipState } from './partnership.decider.js';
import type { PartnershipEvent } from './partnership.events.js';

export const partnershipAggregate: AggregateDefinition<PartnershipCommand, PartnershipEvent, PartnershipState> = {
  name: 'Partnership',
  decider: partnershipDecider,
  commandTypes: [
    'JoinPartnership',
    'LeavePartnership',
    'AddPartnerMember',
    'RemovePartnerMember',
    'ClarifyPartnerRoles',
    'RecordUnclearPartnerRoles',
    'PlanCoordinationMeeting',
    'RecordCoordinationMeetingHeld',
    'RecordCoordinationMeetingMissed',
    'RescheduleCoordinationMeeting',
    'RaiseCoordinationConcern',
    'ResolveCoordinationConcern',
  ],
  streamId: (command) => partnershipStreamId(command.data.projectId),
};
