import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { firstValueFrom, filter, timeout } from 'rxjs';
import { PgDatabase } from '#database';
import type { ProjectionEngine } from '#projections';
import { postgresTestUrl, uniqueSchema } from '#database/testing';
import { parseProgress, ProjectionProgressRelay } from './progress-relay.js';
import { ProjectionEvents } from './projection-events.js';

describe('projection progress payloads', () => {
  it('reads what a projector announces and ignores anything else', () => {
    expect(parseProgress('{"projection":"directory","generation":2,"state":"running"}')).toEqual({
      projection: 'directory',
      generation: 2,
      state: 'running',
    });
    expect(parseProgress('not json')).toBeNull();
    expect(parseProgress('{"projection":3}')).toBeNull();
  });
});

const url = postgresTestUrl();
if (!url) {
  describe('projection progress between processes', () => {
    it.skip('skipped: DATABASE_URL is not set, so there is no PostgreSQL server to run against', () => undefined);
  });
} else {
  describe('projection progress between processes', () => {
    const schema = uniqueSchema('relay');
    let projectorDb: PgDatabase;
    let apiDb: PgDatabase;
    const projectorEvents = new ProjectionEvents();
    const apiEvents = new ProjectionEvents();
    let projector: ProjectionProgressRelay;
    let api: ProjectionProgressRelay;

    beforeAll(async () => {
      projectorDb = await PgDatabase.open({ connectionString: url, schema });
      apiDb = await PgDatabase.open({ connectionString: url, schema });
      // The projector side only needs to know that an engine runs here.
      projector = new ProjectionProgressRelay(projectorDb, projectorEvents, {} as ProjectionEngine);
      api = new ProjectionProgressRelay(apiDb, apiEvents, null);
      await Promise.all([projector.onApplicationBootstrap(), api.onApplicationBootstrap()]);
    });
    afterAll(async () => {
      await Promise.all([projector.onApplicationShutdown(), api.onApplicationShutdown()]);
      await apiDb.close();
      await projectorDb.dropSchema();
      await projectorDb.close();
    });

    it('tells an API replica that runs no projections when a projector commits', async () => {
      const arrived = firstValueFrom(
        apiEvents.committed.pipe(
          filter((progress) => progress.projection === 'signal-facts'),
          timeout(5_000),
        ),
      );
      projectorEvents.committed.next({ projection: 'signal-facts', generation: 1, state: 'running' });
      await expect(arrived).resolves.toEqual({ projection: 'signal-facts', generation: 1, state: 'running' });
    });
  });
}
