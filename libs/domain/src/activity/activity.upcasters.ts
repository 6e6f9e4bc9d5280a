import type { Upcaster } from '../shared/aggregate.js';
import { CANCELLATION_REASONS, type CancellationReason } from './activity.events.js';

/** "Expected low turnout" and "expected-low-turnout" are the enum name `expected_low_turnout`. */
function asReasonName(text: string): CancellationReason | null {
  const name = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (CANCELLATION_REASONS as readonly string[]).includes(name) ? (name as CancellationReason) : null;
}

/**
 * ActivityCancelled v1 stored `{ activityId, projectId, reason }` with a free-text reason and no
 * decision-maker. Facts v1 never recorded stay unknown (null / 'unknown'), never false: reporting
 * "carers not consulted" for those would invent friction that may not have happened.
 */
const activityCancelledV1ToV2: Upcaster = {
  eventType: 'ActivityCancelled',
  fromVersion: 1,
  upcast(data) {
    const text = typeof data['reason'] === 'string' ? data['reason'] : '';
    const reason = asReasonName(text);
    return {
      ...data,
      reason: reason ?? 'other',
      note: reason === null && text.trim() !== '' ? text : null,
      decidedByOrganisationId: null,
      decidedByRole: 'unknown',
      carersConsulted: null,
    };
  },
};

export const activityUpcasters: Upcaster[] = [activityCancelledV1ToV2];
