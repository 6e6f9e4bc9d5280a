import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { valleyPilot } from '#read-models/testing';
import { startApi, type RunningApi } from './support/api-process.js';
import { suiteStore } from './support/suite-api.js';
import { DEV_ACTOR } from './support/project.js';
import { mutateOk } from './support/operations.js';

interface Warning {
  id: string;
  projectId: string;
  rule: string;
  severity: string;
  subjectType: string;
  subjectId: string;
  relatedIds: string[];
  message: string;
  details: Record<string, unknown>;
  raisedAt: string;
  resolvedAt: string | null;
  open: boolean;
  computed: boolean;
  position: string | null;
}

const WARNING = `id projectId rule severity subjectType subjectId relatedIds message details raisedAt resolvedAt open computed position`;
const WARNINGS = `query W($projectId: ID, $territoryId: ID, $rule: WarningRule, $open: Boolean, $first: Int, $after: String,
    $atLeastPosition: String) {
  warnings(projectId: $projectId, territoryId: $territoryId, rule: $rule, open: $open, first: $first, after: $after,
      atLeastPosition: $atLeastPosition) {
    edges { cursor node { ${WARNING} } } pageInfo { hasNextPage endCursor } totalCount
  }
}`;
const SUBSCRIPTION = `subscription S($projectId: ID!, $afterPosition: String) {
  warningRaised(projectId: $projectId, afterPosition: $afterPosition) { ${WARNING} }
}`;

const PROJECT_ID = randomUUID();
const TERRITORY = `valley-${randomUUID().slice(0, 8)}`;

/** Collects what a graphql-ws subscription pushes, and lets a test wait for a condition on it. */
function collect(client: Client, variables: Record<string, unknown>) {
  const received: Warning[] = [];
  const errors: unknown[] = [];
  const listeners = new Set<() => void>();
  const unsubscribe = client.subscribe<{ warningRaised: Warning }>(
    { query: SUBSCRIPTION, variables },
    {
      next: (message) => {
        if (message.data?.warningRaised) received.push(message.data.warningRaised);
        if (message.errors) errors.push(...message.errors);
        for (const listener of listeners) listener();
      },
      error: (error) => {
        errors.push(error);
        for (const listener of listeners) listener();
      },
      complete: () => undefined,
    },
  );
  const until = (check: (list: Warning[]) => boolean, timeoutMs = 15_000) =>
    new Promise<Warning[]>((resolve, reject) => {
      const test = () => {
        if (check(received)) {
          listeners.delete(test);
          clearTimeout(timer);
          resolve(received);
        } else if (errors.length > 0) {
          listeners.delete(test);
          clearTimeout(timer);
          reject(new Error(`subscription failed: ${JSON.stringify(errors)}`));
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(test);
        reject(new Error(`timed out; received ${JSON.stringify(received.map((w) => [w.rule, w.subjectId]))}`));
      }, timeoutMs);
      listeners.add(test);
      test();
    });
  return { received, errors, until, unsubscribe };
}

describe('early warnings over GraphQL and graphql-ws', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'warnings-e2e-'));
  const store = suiteStore('warnings');
  let api: RunningApi;
  let client: Client;
  let launchedAt = '';
  let lastPosition = '';

  async function mutate(name: string, input: Record<string, unknown>) {
    const written = await mutateOk(api, name, input, DEV_ACTOR);
    lastPosition = written.position;
    return written;
  }

  const warnings = (variables: Record<string, unknown>) =>
    api.graphql<{
      warnings: {
        edges: Array<{ cursor: string; node: Warning }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        totalCount: number;
      };
    }>(WARNINGS, variables);

  const session = (scheduledFor: string) =>
    mutate('scheduleActivity', {
      projectId: PROJECT_ID,
      kind: 'peer_meeting',
      topic: 'Sharing fears',
      scheduledFor,
      place: 'Town hall',
      organisingOrganisationId: 'org-home-care',
      occurredAt: '2025-01-10T09:00:00.000Z',
    });

  const cancelWithoutCarers = (activityId: string, occurredAt: string) =>
    mutate('cancelActivity', {
      activityId,
      reason: 'expected_low_turnout',
      decidedByOrganisationId: 'org-home-care',
      decidedByRole: 'provider',
      carersConsulted: false,
      occurredAt,
    });

  beforeAll(async () => {
    api = await startApi({ DATA_DIR: dataDir, ...store.env });
    client = createClient({
      url: api.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: DEV_ACTOR,
    });
    const launched = await mutate('launchProject', {
      ...valleyPilot(PROJECT_ID),
      territoryId: TERRITORY,
      name: 'Warnings pilot',
      pilotMonths: 24,
      occurredAt: '2025-01-01T09:00:00.000Z',
    });
    launchedAt = launched.position;
  });
  afterAll(async () => {
    await client?.dispose();
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await store.drop();
  });

  it('two sessions cancelled in a row without consulting carers raise the warnings, pushed over graphql-ws', async () => {
    // Resume after the launch: whenever the subscription starts, nothing raised since is missed.
    const feed = collect(client, { projectId: PROJECT_ID, afterPosition: launchedAt });
    const first = await session('2025-02-05T15:00:00.000Z');
    const second = await session('2025-02-12T15:00:00.000Z');
    await cancelWithoutCarers(first.id, '2025-02-01T09:00:00.000Z');
    await cancelWithoutCarers(second.id, '2025-02-08T09:00:00.000Z');

    const received = await feed.until(
      (list) =>
        list.filter((w) => w.rule === 'CARERS_NOT_CONSULTED').length === 2 &&
        list.some((w) => w.rule === 'CANCELLATIONS_IN_A_ROW'),
    );
    feed.unsubscribe();
    const notConsulted = received.filter((w) => w.rule === 'CARERS_NOT_CONSULTED');
    expect(notConsulted.map((w) => [w.subjectType, w.subjectId, w.raisedAt])).toEqual([
      ['ACTIVITY', first.id, '2025-02-01T09:00:00.000Z'],
      ['ACTIVITY', second.id, '2025-02-08T09:00:00.000Z'],
    ]);
    const run = received.find((w) => w.rule === 'CANCELLATIONS_IN_A_ROW')!;
    expect(run).toMatchObject({
      projectId: PROJECT_ID,
      subjectType: 'PROJECT',
      subjectId: PROJECT_ID,
      severity: 'WARNING',
      relatedIds: [first.id, second.id],
      raisedAt: '2025-02-08T09:00:00.000Z',
      open: true,
      computed: false,
      details: { count: 2, threshold: 2, activityIds: [first.id, second.id] },
    });
    expect(run.position).toMatch(/^\d+-\d+$/);
    // Nothing pushed twice.
    expect(new Set(received.map((w) => w.id)).size).toBe(received.length);

    // The same warnings, read back with the mutation's position as a consistency token.
    const response = await warnings({ projectId: PROJECT_ID, atLeastPosition: lastPosition });
    expect(response.errors).toBeUndefined();
    const listed = response.data!.warnings.edges.map((edge) => edge.node);
    for (const warning of [...notConsulted, run]) {
      expect(listed.find((w) => w.id === warning.id)).toMatchObject({ rule: warning.rule, open: true });
    }
  });

  it('resolves the run when a later session is held, and filters by rule, open and territory', async () => {
    const third = await session('2025-02-19T15:00:00.000Z');
    await mutate('holdActivity', {
      activityId: third.id,
      startedAt: '2025-02-19T15:05:00.000Z',
      durationMinutes: 90,
      audioRecorded: false,
      occurredAt: '2025-02-19T17:00:00.000Z',
    });
    const resolved = await warnings({
      projectId: PROJECT_ID,
      rule: 'CANCELLATIONS_IN_A_ROW',
      atLeastPosition: lastPosition,
    });
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.warnings.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ open: false, resolvedAt: '2025-02-19T17:00:00.000Z' }),
    ]);
    const open = await warnings({ territoryId: TERRITORY, rule: 'CARERS_NOT_CONSULTED', open: true });
    expect(open.data!.warnings.totalCount).toBe(2);
    expect(open.data!.warnings.edges.every((edge) => edge.node.open && edge.node.projectId === PROJECT_ID)).toBe(true);

    // Pages: one at a time, newest first.
    const page1 = await warnings({ projectId: PROJECT_ID, rule: 'CARERS_NOT_CONSULTED', first: 1 });
    expect(page1.data!.warnings.pageInfo.hasNextPage).toBe(true);
    const page2 = await warnings({
      projectId: PROJECT_ID,
      rule: 'CARERS_NOT_CONSULTED',
      first: 1,
      after: page1.data!.warnings.pageInfo.endCursor,
    });
    expect(page2.data!.warnings.pageInfo.hasNextPage).toBe(false);
    expect([page1, page2].map((page) => page.data!.warnings.edges[0]!.node.raisedAt)).toEqual([
      '2025-02-08T09:00:00.000Z',
      '2025-02-01T09:00:00.000Z',
    ]);
  });

  it('asOf: the warnings as they stood then, a later resolution not yet known', async () => {
    // The cancellations' warnings (the reach target, out of reach from 1 February, is left aside).
    const asOf = async (moment: string) => {
      const answer = await api.graphql<{ warnings: { edges: Array<{ node: Warning }>; totalCount: number } }>(
        `query A($projectId: ID!, $asOf: DateTime) {
          warnings(projectId: $projectId, asOf: $asOf) { edges { node { ${WARNING} } } totalCount }
        }`,
        { projectId: PROJECT_ID, asOf: moment },
      );
      const edges = answer.data?.warnings.edges.filter(({ node }) =>
        ['CANCELLATIONS_IN_A_ROW', 'CARERS_NOT_CONSULTED'].includes(node.rule),
      );
      return { ...answer, data: answer.data ? { warnings: { ...answer.data.warnings, edges: edges! } } : undefined };
    };
    // 10 February: both cancellations (1 and 8 February) raised; the run (8 February) is resolved only
    // on 19 February, so it is open then.
    const tenth = await asOf('2025-02-10T00:00:00.000Z');
    expect(tenth.errors).toBeUndefined();
    // (The two warnings of 8 February share raisedAt, so they are listed by id: sorted here.)
    const rows = tenth.data!.warnings.edges.map(({ node }) => [node.rule, node.raisedAt, node.open, node.resolvedAt]);
    expect(
      rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(b[1]).localeCompare(String(a[1]))),
    ).toEqual([
      ['CANCELLATIONS_IN_A_ROW', '2025-02-08T09:00:00.000Z', true, null],
      ['CARERS_NOT_CONSULTED', '2025-02-08T09:00:00.000Z', true, null],
      ['CARERS_NOT_CONSULTED', '2025-02-01T09:00:00.000Z', true, null],
    ]);
    // 5 February: only the first cancellation had happened.
    const fifth = await asOf('2025-02-05T00:00:00.000Z');
    expect(fifth.data!.warnings.edges.map(({ node }) => node.raisedAt)).toEqual(['2025-02-01T09:00:00.000Z']);
    // Not a moment to come.
    const future = await asOf(new Date(Date.now() + 3 * 86_400_000).toISOString());
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IN_THE_FUTURE' });
  });

  it('a live subscription gets only what is raised after it started', async () => {
    const feed = collect(client, { projectId: PROJECT_ID });
    // Let the subscription take its starting point before the decision is recorded.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const decision = await mutate('takeDecision', {
      projectId: PROJECT_ID,
      description: 'Move the peer meetings to the mornings',
      decidedByOrganisationId: 'org-home-care',
      decidedByRole: 'provider',
      affectsCarers: true,
      carersConsulted: false,
      occurredAt: '2025-02-20T09:00:00.000Z',
    });
    const received = await feed.until((list) => list.some((w) => w.subjectId === decision.id));
    feed.unsubscribe();
    expect(received.filter((w) => !w.computed).map((w) => [w.rule, w.subjectType, w.subjectId])).toEqual([
      ['CARERS_NOT_CONSULTED', 'DECISION', decision.id],
    ]);
  });

  it('refuses bad input with typed errors', async () => {
    const both = await warnings({ projectId: PROJECT_ID, territoryId: TERRITORY });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCOPE' });
    const neither = await warnings({});
    expect(neither.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCOPE' });
    const tooMany = await warnings({ projectId: PROJECT_ID, first: 1000 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_TOO_LARGE' });
    const cursor = await warnings({ projectId: PROJECT_ID, after: 'nope' });
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    const token = await warnings({ projectId: PROJECT_ID, atLeastPosition: 'soon' });
    expect(token.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_POSITION' });
    const window = await api.graphql(
      `{ warnings(projectId: "${PROJECT_ID}", from: "2025-03-01T00:00:00Z", to: "2025-02-01T00:00:00Z") { totalCount } }`,
    );
    expect(window.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_WINDOW' });
    const unknown = await warnings({ projectId: randomUUID() });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PROJECT_NOT_FOUND' });

    const missing = collect(client, { projectId: randomUUID() });
    await expect(missing.until(() => false, 5_000)).rejects.toThrow(/NOT_FOUND/);
    const badPosition = collect(client, { projectId: PROJECT_ID, afterPosition: 'later' });
    await expect(badPosition.until(() => false, 5_000)).rejects.toThrow(/INVALID_POSITION/);
  });
});
