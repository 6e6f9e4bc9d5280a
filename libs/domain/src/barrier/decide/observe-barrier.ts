import type { DecisionContext } from '../../shared/decider.js';
import { requireText } from '../../shared/guards.js';
import { requireCoding } from '../../evidence/coding.js';
import type { ObserveBarrier } from '../barrier.commands.js';
import type { BarrierEvent, ObservationRef } from '../barrier.events.js';
import { barrierError } from '../barrier.reasons.js';
import type { BarrierState } from '../barrier.state.js';

function validRefs(basedOn: readonly ObservationRef[]): ObservationRef[] {
  if (basedOn.length > 100)
    throw barrierError('TOO_MANY', 'A barrier is based on at most 100 observations', { field: 'basedOn', max: 100 });
  const refs = basedOn.map((ref, i) => ({
    evidenceId: requireText(`basedOn[${i}].evidenceId`, ref.evidenceId, 100),
    observationId: requireText(`basedOn[${i}].observationId`, ref.observationId, 100),
  }));
  const keys = new Set(refs.map((ref) => JSON.stringify([ref.evidenceId, ref.observationId])));
  if (keys.size !== refs.length) {
    throw barrierError('DUPLICATE_OBSERVATION', 'An observation is listed more than once', { field: 'basedOn' });
  }
  return refs;
}

export function observeBarrier(command: ObserveBarrier, state: BarrierState, context: DecisionContext): BarrierEvent[] {
  const data = command.data;
  const barrierId = data.barrierId;
  if (state.status !== 'unknown') {
    throw barrierError('BARRIER_ALREADY_OBSERVED', `Barrier ${barrierId} was already observed`);
  }
  const { kind: _kind, ...coding } = requireCoding({ ...data, kind: 'barrier' });
  return [
    {
      type: 'BarrierObserved',
      data: {
        barrierId,
        projectId: data.projectId,
        ...coding,
        description: requireText('description', data.description, 2000),
        basedOn: validRefs(data.basedOn),
        observedAt: context.occurredAt.toISOString(),
      },
    },
  ];
}
