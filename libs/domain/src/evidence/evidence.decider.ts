import type { Decider } from '../shared/decider.js';
import { requireNotInFuture } from '../shared/guards.js';
import { codeObservation } from './decide/code-observation.js';
import { recordCollectionRound } from './decide/record-collection-round.js';
import { recordInterview } from './decide/record-interview.js';
import { recordReflexiveNote } from './decide/record-reflexive-note.js';
import { recordWorkshop } from './decide/record-workshop.js';
import type { EvidenceCommand } from './evidence.commands.js';
import type { EvidenceEvent } from './evidence.events.js';
import type { EvidenceState } from './evidence.state.js';

export type { EvidenceState } from './evidence.state.js';

export const evidenceStreamId = (evidenceId: string) => `evidence-${evidenceId}`;

/** A data-collection round has a stream of its own, beside the evidence gathered in it. */
export const collectionRoundStreamId = (roundId: string) => `collection-round-${roundId}`;

const WORKSHOP_PHASE = { co_design_workshop: 'co_design', co_assessment_workshop: 'co_assessment' } as const;

export const evidenceDecider: Decider<EvidenceCommand, EvidenceEvent, EvidenceState> = {
  initialState: { status: 'unknown' },

  decide(command, state, context) {
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    switch (command.type) {
      case 'RecordInterview':
        return recordInterview(command, state);
      case 'RecordWorkshop':
        return recordWorkshop(command, state);
      case 'RecordReflexiveNote':
        return recordReflexiveNote(command, state);
      case 'CodeObservation':
        return codeObservation(command, state);
      case 'RecordCollectionRound':
        return recordCollectionRound(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'InterviewRecorded':
        return {
          status: 'recorded',
          projectId: event.data.projectId,
          kind: 'interview',
          phase: event.data.phase,
          observationIds: [],
        };
      case 'ReflexiveNoteRecorded':
        return {
          status: 'recorded',
          projectId: event.data.projectId,
          kind: 'reflexive_note',
          phase: event.data.phase,
          observationIds: [],
        };
      case 'WorkshopRecorded':
        return {
          status: 'recorded',
          projectId: event.data.projectId,
          kind: event.data.workshopKind,
          phase: WORKSHOP_PHASE[event.data.workshopKind],
          observationIds: [],
        };
      case 'ObservationCoded':
        return state.status === 'recorded'
          ? { ...state, observationIds: [...state.observationIds, event.data.observationId] }
          : state;
      case 'CollectionRoundRecorded':
        return { status: 'round_recorded', projectId: event.data.projectId };
    }
  },
};
