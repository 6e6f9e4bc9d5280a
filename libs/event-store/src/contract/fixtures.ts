import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../events.js';

export function anEvent(
  type = 'TestEvent',
  data: Record<string, string | number> = {},
  occurredAt = new Date(),
): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data: { ...data },
    metadata: {
      actor: { id: 'user-1', role: 'researcher', organisationId: 'org-1' },
      correlationId: randomUUID(),
      projectId: 'project-1',
    },
    occurredAt,
  };
}

export function someEvents(count: number, type = 'TestEvent'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => anEvent(type, { index }));
}

/** A stream id nobody else uses in this run. */
export function uniqueStream(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}
