import type { AggregateDefinition } from '../shared/aggregate.js';
import type { DecisionCommand } from './decision.commands.js';
import { decisionDecider, decisionStreamId, type DecisionState } from './decision.decider.js';
import type { DecisionEvent } from './decision.events.js';

export const decisionAggregate: AggregateDefinition<DecisionCommand, DecisionEvent, DecisionState> = {
  name: 'Decision',
  decider: decisionDecider,
  commandTypes: ['TakeDecision', 'ContestDecision', 'ReviseDecision'],
  streamId: (command) => decisionStreamId(command.data.decisionId),
  // v2 added how carers took part (carerInvolvement); decisionUpcasters reads v1.
  schemaVersions: { DecisionTaken: 2, DecisionRevised: 2 },
};
