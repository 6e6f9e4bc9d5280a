import { describe, it } from '@jest/globals';
import { NOW, scenario } from '../shared/given-when-then.js';
import type { ObserveBarrier } from './barrier.commands.js';
import type { AdjustmentActionTaken, BarrierObserved, BarrierReopened, BarrierResolved } from './barrier.events.js';
import { barrierDecider } from './barrier.decider.js';

const projectId = 'p-1';
const barrierId = 'b-1';
const day = (iso: string) => new Date(`${iso}T12:00:00.000Z`);
const observe: ObserveBarrier['data'] = {
  barrierId,
  projectId,
  taxonomy: 'pilot_barriers',
  code: 'lack_of_effective_engagement',
  stage: 'during',
  level: 'team',
  inabilityKind: null,
  description: 'Sessions cancelled by the team without asking the carers',
  basedOn: [{ evidenceId: 'e-workshop', observationId: 'o-3' }],
};
const observed: BarrierObserved = {
  type: 'BarrierObserved',
  data: { ...observe, observedAt: day('2026-03-02').toISOString() },
};
const actionTaken: AdjustmentActionTaken = {
  type: 'AdjustmentActionTaken',
  data: {
    barrierId,
    projectId,
    actionId: 'act-1',
    description: 'Cancellations are now discussed with carers first',
    takenByOrganisationId: 'org-homecare',
    takenAt: day('2026-03-10').toISOString(),
  },
};
const resolved: BarrierResolved = {
  type: 'BarrierResolved',
  data: {
    barrierId,
    projectId,
    resolution: 'No decision contested since',
    resolvedAt: day('2026-04-20').toISOString(),
  },
};
const reopened: BarrierReopened = {
  type: 'BarrierReopened',
  data: {
    barrierId,
    projectId,
    reason: 'A course was moved without asking',
    reopenedAt: day('2026-05-05').toISOString(),
  },
};
const takeAction = {
  type: 'TakeAdjustmentAction' as const,
  data: {
    barrierId,
    actionId: 'act-1',
    description: 'Cancellations are now discussed with carers first',
    takenByOrganisationId: 'org-homecare',
  },
};
const barrier = scenario(barrierDecider);

describe('Barrier', () => {
  it('is observed with its code, stage, level and the observations behind it, dated by occurredAt', () => {
    barrier
      .given()
      .when({ type: 'ObserveBarrier', data: observe }, { occurredAt: day('2026-03-02') })
      .then(observed);
  });

  it('is observed with an inability-to-change constraint and no coded observation yet', () => {
    const data = {
      ...observe,
      taxonomy: 'co_destruction_causes' as const,
      code: 'inability_to_change',
      level: 'provider' as const,
      inabilityKind: 'impossibility' as const,
      basedOn: [],
    };
    barrier
      .given()
      .when({ type: 'ObserveBarrier', data })
      .then({ type: 'BarrierObserved', data: { ...data, observedAt: NOW.toISOString() } });
  });

  it('is observed once', () => {
    barrier
      .given(observed)
      .when({ type: 'ObserveBarrier', data: observe })
      .thenFails('BARRIER_ALREADY_OBSERVED', 'conflict');
  });

  it('refuses a barrier observed in the future', () => {
    barrier
      .given()
      .when({ type: 'ObserveBarrier', data: observe }, { occurredAt: new Date(NOW.getTime() + 1) })
      .thenFails('IN_THE_FUTURE', 'invalid');
  });

  it.each([
    ['a code outside its taxonomy', { code: 'blaming' }, 'CODE_NOT_IN_TAXONOMY'],
    ['a positive outcome', { taxonomy: 'positive_outcomes' as const, code: 'trust' }, 'CODE_NOT_FOR_KIND'],
    [
      'a negative effect',
      { taxonomy: 'involvement_shortcomings' as const, code: 'negative_effect_citizens_extra_burden' },
      'CODE_NOT_FOR_KIND',
    ],
    ['an inability kind on another code', { inabilityKind: 'inability' as const }, 'INABILITY_KIND_NOT_APPLICABLE'],
    ['an unknown stage', { stage: 'someday' as 'before' }, 'NOT_ALLOWED'],
    ['an empty description', { description: '' }, 'REQUIRED'],
    [
      'the same observation twice',
      { basedOn: [observe.basedOn[0]!, { evidenceId: 'e-workshop', observationId: 'o-3' }] },
      'DUPLICATE_OBSERVATION',
    ],
    ['an empty observation id', { basedOn: [{ evidenceId: 'e-1', observationId: '' }] }, 'REQUIRED'],
    [
      'too many observations',
      { basedOn: Array.from({ length: 101 }, (_, i) => ({ evidenceId: 'e-1', observationId: `o-${i}` })) },
      'TOO_MANY',
    ],
  ])('refuses a barrier with %s', (_title, change, reason) => {
    barrier
      .given()
      .when({ type: 'ObserveBarrier', data: { ...observe, ...change } })
      .thenFails(reason, 'invalid');
  });

  it('takes adjustment actions while open', () => {
    barrier
      .given(observed)
      .when(takeAction, { occurredAt: day('2026-03-10') })
      .then(actionTaken);
  });

  it('records an adjustment action once', () => {
    barrier
      .given(observed, actionTaken)
      .when(takeAction, { occurredAt: day('2026-03-11') })
      .thenFails('ACTION_ALREADY_TAKEN', 'conflict');
  });

  it('refuses an action dated before the barrier was observed', () => {
    barrier
      .given(observed)
      .when(takeAction, { occurredAt: day('2026-03-01') })
      .thenFails('OUT_OF_ORDER', 'conflict');
  });

  it.each([
    ['no organisation', { takenByOrganisationId: '' }],
    ['no description', { description: '  ' }],
  ])('refuses an action with %s', (_title, change) => {
    barrier
      .given(observed)
      .when({ ...takeAction, data: { ...takeAction.data, ...change } })
      .thenFails('REQUIRED', 'invalid');
  });

  it('is resolved while open', () => {
    barrier
      .given(observed, actionTaken)
      .when(
        { type: 'ResolveBarrier', data: { barrierId, resolution: 'No decision contested since' } },
        { occurredAt: day('2026-04-20') },
      )
      .then(resolved);
  });

  it('refuses a resolution dated before the last action', () => {
    barrier
      .given(observed, actionTaken)
      .when({ type: 'ResolveBarrier', data: { barrierId, resolution: 'done' } }, { occurredAt: day('2026-03-05') })
      .thenFails('OUT_OF_ORDER', 'conflict');
  });

  it('refuses to adjust or resolve a resolved barrier', () => {
    barrier.given(observed, resolved).when(takeAction).thenFails('BARRIER_NOT_OPEN', 'conflict');
    barrier
      .given(observed, resolved)
      .when({ type: 'ResolveBarrier', data: { barrierId, resolution: 'again' } })
      .thenFails('BARRIER_NOT_OPEN', 'conflict');
  });

  it('is reopened when it comes back, and can then be adjusted again', () => {
    barrier
      .given(observed, actionTaken, resolved)
      .when(
        { type: 'ReopenBarrier', data: { barrierId, reason: 'A course was moved without asking' } },
        { occurredAt: day('2026-05-05') },
      )
      .then(reopened);
    barrier
      .given(observed, actionTaken, resolved, reopened)
      .when({ ...takeAction, data: { ...takeAction.data, actionId: 'act-2' } }, { occurredAt: day('2026-05-06') })
      .then({
        type: 'AdjustmentActionTaken',
        data: { ...actionTaken.data, actionId: 'act-2', takenAt: day('2026-05-06').toISOString() },
      });
  });

  it('reopens only a resolved barrier, with a reason, not before it was resolved', () => {
    barrier
      .given(observed)
      .when({ type: 'ReopenBarrier', data: { barrierId, reason: 'again' } })
      .thenFails('BARRIER_NOT_RESOLVED', 'conflict');
    barrier
      .given(observed, resolved)
      .when({ type: 'ReopenBarrier', data: { barrierId, reason: '' } })
      .thenFails('REQUIRED', 'invalid');
    barrier
      .given(observed, resolved)
      .when({ type: 'ReopenBarrier', data: { barrierId, reason: 'back' } }, { occurredAt: day('2026-04-01') })
      .thenFails('OUT_OF_ORDER', 'conflict');
  });

  it('refuses commands on a barrier never observed', () => {
    barrier.given().when(takeAction).thenFails('BARRIER_NOT_FOUND', 'not_found');
    barrier
      .given()
      .when({ type: 'ResolveBarrier', data: { barrierId, resolution: 'x' } })
      .thenFails('BARRIER_NOT_FOUND', 'not_found');
  });
});
