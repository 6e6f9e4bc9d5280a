import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { projectAggregate, type ProjectCommand } from '#domain';
import { EventIdConflictError, WrongExpectedRevisionError, type EventStore, type NewEvent } from '#event-store';
import { openTestEventStore } from '#event-store/testing';
import { valleyPilot } from '#read-models/testing';
import { CommandExecutor } from './command-executor.js';
import { commandScope, runInCommandScope } from './command-scope.js';
import { DryRunEventStore } from './dry-run-event-store.js';

const actor = { id: 'admin-1', role: 'admin' };
const launch = (projectId: string): ProjectCommand => ({ type: 'LaunchProject', data: valleyPilot(projectId) });
const extend = (projectId: string, reason: string): ProjectCommand => ({
  type: 'ExtendPilot',
  data: { projectId, additionalMonths: 1, reason },
});

function noted(text: string): NewEvent {
  return {
    id: randomUUID(),
    type: 'Noted',
    schemaVersion: 1,
    data: { text },
    occurredAt: new Date('2025-01-02T09:00:00.000Z'),
    metadata: { actor, correlationId: randomUUID() },
  };
}

describe('DryRunEventStore: the stored streams plus what a dry run would append', () => {
  let stored: EventStore;

  // One store for the block: every test writes to streams of its own.
  beforeAll(async () => {
    stored = await openTestEventStore('dry_run_event_store');
  });
  afterAll(async () => stored.close());

  it('reads a stored stream followed by its pending events, and appends only in memory', async () => {
    const stream = `note-${randomUUID()}`;
    await stored.append(stream, [noted('a'), noted('b')], 'no_stream');
    const overlay = new DryRunEventStore(stored);

    const appended = await overlay.append(stream, [noted('c')], 1n);

    expect(appended.firstRevision).toBe(2n);
    expect((await overlay.readStream(stream)).map((e) => e.data.text)).toEqual(['a', 'b', 'c']);
    expect((await stored.readStream(stream)).map((e) => e.data.text)).toEqual(['a', 'b']);
    expect(overlay.pendingCount).toBe(1);
  });

  it('reads with the options of a real store (from a revision, backwards, a limit)', async () => {
    const stream = `note-${randomUUID()}`;
    await stored.append(stream, [noted('a'), noted('b')], 'no_stream');
    const overlay = new DryRunEventStore(stored);
    await overlay.append(stream, [noted('c'), noted('d')], 1n);

    const texts = async (options: Parameters<EventStore['readStream']>[1]) =>
      (await overlay.readStream(stream, options)).map((e) => e.data.text);
    expect(await texts({ fromRevision: 1n, limit: 2 })).toEqual(['b', 'c']);
    expect(await texts({ direction: 'backwards', limit: 3 })).toEqual(['d', 'c', 'b']);
    expect(await texts({ direction: 'backwards', fromRevision: 2n })).toEqual(['c', 'b', 'a']);
  });

  it('checks the expected revision against the stream as the dry run sees it', async () => {
    const stream = `note-${randomUUID()}`;
    const overlay = new DryRunEventStore(stored);
    await overlay.append(stream, [noted('a')], 'no_stream');

    await expect(overlay.append(stream, [noted('b')], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(overlay.append(stream, [noted('b')], 5n)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect((await overlay.append(stream, [noted('b')], 0n)).nextExpectedRevision).toBe(1n);
  });

  it('answers a repeated append with its first result and refuses ids reused by other events', async () => {
    const stream = `note-${randomUUID()}`;
    const overlay = new DryRunEventStore(stored);
    const event = noted('a');
    const first = await overlay.append(stream, [event], 'no_stream');

    expect(await overlay.append(stream, [event], 'any')).toEqual(first);
    await expect(overlay.append(stream, [{ ...event, type: 'Other' }], 'any')).rejects.toBeInstanceOf(
      EventIdConflictError,
    );
    expect(overlay.pendingCount).toBe(1);
  });

  it('gives pending events positions after any stored one, and leaves the global log alone', async () => {
    const stream = `note-${randomUUID()}`;
    const overlay = new DryRunEventStore(stored);
    const before = await stored.lastPosition();
    const { position } = await overlay.append(stream, [noted('a')], 'no_stream');

    expect(position.commit > (before?.commit ?? 0n)).toBe(true);
    expect(await overlay.lastPosition()).toEqual(before);
    expect(await stored.readStream(stream)).toEqual([]);
  });

  describe('inside a command scope', () => {
    it("routes the executor's reads and appends through the overlay: later commands see earlier ones", async () => {
      const projectId = randomUUID();
      const executor = new CommandExecutor(stored);
      const overlay = new DryRunEventStore(stored);

      const results = await runInCommandScope({ dryRun: overlay }, async () => [
        await executor.execute(projectAggregate, launch(projectId), { actor }),
        // Refused as PROJECT_NOT_FOUND without the launch before it.
        await executor.execute(projectAggregate, extend(projectId, 'more time'), { actor }),
      ]);

      expect(results.map((r) => r.revision)).toEqual([0n, 1n]);
      expect(await stored.readStream(`project-${projectId}`)).toEqual([]);
      expect(overlay.pendingCount).toBe(2);
      // Outside the scope the executor is back on the real store.
      expect(commandScope()).toBeUndefined();
      await expect(executor.execute(projectAggregate, extend(projectId, 'more time'), { actor })).rejects.toMatchObject(
        { reason: 'PROJECT_NOT_FOUND' },
      );
    });

    it('replays a command id the dry run already used, as a real run would', async () => {
      const projectId = randomUUID();
      const commandId = randomUUID();
      const executor = new CommandExecutor(stored);
      const overlay = new DryRunEventStore(stored);

      const [first, again] = await runInCommandScope({ dryRun: overlay }, async () => [
        await executor.execute(projectAggregate, launch(projectId), { actor, commandId }),
        await executor.execute(projectAggregate, launch(projectId), { actor, commandId }),
      ]);

      expect(first!.replayed).toBe(false);
      expect(again).toEqual({ ...first, replayed: true });
      expect(overlay.pendingCount).toBe(1);
    });
  });
});
