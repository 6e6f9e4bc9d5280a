import type { Decider, DecisionContext } from '../shared/decider.js';
import { conflict, invalid, notFound } from '../shared/errors.js';
import { requireNotInFuture, requireText } from '../shared/guards.js';
import { requireCoding } from '../evidence/coding.js';
import type { BarrierCommand } from './barrier.commands.js';
import type { BarrierEvent, ObservationRef } from './barrier.events.js';

export type BarrierState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'open' | 'resolved';
      readonly projectId: string;
      /** ISO instant of the latest fact; nothing may be dated before it. */
      readonly lastAt: string;
      readonly actionIds: readonly string[];
    };

export const barrierStreamId = (barrierId: string) => `barrier-${barrierId}`;

function existing(state: BarrierState, barrierId: string) {
  if (state.status === 'unknown') throw notFound('BARRIER_NOT_FOUND', `Barrier ${barrierId} was never observed`);
  return state;
}

/** Adjustments, resolutions and reopenings only make sense in the order they happened. */
function inOrder(lastAt: string, context: DecisionContext): string {
  if (context.occurredAt.getTime() < Date.parse(lastAt)) {
    throw conflict('OUT_OF_ORDER', `This barrier already has a fact dated ${lastAt}`, { lastAt });
  }
  return context.occurredAt.toISOString();
}

function validRefs(basedOn: readonly ObservationRef[]): ObservationRef[] {
  if (basedOn.length > 100)
    throw invalid('TOO_MANY', 'A barrier is based on at most 100 observations', { field: 'basedOn', max: 100 });
  const refs = basedOn.map((ref, i) => ({
    evidenceId: requireText(`basedOn[${i}].evidenceId`, ref.evidenceId, 100),
    observationId: requireText(`basedOn[${i}].observationId`, ref.observationId, 100),
  }));
  const keys = new Set(refs.map((ref) => JSON.stringify([ref.evidenceId, ref.observationId])));
  if (keys.size !== refs.length) {
    throw invalid('DUPLICATE_OBSERVATION', 'An observation is listed more than once', { field: 'basedOn' });
  }
  return refs;
}

export const barrierDecider: Decider<BarrierCommand, BarrierEvent, BarrierState> = {
  initialState: { status: 'unknown' },

  decide(command, state, context) {
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    const barrierId = command.data.barrierId;
    switch (command.type) {
      case 'ObserveBarrier': {
        const data = command.data;
        if (state.status !== 'unknown') {
          throw conflict('BARRIER_ALREADY_OBSERVED', `Barrier ${barrierId} was already observed`);
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
      case 'TakeAdjustmentAction': {
        const barrier = existing(state, barrierId);
        if (barrier.status !== 'open') {
          throw conflict('BARRIER_NOT_OPEN', `Barrier ${barrierId} is resolved; reopen it before adjusting`);
        }
        const actionId = requireText('actionId', command.data.actionId, 100);
        if (barrier.actionIds.includes(actionId)) {
          throw conflict('ACTION_ALREADY_TAKEN', `Adjustment action ${actionId} was already recorded`, { actionId });
        }
        return [
          {
            type: 'AdjustmentActionTaken',
            data: {
              barrierId,
              projectId: barrier.projectId,
              actionId,
              description: requireText('description', command.data.description, 2000),
              takenByOrganisationId: requireText('takenByOrganisationId', command.data.takenByOrganisationId, 100),
              takenAt: inOrder(barrier.lastAt, context),
            },
          },
        ];
      }
      case 'ResolveBarrier': {
        const barrier = existing(state, barrierId);
        if (barrier.status !== 'open') throw conflict('BARRIER_NOT_OPEN', `Barrier ${barrierId} is already resolved`);
        return [
          {
            type: 'BarrierResolved',
            data: {
              barrierId,
              projectId: barrier.projectId,
              resolution: requireText('resolution', command.data.resolution, 2000),
              resolvedAt: inOrder(barrier.lastAt, context),
            },
          },
        ];
      }
      case 'ReopenBarrier': {
        const barrier = existing(state, barrierId);
        if (barrier.status !== 'resolved') {
          throw conflict('BARRIER_NOT_RESOLVED', `Barrier ${barrierId} is still open`);
        }
        return [
          {
            type: 'BarrierReopened',
            data: {
              barrierId,
              projectId: barrier.projectId,
              reason: requireText('reason', command.data.reason, 2000),
              reopenedAt: inOrder(barrier.lastAt, context),
            },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    if (event.type === 'BarrierObserved') {
      return { status: 'open', projectId: event.data.projectId, lastAt: event.data.observedAt, actionIds: [] };
    }
    if (state.status === 'unknown') return state;
    switch (event.type) {
      case 'AdjustmentActionTaken':
        return { ...state, lastAt: event.data.takenAt, actionIds: [...state.actionIds, event.data.actionId] };
      case 'BarrierResolved':
        return { ...state, status: 'resolved', lastAt: event.data.resolvedAt };
      case 'BarrierReopened':
        return { ...state, status: 'open', lastAt: event.data.reopenedAt };
    }
  },
};
