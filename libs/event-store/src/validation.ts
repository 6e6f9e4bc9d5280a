import type { NewEvent } from './events.js';
import { InvalidEventError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Clocks of clients and servers drift; a few seconds ahead is still "now", more is the future. */
export const FUTURE_TOLERANCE_MS = 5_000;

/** Checks every adapter applies before it writes anything, so each backend refuses the same input. */
export function assertValidAppend(streamId: string, events: readonly NewEvent[], now = new Date()): void {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > 200) {
    throw new InvalidEventError('Stream id must be a non-empty string of at most 200 characters');
  }
  if (streamId.startsWith('$')) {
    throw new InvalidEventError(`Stream id ${streamId} is reserved: ids starting with $ belong to the store`);
  }
  if (events.length === 0) throw new InvalidEventError('An append needs at least one event');
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) throw new InvalidEventError(`Event id ${event.id} is not a UUID`);
    const id = event.id.toLowerCase();
    if (ids.has(id)) throw new InvalidEventError(`Event id ${event.id} appears twice in one append`);
    ids.add(id);
    if (!event.type || event.type.length > 200) {
      throw new InvalidEventError('Event type must be a non-empty string of at most 200 characters');
    }
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new InvalidEventError(
        `Event ${event.type} has schema version ${event.schemaVersion}; expected an integer >= 1`,
      );
    }
    if (!(event.occurredAt instanceof Date) || Number.isNaN(event.occurredAt.getTime())) {
      throw new InvalidEventError(`Event ${event.type} has no valid occurredAt`);
    }
    if (event.occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new InvalidEventError(`Event ${event.type} occurredAt ${event.occurredAt.toISOString()} is in the future`);
    }
    if (event.data === null || typeof event.data !== 'object' || Array.isArray(event.data)) {
      throw new InvalidEventError(`Event ${event.type} data must be a JSON object`);
    }
    if (!event.metadata?.actor?.id || !event.metadata.correlationId) {
      throw new InvalidEventError(`Event ${event.type} metadata needs an actor id and a correlation id`);
    }
  }
}

export function assertValidLimit(limit: number | undefined, name = 'limit'): void {
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new InvalidEventError(`${name} must be a positive integer, got ${limit}`);
  }
}
