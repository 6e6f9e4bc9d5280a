import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { valleyPilot } from '#read-models/testing';
import { startApi, type RunningApi } from './support/api-process.js';
import { DEV_ACTOR } from './support/project.js';
import { mutateOk } from './support/operations.js';

interface Warning {
  rule: string;
  severity: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
  raisedAt: string;
  resolvedAt: string | null;
  open: boolean;
}

const RULES = [
  'DECISIONS_CONTESTED',
  'COORDINATION_MEETINGS_MISSED_IN_A_ROW',
  'SUGGESTIONS_DECLINED_NOT_FEASIBLE',
  'ROLES_UNCLARIFIED',
];

const PROJECT_ID = randomUUID();
const UNIVERSITY = `org-university-${randomUUID()}`;

/**
 * A pilot of 2025 entered over GraphQL after the fact (every mutation says when it happened): the
 * barrier warnings come out at the dates its history implies, whatever today is, and `asOf` shows
 * them as they stood then.
 */
describe('barrier warnings of a pilot entered after the fact, over GraphQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'barrier-warnings-e2e-'));
  let api: RunningApi;
  let lastPosition = '';

  async function mutate(name: string, input: Record<string, unknown>) {
    const written = await mutateOk(api, name, input, DEV_ACTOR);
    lastPosition = written.position;
    return written;
  }

  async function barrierWarnings(variables: Record<string, unknown> = {}): Promise<Warning[]> {
    const answer = await api.graphql<{ warnings: { edges: Array<{ node: Warning }> } }>(
      `query W($projectId: ID!, $asOf: DateTime, $atLeastPosition: String) {
        warnings(projectId: $projectId, asOf: $asOf, atLeastPosition: $atLeastPosition, first: 100) {
          edges { node { rule severity subjectType subjectId details raisedAt resolvedAt open } }
        }
      }`,
      { projectId: PROJECT_ID, ...variables },
      DEV_ACTOR,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.warnings.edges.map((edge) => edge.node).filter((warning) => RULES.includes(warning.rule));
  }

  beforeAll(async () => {
    api = await startApi({ DATA_DIR: dataDir });
    await mutate('launchProject', {
      ...valleyPilot(PROJECT_ID),
      territoryId: `valley-${randomUUID().slice(0, 8)}`,
      name: 'Barrier warnings pilot',
      pilotMonths: 24,
      occurredAt: '2025-01-01T09:00:00.000Z',
    });
    await mutate('registerOrganisation', { organisationId: UNIVERSITY, name: 'University', kind: 'university' });
    // Joined 15 January 09:00: its roles are due to be clarified by 16 March 09:00 (60 days).
    await mutate('joinPartnership', {
      projectId: PROJECT_ID,
      organisationId: UNIVERSITY,
      partnerRole: 'research_partner',
      occurredAt: '2025-01-15T09:00:00.000Z',
    });
    for (const [meetingId, scheduledFor] of [
      ['meet-1', '2025-02-03T09:00:00.000Z'],
      ['meet-2', '2025-03-03T09:00:00.000Z'],
    ]) {
      await mutate('planCoordinationMeeting', {
        projectId: PROJECT_ID,
        meetingId,
        scheduledFor,
        format: 'video_call',
        cadence: 'monthly',
        occurredAt: '2025-01-10T09:00:00.000Z',
      });
    }
    const decision = await mutate('takeDecision', {
      projectId: PROJECT_ID,
      description: 'Peer meetings move to the parish hall',
      decidedByOrganisationId: 'org-home-care',
      decidedByRole: 'provider',
      affectsCarers: true,
      carersConsulted: true,
      occurredAt: '2025-02-01T09:00:00.000Z',
    });
    await mutate('recordCoordinationMeetingMissed', {
      projectId: PROJECT_ID,
      meetingId: 'meet-1',
      reason: 'Nobody available',
      occurredAt: '2025-02-03T10:00:00.000Z',
    });
    const suggestion = await mutate('makeSuggestion', {
      projectId: PROJECT_ID,
      suggestedByRole: 'carer',
      carerId: 'carer-8',
      organisationId: null,
      description: 'A spot on the local TV channel',
      topic: 'information',
      occurredAt: '2025-02-05T09:00:00.000Z',
    });
    await mutate('declineSuggestion', {
      suggestionId: suggestion.id,
      reason: 'not_feasible_budget',
      note: 'More than the whole information budget',
      occurredAt: '2025-02-06T09:00:00.000Z',
    });
    await mutate('contestDecision', {
      decisionId: decision.id,
      contestedByRole: 'carer',
      contestedByCarerId: null,
      grounds: 'The parish hall is too far for us',
      occurredAt: '2025-02-10T09:00:00.000Z',
    });
    await mutate('recordCoordinationMeetingMissed', {
      projectId: PROJECT_ID,
      meetingId: 'meet-2',
      reason: 'Nobody available',
      occurredAt: '2025-03-03T10:00:00.000Z',
    });
    await mutate('clarifyPartnerRoles', {
      projectId: PROJECT_ID,
      organisationId: UNIVERSITY,
      responsibilities: ['Runs the evaluation'],
      occurredAt: '2025-04-01T09:00:00.000Z',
    });
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('raises each barrier warning at the moment its history shows it', async () => {
    const warnings = await barrierWarnings({ atLeastPosition: lastPosition });
    const brief = warnings.map((w) => [w.rule, w.severity, w.subjectType, w.raisedAt, w.resolvedAt]);
    expect(brief).toEqual([
      // 16 March: the university's roles still unclarified 60 days after it joined; clarified 1 April.
      ['ROLES_UNCLARIFIED', 'WARNING', 'PARTNER', '2025-03-16T09:00:00.000Z', '2025-04-01T09:00:00.000Z'],
      // 3 March: the second coordination meeting missed in a row.
      ['COORDINATION_MEETINGS_MISSED_IN_A_ROW', 'WARNING', 'PROJECT', '2025-03-03T10:00:00.000Z', null],
      // 10 February: carers contest a decision that affects them.
      ['DECISIONS_CONTESTED', 'WARNING', 'DECISION', '2025-02-10T09:00:00.000Z', null],
      // 6 February: one carer's suggestion declined as not feasible within the budget: a notice.
      ['SUGGESTIONS_DECLINED_NOT_FEASIBLE', 'NOTICE', 'PROJECT', '2025-02-06T09:00:00.000Z', null],
    ]);
    expect(warnings[0]!.details).toMatchObject({ organisationId: UNIVERSITY, dueAt: '2025-03-16T09:00:00.000Z' });
    expect(warnings[1]!.details).toMatchObject({ missedInARow: 2, threshold: 2, meetingIds: ['meet-1', 'meet-2'] });
    expect(warnings[2]!.details).toMatchObject({ contests: 1, carersConsulted: true, contestedAs: 'group' });
    expect(warnings[3]!.details).toMatchObject({ declined: 1, threshold: 3, notFeasibleBudget: 1 });
  });

  it('asOf shows them as they stood then', async () => {
    // 20 March: the roles warning open (its clarification comes on 1 April).
    const march = await barrierWarnings({ asOf: '2025-03-20T00:00:00.000Z' });
    expect(march.map((w) => [w.rule, w.open, w.resolvedAt])).toEqual([
      ['ROLES_UNCLARIFIED', true, null],
      ['COORDINATION_MEETINGS_MISSED_IN_A_ROW', true, null],
      ['DECISIONS_CONTESTED', true, null],
      ['SUGGESTIONS_DECLINED_NOT_FEASIBLE', true, null],
    ]);
    // 8 February: only the declined suggestion had happened.
    const february = await barrierWarnings({ asOf: '2025-02-08T00:00:00.000Z' });
    expect(february.map((w) => w.rule)).toEqual(['SUGGESTIONS_DECLINED_NOT_FEASIBLE']);
  });
});
