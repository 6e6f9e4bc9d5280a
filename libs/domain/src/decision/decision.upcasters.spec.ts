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
const stored = (type: string, data: object) => ({ type, schemaVersion: 1, data });

describe('DecisionTaken and DecisionRevised v1 -> v2 (how carers took part)', () => {
  it('is declared at schema version 2 for both', () => {
    expect(decisionAggregate.schemaVersions).toEqual({ DecisionTaken: 2, DecisionRevised: 2 });
  });

  it('reads carers not consulted on a decision affecting them as informed, and nothing else is invented', () => {
    expect(upcast(stored('DecisionTaken', { ...v1Taken, affectsCarers: true, carersConsulted: false }))).toEqual({
      type: 'DecisionTaken',
      schemaVersion: 2,
      data: { ...v1Taken, affectsCarers: true, carersConsulted: false, carerInvolvement: 'informed' },
    });
    // Consulted, but at which rung was never recorded: unknown, not "consulted".
    expect(upcast(stored('DecisionTaken', { ...v1Taken, affectsCarers: true, carersConsulted: true })).data).toEqual({
      ...v1Taken,
      affectsCarers: true,
      carersConsulted: true,
      carerInvolvement: null,
    });
    expect(upcast(stored('DecisionTaken', { ...v1Taken, affectsCarers: false, carersConsulted: false })).data).toEqual({
      ...v1Taken,
      affectsCarers: false,
      carersConsulted: false,
      carerInvolvement: null,
    });
  });

  it('reads a v1 revision with its rung unknown', () => {
    const revision = { decisionId: 'd-1', projectId: 'p-1', description: 'x', carersConsulted: false, reason: 'y' };
    expect(upcast(stored('DecisionRevised', revision)).data).toEqual({ ...revision, carerInvolvement: null });
  });

  it('leaves a v2 event as it is', () => {
    const v2 = { type: 'DecisionTaken', schemaVersion: 2, data: { ...v1Taken, carerInvolvement: 'co_decided' } };
    expect(upcast(v2)).toBe(v2);
  });
});
