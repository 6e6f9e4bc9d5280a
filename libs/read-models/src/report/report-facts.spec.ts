import { describe, expect, it } from '@jest/globals';
import { PLATFORM_EVENT_TYPES } from '#domain';
import type { RecordedEvent } from '#event-store';
import { instrument, pilot, type HistoryEvent } from '../testing/index.js';
import { reportFactsProjection } from './report-facts.projection.js';
import { REPORT_FACT_EVENT_TYPES, REPORT_FACT_KINDS, reportFactHandlers, reportFactOf } from './report-facts.js';

let position = 0n;
/** A history event as the store hands it to the projection. */
function recorded({ streamId, event }: HistoryEvent): RecordedEvent {
  position += 1n;
  return {
    ...event,
    streamId,
    revision: 0n,
    position: { commit: position, prepare: position },
    recordedAt: new Date('2025-06-01T09:00:00.000Z'),
  } as RecordedEvent;
}

const p = pilot('facts-p');

describe('report facts', () => {
  it('subscribes to exactly the event types it has a handler for', () => {
    expect(reportFactsProjection.eventTypes).toEqual(reportFactHandlers.eventTypes);
    expect(REPORT_FACT_EVENT_TYPES).toEqual(reportFactHandlers.eventTypes);
    for (const type of PLATFORM_EVENT_TYPES) {
      const fact = reportFactOf(recorded({ streamId: 's', event: { ...p.goal('G', '2025-01-01').event, type } }));
      expect([type, fact !== null]).toEqual([type, reportFactsProjection.eventTypes.includes(type)]);
    }
  });

  it('turns each subscribed type into a fact of its own kind, every kind covered', () => {
    const history = [
      p.goal('G1', '2025-01-05'),
      p.assess('G1', 'unfulfilled', '2025-02-01'),
      p.reassess('G1', 'unfulfilled', 'reached', '2025-03-01'),
      p.selfOrganising('2025-03-02'),
      p.channel('ch', 'website', '2025-01-03'),
      p.reading('ch', ['2025-01-01', '2025-02-01'], { visits: 12 }, '2025-02-02'),
      p.retired('ch', '2025-04-01'),
      p.patient('ch', 'pt-1', '2025-01-20'),
      p.patientsChecked('ch', ['2025-01-01', '2025-02-01'], '2025-02-02'),
      instrument('i-1', 'satisfaction', 4, '2024-12-01'),
    ];
    const kinds = history.map((event) => [event.event.type, reportFactOf(recorded(event))!.kind]);
    expect(new Set(kinds.map(([type]) => type))).toEqual(new Set(reportFactsProjection.eventTypes));
    expect(kinds.map(([, kind]) => kind).sort()).toEqual(Object.keys(REPORT_FACT_KINDS).sort());
  });

  it('writes the columns each kind documents, the others null', () => {
    const reading = recorded(p.reading('ch', ['2025-01-01', '2025-02-01'], { visits: 12, likes: 0 }, '2025-02-02'));
    expect(reportFactOf(reading)).toEqual({
      event_id: reading.id,
      pos_commit: reading.position.commit.toString(),
      pos_prepare: reading.position.prepare.toString(),
      project_id: 'facts-p',
      kind: 'channel_reading',
      subject_id: 'ch',
      category: 'increment',
      detail: null,
      period_start: '2025-01-01T00:00:00.000Z',
      period_end: '2025-02-01T00:00:00.000Z',
      likes: 0,
      visits: 12,
      downloads: null,
      shares: null,
      occurred_at: '2025-02-02T12:00:00.000Z',
      recorded_at: '2025-06-01T09:00:00.000Z',
    });
    expect(reportFactOf(recorded(p.reassess('G1', 'unfulfilled', 'reached', '2025-03-01')))).toMatchObject({
      project_id: 'facts-p',
      kind: 'goal_reassessed',
      subject_id: 'G1',
      category: 'reached',
      detail: 'unfulfilled',
      period_start: null,
      likes: null,
    });
    expect(
      reportFactOf(
        recorded(p.reading('ch', ['2024-12-01', '2025-02-01'], { likes: 40 }, '2025-02-02', 'running_total')),
      ),
    ).toMatchObject({ kind: 'channel_reading', category: 'running_total', likes: 40 });
    expect(reportFactOf(recorded(p.patientsChecked('ch', ['2025-01-01', '2025-02-01'], '2025-02-02')))).toMatchObject({
      kind: 'patients_checked',
      subject_id: 'ch',
      category: null,
      period_start: '2025-01-01T00:00:00.000Z',
      period_end: '2025-02-01T00:00:00.000Z',
      likes: null,
    });
    expect(reportFactOf(recorded(p.patient('ch', 'pt-1', '2025-01-20')))).toMatchObject({
      kind: 'patient_informed',
      subject_id: 'ch',
      category: 'org-a',
      detail: 'pt-1',
    });
    // Instruments belong to no project.
    expect(reportFactOf(recorded(instrument('i-1', 'other', 4, '2024-12-01')))).toMatchObject({
      project_id: null,
      kind: 'instrument_registered',
      subject_id: 'i-1',
      category: 'other',
    });
  });

  it('writes an odd value as null rather than failing the batch', () => {
    const odd = p.reading('ch', ['2025-01-01', '2025-02-01'], {}, '2025-02-02');
    const data = { ...odd.event.data, periodStart: 'not a date', visits: -3, likes: Number.NaN, shares: '4' };
    expect(reportFactOf(recorded({ ...odd, event: { ...odd.event, data } }))).toMatchObject({
      period_start: null,
      period_end: '2025-02-01T00:00:00.000Z',
      likes: null,
      visits: null,
      shares: null,
    });
  });
});
