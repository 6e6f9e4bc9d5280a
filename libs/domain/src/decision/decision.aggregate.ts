import type { AggregateDefinition } from '../shared/aggregate.js';
import type { DecisionCommand } from './decision.commands.js';
import { decisionDecider, decisionStreamId, type DecisionState } from './decision.decider.js';
import type { DecisionEvent } from './decision.events.js';

export const decisionAggregate: AggregateDefinition<DecisionCommand, DecisionEvent, DecisionState> = {
  name: 'Decision',
  decider: decisionDecider,
  commandTypes: ['TakeDecision', 'ContestDecision', 'ReviseDecision'],
  streamId: (command) => decisionStreamId(command.data.decisionId),
  // v2 added how carers took part (carerInvolvement); DecisionTaken v3 lists the activities it covers
  // (activityIds, was activityId). decisionUpcasters reads the older versions.
  schemaVersions: { DecisionTaken: 3, DecisionRevised: 2 },
};
