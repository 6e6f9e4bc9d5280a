import { ADMIN } from './support/auth.js';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { READ_MODEL_PROJECTIONS } from '#read-models';
import { suiteApi } from './support/suite-api.js';
import { DEV_ACTOR, launchProject } from './support/project.js';

interface Status {
  name: string;
  generation: number;
  state: string;
  checkpoint: string;
  lagEvents: number | null;
  eventsProcessed: number;
  rebuild: { generation: number; progress: number | null } | null;
}

const STATUS_FIELDS = 'name generation state checkpoint lagEvents eventsProcessed rebuild { generation progress }';

describe('projection administration over GraphQL', () => {
  const api = suiteApi('admin-e2e', {
    setUp: async (api) => {
      for (let i = 0; i < 5; i++) await launchProject(api, randomUUID());
    },
  });

  const statuses = async () =>
    (await api.graphql<{ projections: Status[] }>(`{ projections { ${STATUS_FIELDS} } }`)).data!.projections;

  async function until(check: (list: Status[]) => boolean): Promise<Status[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const list = await statuses();
      if (check(list)) return list;
      if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(list)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('reports every projection with its checkpoint and lag', async () => {
    const list = await until((l) => l.every((s) => s.state === 'running' && s.lagEvents === 0));
    expect(list.map((s) => s.name).sort()).toEqual(READ_MODEL_PROJECTIONS.map((p) => p.name).sort());
    // Both of these project every launch (the other projections ignore launches).
    for (const status of list.filter((s) => ['directory', 'signal-facts'].includes(s.name))) {
      expect(status.eventsProcessed).toBeGreaterThanOrEqual(5);
    }
  });

  it('pauses and resumes a projection; an unknown one is NOT_FOUND', async () => {
    const paused = await api.graphql<{ pauseProjection: Status }>(
      `mutation { pauseProjection(name: "directory") { ${STATUS_FIELDS} } }`,
    );
    expect(paused.data?.pauseProjection.state).toBe('paused');
    await launchProject(api, randomUUID());
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lagging = (await statuses()).find((s) => s.name === 'directory')!;
    expect(lagging).toMatchObject({ state: 'paused', lagEvents: 1 });
    await api.graphql(`mutation { resumeProjection(name: "directory") { name } }`);
    await until((l) => l.every((s) => s.state === 'running' && s.lagEvents === 0));

    const missing = await api.graphql(`mutation { pauseProjection(name: "nope") { name } }`);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PROJECTION_NOT_FOUND' });
    const noFailure = await api.graphql(
      `mutation { skipProjectionEvent(name: "directory") { name } }`,
      undefined,
      DEV_ACTOR,
    );
    expect(noFailure.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROJECTION_NOT_FAILED' });
  });

  it('rebuilds without downtime and streams the progress over graphql-ws', async () => {
    const client = createClient({
      url: api.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: ADMIN,
    });
    const seen: Status[][] = [];
    const finished = new Promise<void>((resolve, reject) => {
      const unsubscribe = client.subscribe<{ projectionStatus: Status[] }>(
        { query: `subscription { projectionStatus { ${STATUS_FIELDS} } }` },
        {
          next: (message) => {
            const list = message.data?.projectionStatus;
            if (!list) return;
            seen.push(list);
            const directory = list.find((s) => s.name === 'directory');
            if (directory?.generation === 2 && directory.rebuild === null) {
              unsubscribe();
              resolve();
            }
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = await api.graphql<{ rebuildProjection: Status }>(
      `mutation { rebuildProjection(name: "directory") { ${STATUS_FIELDS} } }`,
    );
    expect(started.data?.rebuildProjection.rebuild?.generation).toBe(2);
    await finished;
    await client.dispose();
    expect(seen.length).toBeGreaterThan(0);
    const final = (await statuses()).find((s) => s.name === 'directory')!;
    expect(final).toMatchObject({ generation: 2, state: 'running', lagEvents: 0 });
    expect(final.eventsProcessed).toBeGreaterThanOrEqual(6);
  });
});
