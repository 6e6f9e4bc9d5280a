import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startApi, type RunningApi } from './support/api-process.js';
import { as } from './support/auth.js';
import { DEV_ACTOR, launchProject, registerCarer } from './support/project.js';
import { kill, startProjector } from './support/projector-process.js';
import { postgresTestUrl, uniqueSchema, TEST_POOL } from './support/postgres.js';
import { PgDatabase } from '#database';

/**
 * The scaled-out topology of docs/deployment.md on one PostgreSQL: two API processes that run no
 * projections and standalone projectors. Whatever replica a client reaches, it reads its own
 * writes, receives live updates, and shares one rate limit; a projector that dies hands its
 * projections to another.
 */
const url = postgresTestUrl();
const RATE_LIMIT = 40;

if (!url) {
  describe('API replicas on PostgreSQL', () => {
    it.skip('skipped: DATABASE_URL is not set, so there is no PostgreSQL server to run against', () => undefined);
  });
} else {
  describe('API replicas on PostgreSQL', () => {
    const schema = uniqueSchema('replicas');
    const shared = { EVENT_STORE: 'postgres', DATABASE_URL: url, DATABASE_SCHEMA: schema, ...TEST_POOL };
    const projectId = randomUUID();
    let api1: RunningApi;
    let api2: RunningApi;
    let projector1: Awaited<ReturnType<typeof startProjector>>;
    let projector2: Awaited<ReturnType<typeof startProjector>> | null = null;

    beforeAll(async () => {
      projector1 = await startProjector(shared);
      const apis = { ...shared, PROJECTOR: 'off', RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) };
      api1 = await startApi(apis);
      api2 = await startApi(apis);
      await launchProject(api1, projectId);
    });
    afterAll(async () => {
      await Promise.all([api1?.stop(), api2?.stop()]);
      await kill(projector1.process);
      if (projector2) await kill(projector2.process);
      await PgDatabase.dropSchemaAt(url, schema);
    });

    async function carersSeenBy(api: RunningApi, atLeastPosition: string): Promise<string[]> {
      const response = await api.graphql<{ project: { carers: { edges: Array<{ node: { id: string } }> } } }>(
        `query ($id: ID!, $at: String) { project(id: $id, atLeastPosition: $at) { carers(first: 50) { edges { node { id } } } } }`,
        { id: projectId, at: atLeastPosition },
        DEV_ACTOR,
      );
      expect(response.errors).toBeUndefined();
      return response.data!.project.carers.edges.map((edge) => edge.node.id);
    }

    it('reads through one replica, with its consistency token, what was written through the other', async () => {
      const written = await registerCarer(api1, projectId, 'Carer 1');
      expect(await carersSeenBy(api2, written.position)).toContain(written.id);
    });

    it('pushes a signalsUpdated subscription on one replica when a write goes through the other', async () => {
      const client = createClient({
        url: api2.url.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: DEV_ACTOR,
      });
      const denominators: number[] = [];
      let failure: unknown = null;
      const unsubscribe = client.subscribe<{
        signalsUpdated: { trust: { breakdown: Array<{ key: string; denominator: number }> } };
      }>(
        {
          query: `subscription ($projectId: ID!) { signalsUpdated(projectId: $projectId) {
            trust { breakdown { key denominator } } } }`,
          variables: { projectId },
        },
        {
          next: (message) => {
            const acceptance = message.data?.signalsUpdated.trust.breakdown.find(
              (indicator) => indicator.key === 'invitationAcceptance',
            );
            if (acceptance) denominators.push(acceptance.denominator);
          },
          error: (error) => (failure = error),
          complete: () => undefined,
        },
      );
      const until = async (done: () => boolean, what: string) => {
        const deadline = Date.now() + 20_000;
        while (!done()) {
          if (failure) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      try {
        await until(() => denominators.length > 0, 'the first push');
        const before = denominators[denominators.length - 1]!;
        const carer = await registerCarer(api1, projectId, 'Carer 2');
        const send = async (name: string, type: string, input: Record<string, unknown>) => {
          const response = await api1.graphql<Record<string, { id: string }>>(
            `mutation M($input: ${type}!) { ${name}(input: $input) { id } }`,
            { input },
            DEV_ACTOR,
          );
          expect(response.errors).toBeUndefined();
          return response.data![name]!.id;
        };
        const invitationId = await send('inviteCarer', 'InviteCarerInput', {
          carerId: carer.id,
          channel: 'provider',
          invitedByOrganisationId: 'org-home-care',
        });
        await send('acceptCarerInvitation', 'AnswerCarerInvitationInput', { carerId: carer.id, invitationId });
        await until(() => denominators[denominators.length - 1]! > before, 'the accepted invitation on replica 2');
      } finally {
        unsubscribe();
        await client.dispose();
      }
    });

    it('shares one rate limit per caller between the replicas', async () => {
      const caller = as('rate-probe;analyst;org-university');
      const ask = (api: RunningApi) => api.graphql('{ __typename }', undefined, caller);
      for (let i = 0; i < RATE_LIMIT; i++) {
        const answer = await ask(i % 2 === 0 ? api1 : api2);
        expect(answer.errors).toBeUndefined();
      }
      // Each replica alone has seen half the limit: only a shared count refuses now.
      for (const api of [api1, api2]) {
        const refused = await ask(api);
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      }
      const other = await api2.graphql('{ __typename }', undefined, as('other-caller;analyst;org-university'));
      expect(other.errors).toBeUndefined();
    });

    it('hands the projections of a killed projector to another one', async () => {
      projector2 = await startProjector(shared);
      await kill(projector1.process);
      const written = await registerCarer(api1, projectId, 'Carer 3');
      expect(await carersSeenBy(api2, written.position)).toContain(written.id);
      // Every projection is running again, on the second projector, within a few seconds.
      const states = async () => {
        const status = await api2.graphql<{ projections: Array<{ name: string; state: string }> }>(
          `{ projections { name state } }`,
          undefined,
          as('admin-1;admin'),
        );
        expect(status.errors).toBeUndefined();
        return status.data!.projections.map((projection) => `${projection.name}: ${projection.state}`);
      };
      const deadline = Date.now() + 20_000;
      let seen = await states();
      while (seen.some((state) => !state.endsWith(': running')) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        seen = await states();
      }
      expect(seen.filter((state) => !state.endsWith(': running'))).toEqual([]);
    });
  });
}
