import { describe, expect, it } from '@jest/globals';
import type { PlatformEvent } from '#domain';
import type { RecordedEvent } from '#event-store';
import { eventHandlers } from '#projections';
import { composeAreas, DirectoryBatch, type DirectoryArea } from './directory-area.js';
import { DIRECTORY_AREAS, directoryProjection } from './directory.projection.js';

const recorded = (type: string, data: Record<string, unknown>): RecordedEvent =>
  ({
    id: '00000000-0000-4000-8000-000000000001',
    type,
    data,
    metadata: { actor: { id: 'researcher-7', role: 'researcher' }, correlationId: 'c' },
    schemaVersion: 1,
    occurredAt: new Date(0),
    streamId: 'stream-1',
    revision: 0n,
    position: { commit: 1n, prepare: 1n },
    recordedAt: new Date(0),
  }) as unknown as RecordedEvent;

describe('the directory areas', () => {
  it('subscribe the projection to exactly the union of the event types its areas handle', () => {
    const handled = new Set(DIRECTORY_AREAS.flatMap((area) => area.handlers.eventTypes));
    expect([...directoryProjection.eventTypes].sort()).toEqual([...handled].sort());
  });

  it('run every area that handles an event type, in the order of the areas', () => {
    const seen: string[] = [];
    const area = (name: string): DirectoryArea => ({
      tables: [],
      handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
        ProjectLaunched: ({ data }) => void seen.push(`${name} ${data.projectId}`),
        ...(name === 'second' ? { PilotExtended: () => void seen.push(`${name} extended`) } : {}),
      }),
    });
    const composed = composeAreas([area('first'), area('second')]);

    composed.handle(recorded('ProjectLaunched', { projectId: 'p1' }), new DirectoryBatch());
    composed.handle(recorded('PilotExtended', { projectId: 'p1' }), new DirectoryBatch());
    composed.handle(recorded('OrganisationRegistered', { organisationId: 'o1' }), new DirectoryBatch());

    expect(seen).toEqual(['first p1', 'second p1', 'second extended']);
    expect([...composed.eventTypes].sort()).toEqual(['PilotExtended', 'ProjectLaunched']);
  });
});
