import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ADMIN } from './support/auth.js';
import { DEV_ACTOR, launchProject, registerCarer } from './support/project.js';
import { suiteApi } from './support/suite-api.js';

const MARCH = { from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' };
const RECORD = `mutation M($input: RecordInstrumentResponseInput!) { recordInstrumentResponse(input: $input) { id position } }`;

/** Instruments of the field registered as data, answered outside activities, read as framework indicators (docs/signals.md). */
describe('survey instruments a territory already uses, as signal indicators', () => {
  const projectId = randomUUID();
  const agency = `org-agency-${randomUUID().slice(0, 8)}`;
  const synergy = `partnership-synergy-${randomUUID().slice(0, 8)}`;
  const quality = `engagement-quality-${randomUUID().slice(0, 8)}`;
  let carerId = '';
  let lastPosition = '';

  const send = async (name: string, type: string, input: Record<string, unknown>, as = DEV_ACTOR) => {
    const response = await api.graphql<Record<string, { id: string; position: string }>>(
      `mutation M($input: ${type}!) { ${name}(input: $input) { id position } }`,
      { input },
      as,
    );
    if (response.errors) throw new Error(`${name} failed: ${JSON.stringify(response.errors)}`);
    lastPosition = response.data![name]!.position;
    return response.data![name]!;
  };
  const instrument = (instrumentId: string, respondents: string, items: string[]) =>
    send(
      'registerSurveyInstrument',
      'RegisterSurveyInstrumentInput',
      {
        instrumentId,
        name: instrumentId,
        measures: 'other',
        respondents,
        itemCount: items.length,
        items,
        scale: { minimum: 1, maximum: 5 },
      },
      ADMIN,
    );
  const answer = (input: Record<string, unknown>) =>
    api.graphql<{ recordInstrumentResponse: { id: string; position: string } }>(RECORD, { input }, DEV_ACTOR);

  const api = suiteApi('instruments-e2e', {
    setUp: async (running) => {
      await launchProject(running, projectId);
    },
  });

  it('registers the instruments with who answers them and their items', async () => {
    await send(
      'registerOrganisation',
      'RegisterOrganisationInput',
      { organisationId: agency, name: 'Valley home care', kind: 'service_provider' },
      ADMIN,
    );
    await send('joinPartnership', 'JoinPartnershipInput', { projectId, organisationId: agency, partnerRole: 'lead' });
    for (const memberId of ['m-1', 'm-2']) {
      await send('addPartnerMember', 'AddPartnerMemberInput', {
        projectId,
        organisationId: agency,
        memberId,
        memberRole: 'coordinator',
      });
    }
    carerId = (await registerCarer(api, projectId)).id;
    await instrument(synergy, 'partner_members', [
      'Identify new and creative ways to solve problems',
      'Include the views and priorities of the people affected',
      'Develop goals that are widely understood and supported',
    ]);
    await instrument(quality, 'carers', ['How well were you listened to?']);

    const listed = await api.graphql<{
      surveyInstruments: { edges: { node: { id: string; respondents: string; items: string[] | null } }[] };
    }>(
      'query Q($at: String) { surveyInstruments(first: 50, atLeastPosition: $at) { edges { node { id respondents items } } } }',
      { at: lastPosition },
      DEV_ACTOR,
    );
    const nodes = listed.data!.surveyInstruments.edges.map((edge) => edge.node);
    expect(nodes.find((node) => node.id === synergy)).toMatchObject({ respondents: 'partner_members' });
    expect(nodes.find((node) => node.id === synergy)!.items).toHaveLength(3);
    expect(nodes.find((node) => node.id === quality)).toMatchObject({ respondents: 'carers' });
  });

  it("records one respondent's answers, refusing the wrong respondent or answers with their reasons", async () => {
    for (const [memberId, answers, day] of [
      ['m-1', [4, 3, 5], '12'],
      ['m-2', [5, 5, 5], '14'],
    ] as const) {
      const written = await answer({
        projectId,
        instrumentId: synergy,
        memberId,
        answers,
        occurredAt: `2025-03-${day}T10:00:00.000Z`,
      });
      expect(written.errors).toBeUndefined();
      lastPosition = written.data!.recordInstrumentResponse.position;
    }
    const carers = await answer({
      projectId,
      instrumentId: quality,
      carerId,
      answers: [4],
      occurredAt: '2025-03-20T10:00:00.000Z',
    });
    expect(carers.errors).toBeUndefined();
    lastPosition = carers.data!.recordInstrumentResponse.position;

    const refusals = await Promise.all([
      answer({ projectId, instrumentId: synergy, carerId, answers: [4, 4, 4] }),
      answer({ projectId, instrumentId: synergy, carerId, memberId: 'm-1', answers: [4, 4, 4] }),
      answer({ projectId, instrumentId: synergy, memberId: 'm-9', answers: [4, 4, 4] }),
      answer({ projectId, instrumentId: synergy, memberId: 'm-1', answers: [4, 4] }),
      answer({ projectId, instrumentId: synergy, memberId: 'm-1', answers: [4, 4, 6] }),
      answer({ projectId, instrumentId: `unknown-${randomUUID().slice(0, 8)}`, memberId: 'm-1', answers: [4] }),
    ]);
    expect(refusals.map((refusal) => refusal.errors?.[0]?.extensions?.reason)).toEqual([
      'RESPONDENT_KIND_MISMATCH',
      'RESPONDENT_REQUIRED',
      'RESPONDENT_NOT_IN_PROJECT',
      'WRONG_NUMBER_OF_ANSWERS',
      'ANSWER_OUT_OF_SCALE',
      'SURVEY_INSTRUMENT_NOT_FOUND',
    ]);
  });

  it('weighs an instrument beside the event-derived indicators in a registered framework', async () => {
    const REGISTER = `mutation R($input: RegisterSignalFrameworkInput!) { registerSignalFramework(input: $input) { created } }`;
    // The framework is checked against the instruments the signal facts know: wait for them.
    await api.graphql(
      'query S($scope: SignalScopeInput!, $at: String) { signals(scope: $scope, atLeastPosition: $at) { carerCount } }',
      { scope: { projectId }, at: lastPosition },
      ADMIN,
    );
    const defaults = await api.graphql<{ signalFramework: { definition: { signals: Record<string, unknown> } } }>(
      '{ signalFramework(id: "default", version: 1) { definition } }',
    );
    const base = defaults.data!.signalFramework.definition;
    const withInstrument = (instrumentId: string) => ({
      ...base,
      name: 'Valley instruments',
      signals: {
        ...base.signals,
        partnershipCohesion: {
          indicators: [
            { key: 'coordinationMeetingsHeld', weight: 1 },
            { key: 'instrumentScore', weight: 3, instrumentId },
          ],
          warnBelow: 0.5,
          warnDropBy: 0.15,
        },
      },
    });
    const frameworkId = `valley-instruments-${randomUUID().slice(0, 8)}`;
    const unknown = await api.graphql(
      REGISTER,
      { input: { frameworkId, version: 1, definition: withInstrument('collaboration-factors-never-registered') } },
      ADMIN,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SIGNAL_FRAMEWORK',
    });
    expect(unknown.errors?.[0]?.message).toContain('signals.partnershipCohesion.indicators.1.instrumentId');
    const registered = await api.graphql(
      REGISTER,
      { input: { frameworkId, version: 1, definition: withInstrument(synergy) } },
      ADMIN,
    );
    expect(registered.errors).toBeUndefined();

    const report = await api.graphql<{
      signals: { partnershipCohesion: { value: number | null; breakdown: Record<string, unknown>[] } };
    }>(
      `query S($scope: SignalScopeInput!, $window: SignalWindowInput, $framework: SignalFrameworkRefInput) {
        signals(scope: $scope, window: $window, framework: $framework) {
          partnershipCohesion { value breakdown { key instrumentId value numerator denominator carerCount } }
        }
      }`,
      { scope: { projectId }, window: MARCH, framework: { id: frameworkId, version: 1 } },
      DEV_ACTOR,
    );
    expect(report.errors).toBeUndefined();
    const cohesion = report.data!.signals.partnershipCohesion;
    // (4/5 + 3/5 + 5/5) / 3 = 0.8 and 1: 1.8 / 2 = 0.9; no coordination meeting: the instrument alone.
    expect(cohesion.breakdown.find((i) => i.key === 'instrumentScore')).toEqual({
      key: 'instrumentScore',
      instrumentId: synergy,
      value: 0.9,
      numerator: 1.8,
      denominator: 2,
      carerCount: null,
    });
    expect(cohesion.value).toBe(0.9);

    const catalogue = await api.graphql<{
      signalIndicators: { key: string; indicatorParameter: { name: string } | null }[];
    }>('{ signalIndicators { key indicatorParameter { name description } } }');
    expect(catalogue.data!.signalIndicators.find((i) => i.key === 'instrumentScore')?.indicatorParameter).toMatchObject(
      {
        name: 'instrumentId',
      },
    );
  });
});
