import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { activityAggregate, DomainError, projectAggregate, upcast, type ProjectCommand } from '#domain';
import type { EventStore, NewEvent } from '#event-store';
import { openTestEventStore } from '#event-store/testing';
import { valleyPilot } from '#read-models/testing';
import { CommandExecutor } from './command-executor.js';

const actor = { id: 'researcher-1', role: 'researcher', organisationId: 'org-uni' };

const launch = (projectId: string): ProjectCommand => ({ type: 'LaunchProject', data: valleyPilot(projectId) });

function stored(type: string, schemaVersion: number, data: Record<string, string>, occurredAt: string): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion,
    data,
    occurredAt: new Date(occurredAt),
    metadata: { actor, correlationId: randomUUID(), projectId: data.projectId },
  };
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('CommandExecutor', () => {
  let store: EventStore;
  let executor: CommandExecutor;

  beforeEach(async () => {
    store = await openTestEventStore('command_executor');
    executor = new CommandExecutor(store);
  });
  afterEach(async () => store.close());

  it('decides on the folded stream and appends with the actor, command id and occurredAt', async () => {
    const projectId = randomUUID();
    const commandId = randomUUID();
    const occurredAt = new Date('2025-01-02T09:00:00.000Z');
    const result = await executor.execute(projectAggregate, launch(projectId), { actor, commandId, occurredAt });
    expect(result.revision).toBe(0n);
    const [event] = await store.readStream(`project-${projectId}`);
    expect(event!.type).toBe('ProjectLaunched');
    expect(event!.occurredAt.toISOString()).toBe('2025-01-02T09:00:00.000Z');
    expect(event!.metadata).toMatchObject({ actor, commandId, causationId: commandId, projectId });
  });

  it('keeps when a migrated record was first known, and refuses one known before it happened or in the future', async () => {
    const projectId = randomUUID();
    const occurredAt = new Date('2025-01-02T09:00:00.000Z');
    const knownSince = new Date('2025-04-30T12:00:00.000Z');
    await executor.execute(projectAggregate, launch(projectId), { actor, occurredAt, knownSince });
    const [event] = await store.readStream(`project-${projectId}`);
    expect(event!.metadata.knownSince).toBe('2025-04-30T12:00:00.000Z');
    // The store's own record of when it accepted the event is untouched.
    expect(event!.recordedAt.getTime()).toBeGreaterThan(knownSince.getTime());

    const other = randomUUID();
    const before = await failure(
      executor.execute(projectAggregate, launch(other), {
        actor,
        occurredAt,
        knownSince: new Date('2025-01-01T09:00:00.000Z'),
      }),
    );
    expect(before.reason).toBe('KNOWN_SINCE_OUT_OF_RANGE');
    expect(before.details).toEqual({ occurredAt: '2025-01-02T09:00:00.000Z', knownSince: '2025-01-01T09:00:00.000Z' });
    const future = await failure(
      executor.execute(projectAggregate, launch(other), {
        actor,
        occurredAt,
        knownSince: new Date(Date.now() + 3_600_000),
      }),
    );
    expect(future.reason).toBe('KNOWN_SINCE_OUT_OF_RANGE');
    expect(await store.readStream(`project-${other}`)).toEqual([]);
  });

  it('returns the first result for a repeated command id, even after the stream moved on', async () => {
    const projectId = randomUUID();
    const commandId = randomUUID();
    const first = await executor.execute(projectAggregate, launch(projectId), { actor, commandId });
    await executor.execute(
      projectAggregate,
      { type: 'ExtendPilot', data: { projectId, additionalMonths: 2, reason: 'x' } },
      { actor },
    );
    const retry = await executor.execute(projectAggregate, launch(projectId), { actor, commandId });
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await store.readStream(`project-${projectId}`)).toHaveLength(2);
  });

  it('decides again on fresh state when a concurrent writer got there first', async () => {
    const projectId = randomUUID();
    await executor.execute(projectAggregate, launch(projectId), { actor });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        executor.execute(
          projectAggregate,
          { type: 'ExtendPilot', data: { projectId, additionalMonths: 1, reason: `r${i}` } },
          { actor },
        ),
      ),
    );
    expect(results.map((r) => Number(r.revision)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const events = await store.readStream(`project-${projectId}`);
    expect(events.map((e) => e.data.pilotMonths)).toEqual([18, 19, 20, 21, 22, 23, 24, 25, 26]);
  });

  it('writes nothing when the decider refuses', async () => {
    const projectId = randomUUID();
    const error = await failure(
      executor.execute(
        projectAggregate,
        { type: 'ExtendPilot', data: { projectId, additionalMonths: 1, reason: 'x' } },
        { actor },
      ),
    );
    expect(error.reason).toBe('PROJECT_NOT_FOUND');
    expect(await store.readStream(`project-${projectId}`)).toEqual([]);
  });

  describe('schema evolution', () => {
    it('replays stored v1 ActivityCancelled events as v2 and decides on them', async () => {
      const activityId = randomUUID();
      const projectId = randomUUID();
      // History written by an early release: ActivityCancelled at version 1, free-text reason.
      await store.append(
        `activity-${activityId}`,
        [
          stored(
            'ActivityScheduled',
            1,
            {
              activityId,
              projectId,
              kind: 'peer_meeting',
              topic: 'Sharing fears',
              scheduledFor: '2025-03-10T15:00:00.000Z',
              place: 'Town hall',
              organisingOrganisationId: 'org-home-care',
            },
            '2025-02-20T10:00:00.000Z',
          ),
          stored(
            'ActivityCancelled',
            1,
            { activityId, projectId, reason: 'Expected low turnout' },
            '2025-03-08T10:00:00.000Z',
          ),
        ],
        'no_stream',
      );

      const [, cancelled] = (await store.readStream(`activity-${activityId}`)).map((event) => upcast(event));
      expect(cancelled!.schemaVersion).toBe(2);
      expect(cancelled!.data).toEqual({
        activityId,
        projectId,
        reason: 'expected_low_turnout',
        note: null,
        decidedByOrganisationId: null,
        decidedByRole: 'unknown',
        carersConsulted: null,
      });

      const refusal = await failure(
        executor.execute(
          activityAggregate,
          {
            type: 'HoldActivity',
            data: { activityId, startedAt: '2025-03-10T15:00:00.000Z', durationMinutes: 90, audioRecorded: false },
          },
          { actor },
        ),
      );
      expect(refusal.reason).toBe('ACTIVITY_CANCELLED');
    });
  });
});
