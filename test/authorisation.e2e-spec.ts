import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { OPERATION_POLICY } from '../apps/api/src/auth/operation-policy.js';
import { type GraphQLResponse, type RunningApi } from './support/api-process.js';
import { suiteApi } from './support/suite-api.js';
import { ADMIN, as, bearer, COORDINATOR, tokenFor, type TestPrincipal } from './support/auth.js';
import { everyOperation, loadSchema, mutateOk, type Identity, type Operation } from './support/operations.js';
import { launchProject } from './support/project.js';
import { projectionsCaughtUp } from './support/commands.js';

type Role = TestPrincipal['role'];
const ROLES: readonly Role[] = ['carer', 'provider', 'researcher', 'analyst', 'admin'];

/** Run last: they take the caller out of the project (or erase the carer) for the cells after them. */
const DESTRUCTIVE = ['withdrawCarerFromProject', 'leavePartnership', 'eraseCarer'];

type Answer = GraphQLResponse<Record<string, unknown>>;

const codes = (answer: GraphQLResponse<unknown>) =>
  (answer.errors ?? []).map((e) => `${String(e.extensions?.code)}/${String(e.extensions?.reason)}`);

/**
 * Starts a subscription and resolves with its first answer; one still open after `acceptAfterMs`
 * without an error was accepted. Where a refusal is expected, wait for it (it comes as an answer).
 */
function subscribeOnce(
  api: RunningApi,
  headers: Record<string, string>,
  operation: Operation,
  acceptAfterMs = 10_000,
): Promise<Answer> {
  const client = createClient({
    url: api.url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: headers,
  });
  return new Promise<Answer>((resolve) => {
    const done = (answer: Answer) => {
      clearTimeout(timer);
      unsubscribe();
      void client.dispose();
      resolve(answer);
    };
    const timer = setTimeout(() => done({ data: {} }), acceptAfterMs);
    const unsubscribe = client.subscribe<Record<string, unknown>>(
      { query: operation.document, variables: operation.variables },
      {
        next: (message) => done(message as Answer),
        error: (error) => done({ errors: Array.isArray(error) ? error : [{ message: String(error) }] }),
        complete: () => done({ data: {} }),
      },
    );
  });
}

describe('who may see and do what', () => {
  const api = suiteApi('authz-e2e', { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  const projectId = randomUUID();
  let carerId = '';
  let activityId = '';
  const principals = {} as Record<Role, TestPrincipal>;

  const send = (name: string, input: Record<string, unknown>, headers = COORDINATOR) =>
    mutateOk(api, name, input, headers);

  beforeAll(async () => {
    for (const [organisationId, kind] of [
      ['org-home-care', 'service_provider'],
      ['org-university', 'university'],
      ['org-analytics', 'university'],
      ['org-facility', 'care_facility'],
      ['org-outsider', 'service_provider'],
    ] as const) {
      await send('registerOrganisation', { organisationId, name: organisationId, kind }, ADMIN);
    }
    await launchProject(api, projectId);
    for (const [organisationId, partnerRole] of [
      ['org-home-care', 'lead'],
      ['org-university', 'research_partner'],
      ['org-analytics', 'funder'],
      ['org-facility', 'promoter'],
    ] as const) {
      await send('joinPartnership', { projectId, organisationId, partnerRole });
    }
    carerId = (
      await send('registerCarer', {
        projectId,
        pseudonym: 'Carer A',
        registeredByOrganisationId: 'org-home-care',
        gender: 'female',
        ageBand: 'aged_55_64',
        stressLevel: 'high',
        relationship: 'child',
        personalData: { fullName: 'Maria Rossi', phone: '+39 0342 555 0101' },
      })
    ).id;
    const invitation = await send('inviteCarer', {
      carerId,
      channel: 'provider',
      invitedByOrganisationId: 'org-home-care',
    });
    await send('acceptCarerInvitation', { carerId, invitationId: invitation.id });
    // Carers enter their own quiz and survey answers only with this consent (docs/security.md).
    await send('giveCarerConsent', { carerId, kind: 'data_processing' });
    activityId = (
      await send('scheduleActivity', {
        projectId,
        kind: 'peer_meeting',
        topic: 'Peer meeting',
        place: 'Library',
        scheduledFor: '2025-03-01T15:00:00.000Z',
        organisingOrganisationId: 'org-home-care',
      })
    ).id;
    principals.carer = { id: carerId, role: 'carer' };
    principals.provider = { id: 'coordinator-1', role: 'provider', org: 'org-home-care' };
    principals.researcher = { id: 'researcher-7', role: 'researcher', org: 'org-university' };
    principals.analyst = { id: 'analyst-2', role: 'analyst', org: 'org-analytics' };
    principals.admin = { id: 'admin-1', role: 'admin' };
    // Reads below send no consistency token: an outsider's `project(id)` is refused on the row it
    // finds, and a project not yet projected is null, not a refusal.
    await projectionsCaughtUp(api);
  });

  it('has a rule for every query, mutation and subscription of the schema, and nothing else', () => {
    const fields = everyOperation(loadSchema(), { projectId, carerId, organisationId: 'x' }).map((op) => op.field);
    expect([...fields].sort()).toEqual(Object.keys(OPERATION_POLICY).sort());
  });

  describe('an organisation that is not a partner of the project', () => {
    const outsider = as('coordinator-9;provider;org-outsider');
    const refusal = (answer: GraphQLResponse<unknown>) => {
      expect(codes(answer)).toEqual(['FORBIDDEN/NOT_A_PROJECT_MEMBER']);
    };

    it('cannot read the project, its records, signals (now or asOf), report or warnings', async () => {
      refusal(await api.graphql(`query ($id: ID!) { project(id: $id) { id name } }`, { id: projectId }, outsider));
      refusal(await api.graphql(`query ($id: ID!) { activity(id: $id) { id } }`, { id: activityId }, outsider));
      refusal(await api.graphql(`query ($id: ID!) { carer(id: $id) { id pseudonym } }`, { id: carerId }, outsider));
      for (const asOf of [null, '2025-06-01T00:00:00.000Z']) {
        refusal(
          await api.graphql(
            `query ($p: ID!, $asOf: DateTime) { signals(scope: { projectId: $p }, asOf: $asOf) { trust { value } } }`,
            { p: projectId, asOf },
            outsider,
          ),
        );
      }
      refusal(
        await api.graphql(
          `query ($p: ID!) { assessmentReport(projectId: $p) { __typename } }`,
          { p: projectId },
          outsider,
        ),
      );
      refusal(
        await api.graphql(`query ($p: ID!) { warnings(projectId: $p) { totalCount } }`, { p: projectId }, outsider),
      );
      const listed = await api.graphql<{ projects: { edges: Array<{ node: { id: string } }> } }>(
        `{ projects(first: 100) { edges { node { id } } } }`,
        {},
        outsider,
      );
      expect(listed.data!.projects.edges.map((e) => e.node.id)).not.toContain(projectId);
    });

    it('cannot subscribe to its signals or warnings', async () => {
      for (const document of [
        `subscription ($p: ID!) { signalsUpdated(projectId: $p) { __typename } }`,
        `subscription ($p: ID!) { warningRaised(projectId: $p) { __typename } }`,
      ]) {
        refusal(
          await subscribeOnce(api, outsider, {
            kind: 'subscription',
            field: 'x',
            document,
            variables: { p: projectId },
          }),
        );
      }
    });

    it('cannot write into it: nothing is written', async () => {
      const before = await api.graphql<{ eventStore: { lastPosition: string } }>(
        '{ eventStore { lastPosition } }',
        {},
        ADMIN,
      );
      refusal(
        await api.graphql(
          `mutation ($input: HoldActivityInput!) { holdActivity(input: $input) { id } }`,
          { input: { activityId, startedAt: '2025-03-01T15:10:00.000Z', durationMinutes: 90, audioRecorded: false } },
          outsider,
        ),
      );
      refusal(
        await api.graphql(
          `mutation ($input: TakeDecisionInput!) { takeDecision(input: $input) { id } }`,
          {
            input: {
              projectId,
              description: 'Meet on Tuesdays',
              decidedByRole: 'partnership',
              affectsCarers: true,
              carersConsulted: false,
            },
          },
          outsider,
        ),
      );
      const after = await api.graphql<{ eventStore: { lastPosition: string } }>(
        '{ eventStore { lastPosition } }',
        {},
        ADMIN,
      );
      expect(after.data!.eventStore.lastPosition).toBe(before.data!.eventStore.lastPosition);
    });

    it('sees the project once it joins the partnership, and no longer once it leaves', async () => {
      const read = () =>
        api.graphql<{ project: { id: string } | null }>(
          `query ($id: ID!) { project(id: $id) { id } }`,
          { id: projectId },
          outsider,
        );
      await send('joinPartnership', { projectId, organisationId: 'org-outsider', partnerRole: 'practitioner' });
      expect((await read()).data?.project?.id).toBe(projectId);
      await send('leavePartnership', { projectId, organisationId: 'org-outsider' });
      refusal(await read());
    });
  });

  describe("a carer's identifying data", () => {
    const query = `query ($id: ID!, $p: ID!) {
      carer(id: $id) { pseudonym personalData { fullName phone } }
      project(id: $p) { carers(first: 10) { edges { node { id personalData { fullName } } } } }
    }`;
    const nameSeenBy = async (headers: Record<string, string>) => {
      const answer = await api.graphql<{
        carer: { personalData: { fullName: string } | null };
        project: { carers: { edges: Array<{ node: { id: string; personalData: { fullName: string } | null } }> } };
      }>(query, { id: carerId, p: projectId }, headers);
      expect(answer.errors).toBeUndefined();
      const nested = answer.data!.project.carers.edges.find((e) => e.node.id === carerId)!.node.personalData;
      // Top-level and nested views always agree: nothing leaks through a connection.
      expect(nested?.fullName ?? null).toBe(answer.data!.carer.personalData?.fullName ?? null);
      return answer.data!.carer.personalData?.fullName ?? null;
    };

    it('is readable by the provider organisation that registered the carer, and by the carer', async () => {
      expect(await nameSeenBy(COORDINATOR)).toBe('Maria Rossi');
      expect(await nameSeenBy(as('psychologist-2;provider;org-home-care'))).toBe('Maria Rossi');
      expect(await nameSeenBy(bearer({ id: carerId, role: 'carer' }))).toBe('Maria Rossi');
    });

    it('is null for every other caller: other partners, researchers, analysts and admins see the pseudonym only', async () => {
      for (const headers of [
        as('nurse-4;provider;org-facility'),
        as('researcher-7;researcher;org-university'),
        as('analyst-2;analyst;org-analytics'),
        ADMIN,
      ]) {
        expect(await nameSeenBy(headers)).toBeNull();
      }
    });

    it('can be changed only by the carer and the registering provider', async () => {
      const update = (headers: Record<string, string>, id = carerId) =>
        api.graphql(
          `mutation ($input: UpdateCarerPersonalDataInput!) { updateCarerPersonalData(input: $input) { id } }`,
          { input: { carerId: id, personalData: { fullName: 'Someone Else' } } },
          headers,
        );
      expect(codes(await update(as('nurse-4;provider;org-facility')))).toEqual([
        'FORBIDDEN/NOT_THE_REGISTERING_PROVIDER',
      ]);
      expect(codes(await update(bearer({ id: 'another-carer', role: 'carer' })))).toEqual([
        'FORBIDDEN/NOT_YOUR_CARER_RECORD',
      ]);
      expect(codes(await update(as('researcher-7;researcher;org-university')))).toEqual(['FORBIDDEN/ROLE_NOT_ALLOWED']);
      expect(await nameSeenBy(COORDINATOR)).toBe('Maria Rossi');
    });
  });

  describe('authentication', () => {
    const project = `query ($id: ID!) { project(id: $id) { id name } }`;
    const refusedWith = async (headers: Record<string, string>, reason: string) => {
      const answer = await api.graphql(project, { id: projectId }, headers);
      expect(answer.data ?? null).toBeNull();
      expect(codes(answer)).toEqual([`UNAUTHENTICATED/${reason}`]);
    };

    it('answers UNAUTHENTICATED, never data, without a valid token', async () => {
      await refusedWith({}, 'TOKEN_MISSING');
      await refusedWith({ authorization: 'Basic abc' }, 'TOKEN_MALFORMED');
      await refusedWith({ authorization: 'Bearer nonsense' }, 'TOKEN_MALFORMED');
      const principal: TestPrincipal = { id: 'coordinator-1', role: 'provider', org: 'org-home-care' };
      await refusedWith(bearer(principal, { expiresIn: -120 }), 'TOKEN_EXPIRED');
      await refusedWith(bearer(principal, { secret: 'another-secret-0123456789abcdef01234' }), 'TOKEN_INVALID');
      await refusedWith(bearer(principal, { issuer: 'someone-else' }), 'TOKEN_CLAIMS_INVALID');
      await refusedWith(bearer(principal, { audience: 'another-api' }), 'TOKEN_CLAIMS_INVALID');
      await refusedWith(bearer({ id: 'x', role: 'superuser' as Role }), 'TOKEN_CLAIMS_INVALID');
    });

    it('no longer accepts the development header', async () => {
      const answer = await api.graphql(
        project,
        { id: projectId },
        { 'x-dev-actor': 'coordinator-1;provider;org-home-care' },
      );
      expect(codes(answer)).toEqual(['UNAUTHENTICATED/TOKEN_MISSING']);
    });

    it('refuses a subscription without a valid token with UNAUTHENTICATED', async () => {
      const operation: Operation = {
        kind: 'subscription',
        field: 'signalsUpdated',
        document: `subscription ($p: ID!) { signalsUpdated(projectId: $p) { __typename } }`,
        variables: { p: projectId },
      };
      expect(codes(await subscribeOnce(api, {}, operation))).toEqual(['UNAUTHENTICATED/TOKEN_MISSING']);
      expect(
        codes(
          await subscribeOnce(
            api,
            { authorization: `Bearer ${tokenFor({ id: 'a', role: 'admin' }, { expiresIn: -120 })}` },
            operation,
          ),
        ),
      ).toEqual(['UNAUTHENTICATED/TOKEN_EXPIRED']);
    });
  });

  describe('API keys of machine clients', () => {
    const exchange = (key: string) =>
      fetch(api.url.replace('/graphql', '/auth/token'), {
        method: 'POST',
        headers: { authorization: `ApiKey ${key}` },
      });

    it('are created by admins, exchanged for short-lived tokens, and stop working once revoked', async () => {
      const created = await api.graphql<{ createApiKey: { key: string; apiKey: { id: string } } }>(
        `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id role organisationId } } }`,
        { input: { organisationId: 'org-university', role: 'researcher', label: 'nightly export' } },
        ADMIN,
      );
      expect(created.errors).toBeUndefined();
      const { key, apiKey } = created.data!.createApiKey;
      const listed = await api.graphql<{ apiKeys: Array<Record<string, unknown>> }>(
        `{ apiKeys { id label revokedAt } }`,
        {},
        ADMIN,
      );
      expect(JSON.stringify(listed)).not.toContain(key);

      const response = await exchange(key);
      expect(response.status).toBe(200);
      const { accessToken, expiresIn } = (await response.json()) as { accessToken: string; expiresIn: number };
      expect(expiresIn).toBeLessThanOrEqual(900);
      const withKey = { authorization: `Bearer ${accessToken}` };
      const read = await api.graphql<{ project: { id: string } }>(
        `query ($id: ID!) { project(id: $id) { id } }`,
        { id: projectId },
        withKey,
      );
      expect(read.data?.project.id).toBe(projectId);

      const refused = await api.graphql(
        `mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`,
        { id: apiKey.id },
        bearer({ id: 'researcher-7', role: 'researcher', org: 'org-university' }),
      );
      expect(codes(refused)).toEqual(['FORBIDDEN/ROLE_NOT_ALLOWED']);
      await api.graphql(`mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, ADMIN);
      expect(
        codes(await api.graphql(`query ($id: ID!) { project(id: $id) { id } }`, { id: projectId }, withKey)),
      ).toEqual(['UNAUTHENTICATED/API_KEY_REVOKED']);
      const again = await exchange(key);
      expect(again.status).toBe(401);
      expect(((await again.json()) as { error: { reason: string } }).error.reason).toBe('API_KEY_REVOKED');
      expect((await exchange('cpk_0000000000000000_wrong')).status).toBe(401);
    });
  });
  // Last: the allowed cells really run, and some of them (leaving, erasing) change who belongs.
  it('lets every role do exactly what the policy allows, and refuses the rest with FORBIDDEN', async () => {
    const identityOf = (role: Role): Identity => ({
      projectId,
      carerId,
      organisationId: principals[role].org ?? 'org-home-care',
    });
    const mismatches: string[] = [];
    const byName = (role: Role) =>
      new Map(everyOperation(loadSchema(), identityOf(role)).map((operation) => [operation.field, operation]));
    const operations = [...byName('admin').keys()].sort(
      (a, b) =>
        Number(DESTRUCTIVE.includes(a)) - Number(DESTRUCTIVE.includes(b)) ||
        DESTRUCTIVE.indexOf(a) - DESTRUCTIVE.indexOf(b),
    );
    const refusedSomewhere = new Set<string>();
    // Roles run side by side, each through every operation in order (the destructive ones last):
    // what one role's cells change (leaving, erasing) never decides another role's answers.
    await Promise.all(
      ROLES.map(async (role) => {
        for (const field of operations) {
          const operation = byName(role).get(field)!;
          const headers = bearer(principals[role]);
          const allowed = OPERATION_POLICY[field]!.roles.includes(role);
          const answer =
            operation.kind === 'subscription'
              ? await subscribeOnce(api, headers, operation, allowed ? 1_500 : 10_000)
              : await api.graphql<Record<string, unknown>>(operation.document, operation.variables, headers);
          const got = codes(answer);
          if (allowed && got.some((code) => code.startsWith('FORBIDDEN') || code.startsWith('UNAUTHENTICATED')))
            mismatches.push(`${role} ${field}: expected allowed, got ${got.join(', ')}`);
          if (!allowed) {
            refusedSomewhere.add(field);
            if (got.length !== 1 || got[0] !== 'FORBIDDEN/ROLE_NOT_ALLOWED' || answer.data?.[field])
              mismatches.push(
                `${role} ${field}: expected FORBIDDEN/ROLE_NOT_ALLOWED and no data, got ${got.join(', ') || 'data'}`,
              );
          }
        }
      }),
    );
    expect(mismatches).toEqual([]);
    // Operations open to every role (reading a project's records and aggregates) are few and named.
    expect(operations.filter((field) => !refusedSomewhere.has(field)).sort()).toEqual(
      Object.entries(OPERATION_POLICY)
        .filter(([, rule]) => rule.roles.length === ROLES.length)
        .map(([field]) => field)
        .sort(),
    );
  }, 240_000);
});
