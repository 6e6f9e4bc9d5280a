import type { AggregateDefinition } from '../shared/aggregate.js';
import type { EvidenceCommand } from './evidence.commands.js';
import { collectionRoundStreamId, evidenceDecider, evidenceStreamId, type EvidenceState } from './evidence.decider.js';
import type { EvidenceEvent } from './evidence.events.js';

export const evidenceAggregate: AggregateDefinition<EvidenceCommand, EvidenceEvent, EvidenceState> = {
  name: 'Evidence',
  decider: evidenceDecider,
  commandTypes: [
    'RecordInterview',
    'RecordWorkshop',
    'RecordReflexiveNote',
    'CodeObservation',
    'RecordCollectionRound',
  ],
  streamId: (command) =>
    command.type === 'RecordCollectionRound'
      ? collectionRoundStreamId(command.data.roundId)
      : evidenceStreamId(command.data.evidenceId),
  // Version 2 added the inventory facts (duration, moment of the pilot, turnout, genders): evidence.upcasters.ts.
  schemaVersions: { InterviewRecorded: 2, WorkshopRecorded: 2, ReflexiveNoteRecorded: 2 },
};
