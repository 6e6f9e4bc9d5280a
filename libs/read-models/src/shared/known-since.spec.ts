import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '#event-store';
import { knownSince } from './known-since.js';

const event = (knownSinceClaim?: unknown): RecordedEvent => ({
  id: 'e1',
  type: 'ActivityHeld',
  schemaVersion: 1,
  data: {},
  streamId: 'activity-a1',
  revision: 0n,
  position: { commit: 1n, prepare: 1n },
  occurredAt: new Date('2025-03-01T10:00:00.000Z'),
  recordedAt: new Date('2026-12-01T08:00:00.000Z'),
  metadata: {
    actor: { id: 'seed', role: 'admin' },
    correlationId: 'c1',
    ...(knownSinceClaim === undefined ? {} : { knownSince: knownSinceClaim as string }),
  },
});

describe('knownSince: when a fact became known', () => {
  it('is when the store accepted the event, for everything entered through the platform', () => {
    expect(knownSince(event())).toEqual(new Date('2026-12-01T08:00:00.000Z'));
  });

  it('is the migrated record’s own moment when the metadata carries one', () => {
    expect(knownSince(event('2025-06-15T00:00:00.000Z'))).toEqual(new Date('2025-06-15T00:00:00.000Z'));
  });

  it.each([
    ['before the fact happened', '2025-02-28T00:00:00.000Z'],
    ['after the store accepted it', '2026-12-02T00:00:00.000Z'],
    ['not a date', 'last spring'],
    ['not a string', 42],
  ])('ignores a claim %s', (_case, claim) => {
    expect(knownSince(event(claim))).toEqual(new Date('2026-12-01T08:00:00.000Z'));
  });
});
