import type { RecordedEvent } from '#event-store';
import { activityUpcasters, type Upcaster } from '#domain';

/** Every upcaster of the domain, by event type and the version it reads. */
const ALL_UPCASTERS: readonly Upcaster[] = [...activityUpcasters];

const byTypeAndVersion = new Map(
  ALL_UPCASTERS.map((upcaster) => [`${upcaster.eventType}@${upcaster.fromVersion}`, upcaster]),
);

/** Reads a stored event of an older schema version as its current shape, one version at a time. */
export function upcast(event: RecordedEvent, upcasters = byTypeAndVersion): RecordedEvent {
  let current = event;
  for (;;) {
    const upcaster = upcasters.get(`${current.type}@${current.schemaVersion}`);
    if (!upcaster) return current;
    current = {
      ...current,
      schemaVersion: current.schemaVersion + 1,
      data: upcaster.upcast(current.data) as RecordedEvent['data'],
    };
  }
}
