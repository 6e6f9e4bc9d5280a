import type { AggregateDefinition } from '../shared/aggregate.js';
import type { EvidenceCommand } from './evidence.commands.js';
import { evidenceDecider, evidenceStreamId, type EvidenceState } from './evidence.decider.js';
import type { EvidenceEvent } from './evidence.events.js';

export const evidenceAggregate: AggregateDefinition<EvidenceCommand, EvidenceEvent, EvidenceState> = {
  name: 'Evidence',
  decider: evidenceDecider,
  commandTypes: ['RecordInterview', 'RecordWorkshop', 'RecordReflexiveNote', 'CodeObservation'],
  streamId: (command) => evidenceStreamId(command.data.evidenceId),
};
