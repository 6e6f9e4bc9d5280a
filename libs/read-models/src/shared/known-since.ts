import type { RecordedEvent } from '#event-store';

/**
 * When a fact became known, for time travel on `knownAt`: when the store accepted its event, or,
 * for history migrated into the platform, the `knownSince` its metadata carries (see
 * EventMetadata.knownSince). The command side only writes one between occurredAt and the append;
 * anything else in the metadata (an event written by another tool) is ignored, never trusted.
 */
export function knownSince(event: RecordedEvent): Date {
  const claimed = event.metadata.knownSince;
  if (typeof claimed !== 'string') return event.recordedAt;
  const at = new Date(claimed);
  const time = at.getTime();
  if (Number.isNaN(time) || time < event.occurredAt.getTime() || time > event.recordedAt.getTime())
    return event.recordedAt;
  return at;
}
