import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { suiteApi } from './support/suite-api.js';
import { DEV_ACTOR, launchProject } from './support/project.js';

interface Pushed {
  trust: { value: number | null; breakdown: Array<{ key: string; numerator: number; denominator: number }> };
}

describe('live signals of a project over graphql-ws', () => {
  const projectId = randomUUID();
  const api = suiteApi('signals-live', { setUp: (api) => launchProject(api, projectId) });

  it('pushes new values when facts of the project change them', async () => {
    const client = createClient({
      url: api.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: DEV_ACTOR,
    });
    const pushed: Pushed[] = [];
    let notify: (() => void) | null = null;
    let failure: unknown = null;
    const unsubscribe = client.subscribe<{ signalsUpdated: Pushed }>(
      {
        query: `subscription ($projectId: ID!) { signalsUpdated(projectId: $projectId) {
          trust { value breakdown { key numerator denominator } } } }`,
        variables: { projectId },
      },
      {
        next: (message) => {
          if (message.data) pushed.push(message.data.signalsUpdated);
          notify?.();
        },
        error: (error) => {
          failure = error;
          notify?.();
        },
        complete: () => undefined,
      },
    );
    const waitFor = async (count: number) => {
      const deadline = Date.now() + 15_000;
      while (pushed.length < count) {
        if (failure) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
        if (Date.now() > deadline) throw new Error(`only ${pushed.length} pushes`);
        await new Promise<void>((resolve) => {
          notify = resolve;
          setTimeout(resolve, 200);
        });
      }
    };
    await waitFor(1);
    const acceptance = (p: Pushed) => p.trust.breakdown.find((i) => i.key === 'invitationAcceptance')!;
    expect(acceptance(pushed[0]!)).toMatchObject({ numerator: 0, denominator: 0 });

    const send = async (name: string, type: string, input: Record<string, unknown>) => {
      const response = await api.graphql<Record<string, { id: string }>>(
        `mutation M($input: ${type}!) { ${name}(input: $input) { id } }`,
        { input },
        DEV_ACTOR,
      );
      expect(response.errors).toBeUndefined();
      return response.data![name]!.id;
    };
    const carerId = await send('registerCarer', 'RegisterCarerInput', {
      projectId,
      pseudonym: 'Carer 5',
      registeredByOrganisationId: 'org-home-care',
      gender: 'female',
      ageBand: 'aged_65_74',
      stressLevel: 'high',
      relationship: 'spouse',
    });
    const invitationId = await send('inviteCarer', 'InviteCarerInput', {
      carerId,
      channel: 'word_of_mouth',
      invitedByOrganisationId: 'org-home-care',
    });
    await send('acceptCarerInvitation', 'AnswerCarerInvitationInput', { carerId, invitationId });

    const deadline = Date.now() + 15_000;
    while (acceptance(pushed[pushed.length - 1]!).denominator === 0) {
      if (Date.now() > deadline) throw new Error('the accepted invitation never reached the subscription');
      await waitFor(pushed.length + 1);
    }
    expect(acceptance(pushed[pushed.length - 1]!)).toMatchObject({ numerator: 1, denominator: 1 });
    unsubscribe();
    await client.dispose();
  });
});
