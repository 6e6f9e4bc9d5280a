import { DEV_ACTOR } from './support/project.js';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { suiteApi } from './support/suite-api.js';
import { eventStoreStatus, writingMutation, type Written } from './support/commands.js';

const ACTOR = DEV_ACTOR;

const LAUNCH = writingMutation('launchProject');
const PHASE = `mutation Phase($input: StartProjectPhaseInput!) { startProjectPhase(input: $input) { id revision position } }`;
const EXTEND = `mutation Extend($input: ExtendPilotInput!) { extendPilot(input: $input) { id revision position } }`;
function launchInput(overrides: Record<string, unknown> = {}) {
  return {
    territoryId: 'territory-valley',
    name: 'Carers of the valley',
    eligibleCarers: 320,
    pilotMonths: 18,
    startsOn: '2025-01-01',
    targets: {
      reachShare: 0.333,
      trainingCoursesPerMonth: 1,
      peerMeetingsPerMonth: 1,
      committeeEveryMonths: 4,
      satisfactionThreshold: 0.75,
      understandingThreshold: 0.75,
    },
    ...overrides,
  };
}

describe('project commands over GraphQL', () => {
  const api = suiteApi('project-e2e');

  const status = () => eventStoreStatus(api);

  async function launch(input: Record<string, unknown>) {
    return api.graphql<{ launchProject: Written }>(LAUNCH, { input }, ACTOR);
  }

  it('launches a project and returns the ids, revision and consistency token it wrote', async () => {
    const response = await launch(launchInput());
    expect(response.errors).toBeUndefined();
    const written = response.data!.launchProject;
    expect(written.streamId).toBe(`project-${written.id}`);
    expect(written.revision).toBe(0);
    expect(written.eventIds).toHaveLength(1);
    expect(written.replayed).toBe(false);
    expect((await status()).lastPosition).toBe(written.position);
  });

  it.each([
    ['no eligible carers', launchInput({ eligibleCarers: 0 }), 'BAD_USER_INPUT'],
    ['a reach share above 1', launchInput({ targets: { ...launchInput().targets, reachShare: 2 } }), 'BAD_USER_INPUT'],
    ['a malformed start date', launchInput({ startsOn: '1st of May' }), 'BAD_USER_INPUT'],
    ['a name that is too long', launchInput({ name: 'x'.repeat(201) }), 'BAD_USER_INPUT'],
    ['a missing territory', (({ territoryId: _t, ...rest }) => rest)(launchInput()), 'BAD_USER_INPUT'],
    ['a wrong type', launchInput({ pilotMonths: 'eighteen' }), 'BAD_USER_INPUT'],
    ['a command id that is not a UUID', launchInput({ commandId: 'again' }), 'BAD_USER_INPUT'],
    [
      'an occurredAt in the future',
      launchInput({ occurredAt: new Date(Date.now() + 86_400_000).toISOString() }),
      'BAD_USER_INPUT',
    ],
  ])('refuses %s with a typed error and writes nothing', async (_title, input, code) => {
    const before = await status();
    const response = await launch(input);
    expect(response.data?.launchProject ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(await status()).toEqual(before);
  });

  it('refuses a mutation without an acting user', async () => {
    const before = await status();
    const response = await api.graphql(LAUNCH, { input: launchInput() }, {});
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await status()).toEqual(before);
  });

  it('maps domain errors to NOT_FOUND and CONFLICT with a stable reason', async () => {
    const missing = await api.graphql(
      EXTEND,
      { input: { projectId: randomUUID(), additionalMonths: 2, reason: 'late start' } },
      ACTOR,
    );
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PROJECT_NOT_FOUND' });

    const { id } = (await launch(launchInput())).data!.launchProject;
    await api.graphql(PHASE, { input: { projectId: id, phase: 'co_assessment' } }, ACTOR);
    const backwards = await api.graphql(PHASE, { input: { projectId: id, phase: 'pilot' } }, ACTOR);
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PHASE_NOT_FORWARD' });
  });

  it('returns the first result for a repeated command id and writes nothing new', async () => {
    const commandId = randomUUID();
    const first = (await launch(launchInput({ commandId }))).data!.launchProject;
    const before = await status();
    const retry = (await launch(launchInput({ commandId }))).data!.launchProject;
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await status()).toEqual(before);
  });

  it('decides concurrent commands on fresh state: no lost update, no double launch', async () => {
    const { id } = (await launch(launchInput())).data!.launchProject;
    const extensions = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api.graphql<{ extendPilot: { revision: number } }>(
          EXTEND,
          { input: { projectId: id, additionalMonths: 1, reason: `need ${i}` } },
          ACTOR,
        ),
      ),
    );
    expect(extensions.every((r) => r.errors === undefined)).toBe(true);
    expect(extensions.map((r) => r.data!.extendPilot.revision).sort()).toEqual([1, 2, 3, 4, 5, 6]);

    const projectId = randomUUID();
    const launches = await Promise.all(Array.from({ length: 4 }, () => launch(launchInput({ projectId }))));
    expect(launches.filter((r) => r.errors === undefined)).toHaveLength(1);
    for (const refused of launches.filter((r) => r.errors !== undefined)) {
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROJECT_ALREADY_LAUNCHED' });
    }
  });
});
