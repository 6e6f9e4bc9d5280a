import { activityUpcasters } from './activity/activity.upcasters.js';
import { decisionUpcasters } from './decision/decision.upcasters.js';
import { evidenceUpcasters } from './evidence/evidence.upcasters.js';
import { informationChannelUpcasters } from './information-channel/information-channel.upcasters.js';
import type { Upcaster } from './shared/aggregate.js';
import { surveyInstrumentUpcasters } from './survey-instrument/survey-instrument.upcasters.js';

/** Every upcaster of the domain, by event type and the version it reads. */
const ALL_UPCASTERS: readonly Upcaster[] = [
  ...activityUpcasters,
  ...decisionUpcasters,
  ...evidenceUpcasters,
  ...informationChannelUpcasters,
  ...surveyInstrumentUpcasters,
];

const byTypeAndVersion = new Map(
  ALL_UPCASTERS.map((upcaster) => [`${upcaster.eventType}@${upcaster.fromVersion}`, upcaster]),
);

interface VersionedEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: object;
}

/**
 * Reads a stored event of an older schema version as its current shape, one version at a time.
 * The command side and every projection read events through it.
 */
export function upcast<E extends VersionedEvent>(
  event: E,
  upcasters: ReadonlyMap<string, Upcaster> = byTypeAndVersion,
): E {
  let current = event;
  for (;;) {
    const upcaster = upcasters.get(`${current.type}@${current.schemaVersion}`);
    if (!upcaster) return current;
    current = {
      ...current,
      schemaVersion: current.schemaVersion + 1,
      data: upcaster.upcast(current.data as Record<string, unknown>),
    };
  }
}
