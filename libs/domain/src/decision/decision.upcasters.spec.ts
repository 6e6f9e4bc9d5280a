import { describe, expect, it } from '@jest/globals';
import { upcast } from '../upcasting.js';
import { decisionAggregate } from './decision.aggregate.js';

const v1Taken = {
  decisionId: 'd-1',
  projectId: 'p-1',
  description: 'Move the peer meeting to the morning',
  decidedByOrganisationId: 'org-homecare',
  decidedByRole: 'provider',
  activityId: null,
};
/** What v1Taken reads as today: its activity (none) as a list. */
const { activityId: _none, ...v1TakenNow } = { ...v1Taken, activityIds: [] };
const stored = (type: string, data: object, schemaVersion = 1) => ({ type, schemaVersion, data });

describe('DecisionTaken and DecisionRevised v1 -> v2 (how carers took part)', () => {
  it('is declared at schema version 3 for DecisionTaken and 2 for DecisionRevised', () => {
    expect(decisionAggregate.schemaVersions).toEqual({ DecisionTaken: 3, DecisionRevised: 2 });
  });

  it('reads carers not consulted on a decision affecting them as informed, and nothing else is invented', () => {
    expect(upcast(stored('DecisionTaken', { ...v1Taken, affectsCarers: true, carersConsulted: false }))).toEqual({
      type: 'DecisionTaken',
      schemaVersion: 3,
      data: { ...v1TakenNow, affectsCarers: true, carersConsulted: false, carerInvolvement: 'informed' },
    });
    // Consulted, but at which rung was never recorded: unknown, not "consulted".
    expect(upcast(stored('DecisionTaken', { ...v1Taken, affectsCarers: true, carersConsulted: true })).data).toEqual({
      ...v1TakenNow,
      affectsCarers: true,
      carersConsulted: true,
      carerInvolvement: null,
    });
    expect(upcast(stored('DecisionTaken', { ...v1Taken, affectsCarers: false, carersConsulted: false })).data).toEqual({
      ...v1TakenNow,
      affectsCarers: false,
      carersConsulted: false,
      carerInvolvement: null,
    });
  });

  it('reads a v1 revision with its rung unknown', () => {
    const revision = { decisionId: 'd-1', projectId: 'p-1', description: 'x', carersConsulted: false, reason: 'y' };
    expect(upcast(stored('DecisionRevised', revision)).data).toEqual({ ...revision, carerInvolvement: null });
  });

  it('leaves a v2 revision as it is', () => {
    const v2 = stored('DecisionRevised', { decisionId: 'd-1', carerInvolvement: 'co_decided' }, 2);
    expect(upcast(v2)).toBe(v2);
  });
});

describe('DecisionTaken v2 -> v3 (the activities a decision covers)', () => {
  const v2Taken = { ...v1Taken, affectsCarers: true, carersConsulted: true, carerInvolvement: 'co_decided' };
  const { activityId: _activityId, ...rest } = v2Taken;

  it('reads the one activity of a v2 decision as a list of one', () => {
    expect(upcast(stored('DecisionTaken', { ...v2Taken, activityId: 'a-peer-may' }, 2))).toEqual({
      type: 'DecisionTaken',
      schemaVersion: 3,
      data: { ...rest, activityIds: ['a-peer-may'] },
    });
  });

  it('reads a v2 decision about no activity as an empty list, and drops the old field', () => {
    const data = upcast(stored('DecisionTaken', v2Taken, 2)).data;
    expect(data).toEqual({ ...rest, activityIds: [] });
    expect(data).not.toHaveProperty('activityId');
  });

  it('takes a v1 decision about an activity through both steps', () => {
    expect(
      upcast(stored('DecisionTaken', { ...v1Taken, activityId: 'a-1', affectsCarers: true, carersConsulted: false })),
    ).toEqual({
      type: 'DecisionTaken',
      schemaVersion: 3,
      data: {
        ...v1TakenNow,
        activityIds: ['a-1'],
        affectsCarers: true,
        carersConsulted: false,
        carerInvolvement: 'informed',
      },
    });
  });

  it('leaves a v3 event as it is', () => {
    const v3 = stored('DecisionTaken', { ...rest, activityIds: ['a-1', 'a-2'] }, 3);
    expect(upcast(v3)).toBe(v3);
  });
});
