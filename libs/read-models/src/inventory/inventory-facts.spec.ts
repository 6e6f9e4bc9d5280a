import { describe, expect, it } from '@jest/globals';
import { PLATFORM_EVENT_TYPES, upcast } from '#domain';
import type { RecordedEvent } from '#event-store';
import { fact, type HistoryEvent } from '../testing/index.js';
import {
  INVENTORY_FACT_KINDS,
  inventoryFactHandlers,
  inventoryFactOf,
  turnoutOfParticipants,
} from './inventory-facts.js';
import { inventoryProjection } from './inventory.projection.js';

let position = 0n;
/** A history event as the store hands it to the projection (upcast, as the engine does). */
function recorded({ streamId, event }: HistoryEvent): RecordedEvent {
  position += 1n;
  return upcast({
    ...event,
    streamId,
    revision: 0n,
    position: { commit: position, prepare: position },
    recordedAt: new Date('2025-06-01T09:00:00.000Z'),
  } as RecordedEvent);
}

const projectId = 'facts-p';

describe('inventory facts', () => {
  it('subscribes to exactly the event types it has a handler for', () => {
    expect(inventoryProjection.eventTypes).toEqual(inventoryFactHandlers.eventTypes);
    for (const type of PLATFORM_EVENT_TYPES) {
      const row = inventoryFactOf(recorded(fact(type, { projectId }, '2025-01-01')));
      expect([type, row !== null]).toEqual([type, inventoryProjection.eventTypes.includes(type)]);
    }
    expect(
      new Set(
        inventoryFactHandlers.eventTypes.map(
          (type) => inventoryFactOf(recorded(fact(type, { projectId }, '2025-01-01')))!.kind,
        ),
      ),
    ).toEqual(new Set(Object.keys(INVENTORY_FACT_KINDS)));
  });

  it("writes an interview's columns, its gender as disclosed (null when it was stored before the inventory)", () => {
    const data = {
      evidenceId: 'i-1',
      projectId,
      intervieweeRole: 'carer',
      intervieweeRef: 'c-1',
      durationMinutes: 45,
      mode: 'telephone',
      phase: 'pilot',
    };
    const v1 = fact('InterviewRecorded', data, '2025-03-01');
    const row = inventoryFactOf(recorded({ ...v1, event: { ...v1.event, schemaVersion: 1 } }));
    expect(row).toMatchObject({
      project_id: projectId,
      kind: 'interview',
      subject_id: 'i-1',
      method: 'interview',
      pilot_moment: null,
      duration_minutes: 45,
      interview_mode: 'telephone',
      person_role: 'carer',
      person_ref: 'c-1',
      gender: null,
      people: null,
      occurred_at: '2025-03-01T12:00:00.000Z',
      recorded_at: '2025-06-01T09:00:00.000Z',
    });
  });

  it("reads a workshop's turnout, or its participants when the turnout was not recorded", () => {
    const participants = { carers: 4, providers: 0, researchers: 2 };
    expect(turnoutOfParticipants(participants)).toEqual([
      { role: 'carer', invited: null, tookPart: 4, female: 0, male: 0, other: 0 },
      { role: 'researcher', invited: null, tookPart: 2, female: 0, male: 0, other: 0 },
    ]);
    const v1 = fact(
      'WorkshopRecorded',
      { evidenceId: 'w-1', projectId, workshopKind: 'co_design_workshop', participants, audioRecorded: false },
      '2025-01-10',
    );
    expect(inventoryFactOf(recorded({ ...v1, event: { ...v1.event, schemaVersion: 1 } }))).toMatchObject({
      kind: 'workshop',
      method: 'co_design_workshop',
      duration_minutes: null,
      pilot_moment: null,
      people: turnoutOfParticipants(participants),
    });
    const turnout = [{ role: 'researcher', invited: 8, tookPart: 2, female: 1, male: 1, other: 0 }];
    const v2 = fact(
      'WorkshopRecorded',
      {
        evidenceId: 'w-2',
        projectId,
        workshopKind: 'co_assessment_workshop',
        participants: { carers: 0, providers: 0, researchers: 2 },
        audioRecorded: false,
        durationMinutes: 100,
        pilotMoment: 'end',
        turnout,
      },
      '2025-06-10',
    );
    expect(inventoryFactOf(recorded(v2))).toMatchObject({
      duration_minutes: 100,
      pilot_moment: 'end',
      people: turnout,
    });
  });
});
