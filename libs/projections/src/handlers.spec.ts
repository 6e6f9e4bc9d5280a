import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '#event-store';
import { eventHandlers, sameHandler } from './handlers.js';

type Opened = { type: 'DoorOpened'; data: { doorId: string } };
type Closed = { type: 'DoorClosed'; data: { doorId: string; slammed: boolean } };
type Locked = { type: 'DoorLocked'; data: { doorId: string } };
type DoorEvent = Opened | Closed | Locked;

const recorded = (type: string, data: Record<string, unknown>): RecordedEvent =>
  ({
    id: '00000000-0000-4000-8000-000000000001',
    type,
    data,
    metadata: { actor: { id: 'a', role: 'admin' }, correlationId: 'c' },
    schemaVersion: 1,
    occurredAt: new Date(0),
    streamId: 'door-1',
    revision: 0n,
    position: { commit: 1n, prepare: 1n },
    recordedAt: new Date(0),
  }) as unknown as RecordedEvent;

describe('eventHandlers', () => {
  const seen: string[] = [];
  const handlers = eventHandlers<DoorEvent, string[]>({
    DoorOpened: (event, log) => log.push(`open ${event.data.doorId}`),
    DoorClosed: (event, log) => log.push(`close ${event.data.doorId}${event.data.slammed ? ' (slammed)' : ''}`),
  });

  it('derives the event types from the handlers, so a projection subscribes to exactly what it handles', () => {
    expect([...handlers.eventTypes].sort()).toEqual(['DoorClosed', 'DoorOpened']);
    expect(handlers.handles('DoorOpened')).toBe(true);
    expect(handlers.handles('DoorLocked')).toBe(false);
  });

  it('calls the handler of the event type with its typed data, and ignores other types', () => {
    handlers.handle(recorded('DoorClosed', { doorId: 'd1', slammed: true }), seen);
    handlers.handle(recorded('DoorLocked', { doorId: 'd1' }), seen);
    handlers.handle(recorded('SomethingElse', {}), seen);
    expect(seen).toEqual(['close d1 (slammed)']);
  });

  it('shares one handler between several types', () => {
    const log: string[] = [];
    const shared = eventHandlers<DoorEvent, string[]>({
      ...sameHandler<DoorEvent, string[], void, 'DoorOpened' | 'DoorLocked'>(
        ['DoorOpened', 'DoorLocked'],
        (event, l) => {
          l.push(`${event.type} ${event.data.doorId}`);
        },
      ),
    });
    shared.handle(recorded('DoorLocked', { doorId: 'd2' }), log);
    expect([...shared.eventTypes].sort()).toEqual(['DoorLocked', 'DoorOpened']);
    expect(log).toEqual(['DoorLocked d2']);
  });

  it('refuses at compile time an event type the union does not have', () => {
    eventHandlers<DoorEvent, string[]>({
      // @ts-expect-error: 'DoorSlammed' is not an event of the union
      DoorSlammed: () => undefined,
    });
    eventHandlers<DoorEvent, string[]>({
      // @ts-expect-error: DoorOpened carries no `slammed`
      DoorOpened: (event) => void event.data.slammed,
    });
  });
});
