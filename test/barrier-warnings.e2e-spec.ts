import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { valleyPilot } from '#read-models/testing';
import { startApi, type RunningApi } from './support/api-process.js';
import { suiteStore } from './support/suite-api.js';
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
  'MISTRUST_REFUSALS',
  'NEWCOMERS_ONLY_BY_WORD_OF_MOUTH',
  'MEETING_FORMAT_CONCERNS_UNRESOLVED',
  'CARER_REQUESTS_NOT_MET',
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
  const store = suiteStore('barrier_warnings');
  let api: RunningApi;
  let lastPosition = '';

  async function mutate(name: string, input: Record<string, unknown>) {
    const written = await mutateOk(api, name, input, DEV_ACTOR);
    lastPosition = written.position;
    return written;
  }

  /** A mutation named with its input type (for the carer request mutations, whatever the checked-in schema says). */
  async function send(name: string, inputType: string, input: Record<string, unknown>) {
    const answer = await api.graphql<Record<string, { id: string; position: string }>>(
      `mutation M($input: ${inputType}!) { ${name}(input: $input) { id position } }`,
      { input },
      DEV_ACTOR,
    );
    expect(answer.errors).toBeUndefined();
    lastPosition = answer.data![name]!.position;
    return answer.data![name]!;
  }

  /** Registers a carer and invites them through `channel` at `invitedAt`; returns both ids. */
  async function invited(pseudonym: string, channel: string, invitedAt: string) {
    const carer = await mutate('registerCarer', {
      projectId: PROJECT_ID,
      pseudonym,
      registeredByOrganisationId: 'org-home-care',
      gender: 'female',
      ageBand: 'aged_65_74',
      stressLevel: 'high',
      relationship: 'spouse',
      occurredAt: '2025-04-01T10:00:00.000Z',
    });
    const invitation = await mutate('inviteCarer', {
      carerId: carer.id,
      channel,
      invitedByOrganisationId: 'org-home-care',
      occurredAt: invitedAt,
    });
    return { carerId: carer.id, invitationId: invitation.id };
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
    api = await startApi({ DATA_DIR: dataDir, ...store.env });
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

    // Trust. Five carers invited through a provider, 2 to 6 April: two refuse for mistrust, on 10
    // April (1 of 5, not above 20%) and 12 April (2 of 5): MISTRUST_REFUSALS raised on 12 April.
    const byProvider = [];
    for (const [index, day] of ['02', '03', '04', '05', '06'].entries()) {
      byProvider.push(await invited(`Carer P${index + 1}`, 'provider', `2025-04-${day}T09:00:00.000Z`));
    }
    for (const [index, day] of ['10', '12'].entries()) {
      await mutate('declineCarerInvitation', {
        ...byProvider[index]!,
        reason: 'mistrust',
        note: null,
        occurredAt: `2025-04-${day}T09:00:00.000Z`,
      });
    }
    // The other three join on 15, 16 and 17 April: newcomers through the project's channels.
    for (const [index, day] of ['15', '16', '17'].entries()) {
      await mutate('acceptCarerInvitation', { ...byProvider[index + 2]!, occurredAt: `2025-04-${day}T09:00:00.000Z` });
    }
    // Partnership. The university's concern about the meetings' format, raised 1 May 09:00: due 31
    // May 09:00 (30 days); the next event (1 June) notices it; resolved 20 June.
    await mutate('raiseCoordinationConcern', {
      projectId: PROJECT_ID,
      concernId: 'concern-format',
      raisedByOrganisationId: UNIVERSITY,
      topic: 'Video calls leave the home-care staff out',
      category: 'meeting_format',
      occurredAt: '2025-05-01T09:00:00.000Z',
    });
    // Three carers join by word of mouth, 1, 5 and 10 June.
    for (const [index, day] of ['01', '05', '10'].entries()) {
      const carer = await invited(`Carer W${index + 1}`, 'word_of_mouth', `2025-06-${day}T09:00:00.000Z`);
      await mutate('acceptCarerInvitation', { ...carer, occurredAt: `2025-06-${day}T10:00:00.000Z` });
    }
    await mutate('resolveCoordinationConcern', {
      projectId: PROJECT_ID,
      concernId: 'concern-format',
      resolution: 'Every other meeting in person, at the home-care office',
      occurredAt: '2025-06-20T09:00:00.000Z',
    });
    // Inability or impossibility to change: substitute care hours the providers cannot give (30 June,
    // an impossibility: a notice), then respite they could organise but do not (2 August, an inability).
    const hours = await send('makeCarerRequest', 'MakeCarerRequestInput', {
      projectId: PROJECT_ID,
      carerId: byProvider[2]!.carerId,
      category: 'substitute_care_hours',
      description: 'Four hours on Thursday mornings to attend the course',
      occurredAt: '2025-06-25T09:00:00.000Z',
    });
    await send('declineCarerRequest', 'DeclineCarerRequestInput', {
      requestId: hours.id,
      cannotMeetBecause: 'impossibility',
      explanation: 'The regional budget for substitute care is fixed for the year',
      occurredAt: '2025-06-30T09:00:00.000Z',
    });
    // 1 August notices what the window shows: the provider's newcomers left it 90 days after they
    // joined, the last on 16 July 09:00, leaving only newcomers by word of mouth (raised then); the
    // first mistrust refusal's invitation (2 April) left on 1 July: 1 of 7, resolved on 1 August.
    const respite = await send('makeCarerRequest', 'MakeCarerRequestInput', {
      projectId: PROJECT_ID,
      carerId: byProvider[3]!.carerId,
      category: 'respite',
      description: 'A weekend of respite care in August',
      occurredAt: '2025-08-01T09:00:00.000Z',
    });
    await send('declineCarerRequest', 'DeclineCarerRequestInput', {
      requestId: respite.id,
      cannotMeetBecause: 'inability',
      explanation: 'No staff planned for weekends; the rota could change',
      occurredAt: '2025-08-02T09:00:00.000Z',
    });
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await store.drop();
  });

  it('raises each barrier warning at the moment its history shows it', async () => {
    const warnings = await barrierWarnings({ atLeastPosition: lastPosition });
    const brief = warnings.map((w) => [w.rule, w.severity, w.subjectType, w.raisedAt, w.resolvedAt]);
    expect(brief).toEqual([
      // 16 July 09:00: the last newcomer through a provider left the 90-day window; noticed 1 August.
      ['NEWCOMERS_ONLY_BY_WORD_OF_MOUTH', 'WARNING', 'PROJECT', '2025-07-16T09:00:00.000Z', null],
      // 30 June: one request declined (an impossibility): a notice; the second (2 August) keeps it one.
      ['CARER_REQUESTS_NOT_MET', 'NOTICE', 'PROJECT', '2025-06-30T09:00:00.000Z', null],
      // 31 May: the format concern still open 30 days after 1 May; resolved 20 June.
      [
        'MEETING_FORMAT_CONCERNS_UNRESOLVED',
        'WARNING',
        'CONCERN',
        '2025-05-31T09:00:00.000Z',
        '2025-06-20T09:00:00.000Z',
      ],
      // 12 April: 2 of 5 invitations refused for mistrust; resolved when 1 August finds 1 of 7.
      ['MISTRUST_REFUSALS', 'WARNING', 'PROJECT', '2025-04-12T09:00:00.000Z', '2025-08-01T09:00:00.000Z'],
      // 16 March: the university's roles still unclarified 60 days after it joined; clarified 1 April.
      ['ROLES_UNCLARIFIED', 'WARNING', 'PARTNER', '2025-03-16T09:00:00.000Z', '2025-04-01T09:00:00.000Z'],
      // 3 March: the second coordination meeting missed in a row.
      ['COORDINATION_MEETINGS_MISSED_IN_A_ROW', 'WARNING', 'PROJECT', '2025-03-03T10:00:00.000Z', null],
      // 10 February: carers contest a decision that affects them.
      ['DECISIONS_CONTESTED', 'WARNING', 'DECISION', '2025-02-10T09:00:00.000Z', null],
      // 6 February: one carer's suggestion declined as not feasible within the budget: a notice.
      ['SUGGESTIONS_DECLINED_NOT_FEASIBLE', 'NOTICE', 'PROJECT', '2025-02-06T09:00:00.000Z', null],
    ]);
    const details = (rule: string) => warnings.find((w) => w.rule === rule)!.details;
    expect(details('NEWCOMERS_ONLY_BY_WORD_OF_MOUTH')).toEqual({
      newcomers: 3,
      byWordOfMouth: 3,
      minNewcomers: 3,
      windowDays: 90,
    });
    expect(details('CARER_REQUESTS_NOT_MET')).toMatchObject({
      declined: 2,
      threshold: 3,
      impossibility: 1,
      inability: 1,
      byCategory: { substitute_care_hours: 1, respite: 1 },
    });
    expect(details('MEETING_FORMAT_CONCERNS_UNRESOLVED')).toMatchObject({
      concernId: 'concern-format',
      raisedByOrganisationId: UNIVERSITY,
      dueAt: '2025-05-31T09:00:00.000Z',
      thresholdDays: 30,
    });
    // The details as they stood when it was last refreshed: 2 of the 8 invitations up to 10 June.
    expect(details('MISTRUST_REFUSALS')).toMatchObject({ refusedForMistrust: 2, invitations: 8, thresholdShare: 0.2 });
    expect(details('ROLES_UNCLARIFIED')).toMatchObject({
      organisationId: UNIVERSITY,
      dueAt: '2025-03-16T09:00:00.000Z',
    });
    expect(details('COORDINATION_MEETINGS_MISSED_IN_A_ROW')).toMatchObject({
      missedInARow: 2,
      threshold: 2,
      meetingIds: ['meet-1', 'meet-2'],
    });
    expect(details('DECISIONS_CONTESTED')).toMatchObject({ contests: 1, carersConsulted: true, contestedAs: 'group' });
    expect(details('SUGGESTIONS_DECLINED_NOT_FEASIBLE')).toMatchObject({
      declined: 1,
      threshold: 3,
      notFeasibleBudget: 1,
    });
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
    // 1 July: mistrust still open (resolved 1 August), the format concern resolved on 20 June, one
    // request declined; the newcomers' warning not yet raised (16 July).
    const july = await barrierWarnings({ asOf: '2025-07-01T00:00:00.000Z' });
    expect(july.slice(0, 3).map((w) => [w.rule, w.open])).toEqual([
      ['CARER_REQUESTS_NOT_MET', true],
      ['MEETING_FORMAT_CONCERNS_UNRESOLVED', false],
      ['MISTRUST_REFUSALS', true],
    ]);
  });
});
