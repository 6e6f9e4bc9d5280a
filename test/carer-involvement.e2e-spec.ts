import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ADMIN } from './support/auth.js';
import { mutateOk } from './support/operations.js';
import { DEV_ACTOR, launchProject } from './support/project.js';
import { suiteApi } from './support/suite-api.js';

const DECISION = `query Q($id: ID!, $at: String) {
  decision(id: $id, atLeastPosition: $at) { carersConsulted carerInvolvement status }
}`;

/** How carers took part in decisions (docs/signals.md, "Levels of involvement"), over GraphQL. */
describe('levels of carer involvement in decisions', () => {
  const projectId = randomUUID();
  const api = suiteApi('involvement-e2e', { setUp: (api) => launchProject(api, projectId) });

  const decision = (extra: Record<string, unknown>) => ({
    projectId,
    description: 'Move the peer meetings to the evening',
    decidedByRole: 'committee',
    affectsCarers: true,
    ...extra,
  });
  const read = async (id: string, at: string) =>
    (await api.graphql<{ decision: Record<string, unknown> }>(DECISION, { id, at }, DEV_ACTOR)).data!.decision;

  it('records the rung given, and the least one consultation implies when none is given', async () => {
    const coDecided = await mutateOk(
      api,
      'takeDecision',
      decision({ carersConsulted: true, carerInvolvement: 'co_decided' }),
      DEV_ACTOR,
    );
    expect(await read(coDecided.id, coDecided.position)).toEqual({
      carersConsulted: true,
      carerInvolvement: 'co_decided',
      status: 'taken',
    });
    const unsaid = await mutateOk(api, 'takeDecision', decision({ carersConsulted: false }), DEV_ACTOR);
    expect(await read(unsaid.id, unsaid.position)).toMatchObject({ carerInvolvement: 'informed' });

    // Revised with the carers: the rung rises, and the decision reads as revised.
    const revised = await mutateOk(
      api,
      'reviseDecision',
      {
        decisionId: unsaid.id,
        description: 'Move the peer meetings to the evening, as the carers chose',
        carersConsulted: true,
        carerInvolvement: 'carer_led',
        reason: 'The carers decided at the committee',
      },
      DEV_ACTOR,
    );
    expect(await read(unsaid.id, revised.position)).toEqual({
      carersConsulted: true,
      carerInvolvement: 'carer_led',
      status: 'revised',
    });
  });

  it('refuses a rung that contradicts the consultation, with its reason, and writes nothing', async () => {
    const before = await api.graphql<{ project: { decisions: { totalCount: number } } }>(
      'query Q($id: ID!) { project(id: $id) { decisions(first: 1) { totalCount } } }',
      { id: projectId },
      DEV_ACTOR,
    );
    const refused = await api.graphql(
      'mutation M($input: TakeDecisionInput!) { takeDecision(input: $input) { id } }',
      { input: decision({ carersConsulted: false, carerInvolvement: 'co_decided' }) },
      DEV_ACTOR,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVOLVEMENT_CONTRADICTS_CONSULTATION',
    });
    const after = await api.graphql<{ project: { decisions: { totalCount: number } } }>(
      'query Q($id: ID!) { project(id: $id) { decisions(first: 1) { totalCount } } }',
      { id: projectId },
      ADMIN,
    );
    expect(after.data!.project.decisions.totalCount).toBe(before.data!.project.decisions.totalCount);
  });
});
