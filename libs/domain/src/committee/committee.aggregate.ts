import type { AggregateDefinition } from '../shared/aggregate.js';
import type { CommitteeCommand } from './committee.commands.js';
import { committeeDecider, committeeStreamId, type CommitteeState } from './committee.decider.js';
import type { CommitteeEvent } from './committee.events.js';

export const committeeAggregate: AggregateDefinition<CommitteeCommand, CommitteeEvent, CommitteeState> = {
  name: 'Committee',
  decider: committeeDecider,
  commandTypes: [
    'DefineCommitteeGoal',
    'AssessCommitteeGoal',
    'ReassessCommitteeGoal',
    'RecordCommitteeSelfOrganising',
  ],
  streamId: (command) => committeeStreamId(command.data.projectId),
};
