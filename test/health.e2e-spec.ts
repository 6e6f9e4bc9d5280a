import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { freePort, startApi } from './support/api-process.js';
import { dockerfileHealthcheck, loadComposeFile, type Env } from './support/compose.js';
import { withEmptyCluster } from '#database/testing';
import { kill, startProjector } from './support/projector-process.js';
import { postgresTestUrl, uniqueSchema, TEST_POOL } from './support/postgres.js';
import { PgDatabase } from '#database';

/**
 * The health endpoints of the built processes, without a token: `/health` (liveness: the event
 * store answers) and `/health/ready` (readiness: the read-model database answers too), and the
 * health checks of docker-compose.yml and the Dockerfile run against them.
 */
const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface HealthResponse {
  readonly status: number;
  readonly body: { status?: string; info?: Record<string, unknown>; error?: Record<string, unknown> };
}

async function health(origin: string, path: '/health' | '/health/ready'): Promise<HealthResponse> {
  const response = await fetch(`${origin}${path}`);
  return { status: response.status, body: (await response.json()) as HealthResponse['body'] };
}

async function waitFor<T>(what: string, attempt: () => Promise<T | undefined>, output = () => ''): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const result = await attempt();
      if (result !== undefined) return result;
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) throw new Error(`${what} in time:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The compose health checks as written (their ports swapped for the test's), and the image's.
const compose = loadComposeFile(readFileSync('docker-compose.yml', 'utf8'), {
  POSTGRES_PASSWORD: 'unused',
} satisfies Env);
const composeCheck = (service: 'api' | 'projector', port: number) => {
  const [, command, flag, script] = [compose.services[service]!.healthcheck!.test!].flat();
  return [command!, flag!, script!.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`)];
};
const imageCheck = dockerfileHealthcheck(readFileSync('Dockerfile', 'utf8'));
const exitCodeOf = ([command, ...args]: string[], env: Env = {}) =>
  spawnSync(command === 'node' ? process.execPath : command!, args, {
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 10_000,
  }).status;

describe('the API on the embedded default', () => {
  it('is live and ready without a token, reports the read-model database, and passes both health checks', async () => {
    const api = await startApi({ DATA_DIR: tempDir('health-api-') });
    const origin = new URL(api.url).origin;
    const port = Number(new URL(api.url).port);
    try {
      const ready = await health(origin, '/health/ready');
      expect(ready).toEqual({
        status: 200,
        body: expect.objectContaining({ status: 'ok' }),
      });
      expect(ready.body.info).toEqual({
        eventStore: { status: 'up', kind: 'pglite' },
        readModels: { status: 'up', kind: 'pglite', responseTime: expect.any(Number) },
        eventLog: { status: 'up', heldBack: false },
      });
      const live = await health(origin, '/health');
      expect(live.status).toBe(200);
      expect(live.body.info).toEqual({ eventStore: { status: 'up', kind: 'pglite' } });

      expect(exitCodeOf(composeCheck('api', port))).toBe(0);
      const nobody = String(await freePort());
      expect(exitCodeOf(imageCheck, { PORT: String(port), PROJECTOR_HEALTH_PORT: nobody })).toBe(0);
    } finally {
      await api.stop();
    }
    expect(exitCodeOf(composeCheck('api', port))).toBe(1);
  });
});

describe('the standalone projector on the embedded default', () => {
  it('serves /health/ready on PROJECTOR_HEALTH_PORT, which its health checks find', async () => {
    // An initialised empty cluster, as startApi gives the API (#database/testing, data-dir.ts): no initdb first.
    const projector = await startProjector({ DATA_DIR: await withEmptyCluster(tempDir('health-projector-')) });
    const { port, process: child, output } = projector;
    try {
      const ready = await waitFor(
        'the projector was not ready',
        async () => {
          if (child.exitCode !== null) throw new Error(`projector exited with ${child.exitCode}:\n${output()}`);
          const response = await health(`http://127.0.0.1:${port}`, '/health/ready');
          return response.status === 200 ? response : undefined;
        },
        output,
      );
      expect(ready.body.info).toMatchObject({
        eventStore: { status: 'up', kind: 'pglite' },
        readModels: { status: 'up', kind: 'pglite' },
      });
      expect(exitCodeOf(composeCheck('projector', port))).toBe(0);
      const nobody = String(await freePort());
      expect(exitCodeOf(imageCheck, { PORT: nobody, PROJECTOR_HEALTH_PORT: String(port) })).toBe(0);
    } finally {
      await kill(child, 'SIGTERM');
    }
  });
});

/** A TCP relay to PostgreSQL that can be cut: afterwards its port refuses connections. */
async function relayTo(url: URL): Promise<{ port: number; cut: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(url.port || 5432), url.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no relay port');
  return {
    port: address.port,
    cut: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      sockets.forEach((socket) => socket.destroy());
      await closed;
    },
  };
}

const postgresUrl = postgresTestUrl();
(postgresUrl ? describe : describe.skip)('the API on PostgreSQL (skipped without DATABASE_URL)', () => {
  it('stays up but answers 503 on /health/ready, naming the read models, once PostgreSQL is unreachable', async () => {
    const target = new URL(postgresUrl!);
    const relay = await relayTo(target);
    const relayed = new URL(postgresUrl!);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(relay.port);
    const schema = uniqueSchema('health');
    const api = await startApi({
      EVENT_STORE: 'postgres',
      DATABASE_URL: relayed.toString(),
      DATABASE_SCHEMA: schema,
      ...TEST_POOL,
      PROJECTOR: 'off',
    });
    const origin = new URL(api.url).origin;
    try {
      const ready = await health(origin, '/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.info).toMatchObject({ readModels: { status: 'up', kind: 'postgres' } });

      await relay.cut();
      const refused = await health(origin, '/health/ready');
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({
        status: 'error',
        // A pooled connection reports "Connection terminated unexpectedly", a new one ECONNREFUSED.
        error: { readModels: { status: 'down', message: expect.any(String) } },
      });
      expect(api.process.exitCode).toBeNull();
    } finally {
      await api.stop();
      await relay.cut().catch(() => undefined);
      await PgDatabase.dropSchemaAt(postgresUrl!, schema);
    }
  });
});
