import { describe, expect, it } from '@jest/globals';
import { fold } from '../shared/decider.js';
import { activityAggregate } from './activity.aggregate.js';
import { activityDecider } from './activity.decider.js';
import type { ActivityEvent } from './activity.events.js';
import { activityUpcasters } from './activity.upcasters.js';

const ids = { activityId: 'a-1', projectId: 'p-1' };
const upcaster = activityUpcasters.find((u) => u.eventType === 'ActivityCancelled' && u.fromVersion === 1)!;
const unknownDecision = { decidedByOrganisationId: null, decidedByRole: 'unknown', carersConsulted: null };

describe('ActivityCancelled v1 -> v2', () => {
  it('is declared at schema version 2, with one upcaster from version 1', () => {
    expect(activityAggregate.schemaVersions).toEqual({ ActivityCancelled: 2 });
    expect(activityUpcasters.map((u) => [u.eventType, u.fromVersion])).toEqual([['ActivityCancelled', 1]]);
  });

  it.each([
    ['weather', 'weather'],
    ['Expected low turnout', 'expected_low_turnout'],
    [' facilitator-unavailable ', 'facilitator_unavailable'],
  ])('maps the free-text reason "%s" that names an enum value to it', (text, reason) => {
    expect(upcaster.upcast({ ...ids, reason: text })).toEqual({ ...ids, reason, note: null, ...unknownDecision });
  });

  it('keeps any other free text as the note of an "other" reason', () => {
    expect(upcaster.upcast({ ...ids, reason: 'the psychologist had the flu' })).toEqual({
      ...ids,
      reason: 'other',
      note: 'the psychologist had the flu',
      ...unknownDecision,
    });
  });

  it('reads a missing reason as "other" without a note', () => {
    expect(upcaster.upcast({ ...ids })).toEqual({ ...ids, reason: 'other', note: null, ...unknownDecision });
  });

  it('folds the upcast event into a cancelled activity that can no longer be held', () => {
    const scheduled: ActivityEvent = {
      type: 'ActivityScheduled',
      data: {
        ...ids,
        kind: 'peer_meeting',
        topic: 'Fear of the night',
        scheduledFor: '2025-03-01T15:00:00.000Z',
        place: 'Town hall, room 2',
        facilitatorMemberId: null,
        organisingOrganisationId: 'org-provider',
      },
    };
    const stored = { type: 'ActivityCancelled', data: upcaster.upcast({ ...ids, reason: 'few carers' }) };
    const state = fold(activityDecider, [scheduled, stored as ActivityEvent]);
    expect(state).toMatchObject({ status: 'cancelled', ...ids, kind: 'peer_meeting' });
    const now = new Date('2025-03-02T00:00:00.000Z');
    expect(() =>
      activityDecider.decide(
        {
          type: 'HoldActivity',
          data: {
            activityId: ids.activityId,
            startedAt: now.toISOString(),
            durationMinutes: null,
            audioRecorded: false,
          },
        },
        state,
        { now, occurredAt: now },
      ),
    ).toThrow(expect.objectContaining({ reason: 'ACTIVITY_CANCELLED' }));
  });
});
