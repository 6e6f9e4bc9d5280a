import { describe, expect, it } from '@jest/globals';
import { upcast } from '../upcasting.js';
import { evidenceAggregate } from './evidence.aggregate.js';

const stored = (type: string, data: object) => ({ type, schemaVersion: 1, data });

describe('InterviewRecorded, WorkshopRecorded and ReflexiveNoteRecorded v1 -> v2 (the data inventory)', () => {
  it('is declared at schema version 2 for the three', () => {
    expect(evidenceAggregate.schemaVersions).toEqual({
      InterviewRecorded: 2,
      WorkshopRecorded: 2,
      ReflexiveNoteRecorded: 2,
    });
  });

  it('reads what v1 did not say as not recorded (null), never zero, and keeps what it said', () => {
    const workshop = {
      evidenceId: 'w-1',
      projectId: 'p-1',
      workshopKind: 'co_assessment_workshop',
      participants: { carers: 9, providers: 3, researchers: 4 },
      audioRecorded: true,
    };
    expect(upcast(stored('WorkshopRecorded', workshop))).toEqual({
      type: 'WorkshopRecorded',
      schemaVersion: 2,
      data: { ...workshop, durationMinutes: null, pilotMoment: null, turnout: null },
    });
    const interview = {
      evidenceId: 'i-1',
      projectId: 'p-1',
      intervieweeRole: 'carer',
      intervieweeRef: 'c-8',
      durationMinutes: 45,
      mode: 'telephone',
      phase: 'co_assessment',
    };
    expect(upcast(stored('InterviewRecorded', interview)).data).toEqual({
      ...interview,
      pilotMoment: null,
      intervieweeGender: null,
    });
    const note = { evidenceId: 'n-1', projectId: 'p-1', authorMemberId: 'm-4', phase: 'pilot', text: 'x' };
    expect(upcast(stored('ReflexiveNoteRecorded', note)).data).toEqual({
      ...note,
      pilotMoment: null,
      authorGender: null,
    });
  });

  it('leaves a v2 event and an observation as they are', () => {
    const v2 = { type: 'WorkshopRecorded', schemaVersion: 2, data: { durationMinutes: 90 } };
    expect(upcast(v2)).toBe(v2);
    const coded = { type: 'ObservationCoded', schemaVersion: 1, data: { evidenceId: 'e-1' } };
    expect(upcast(coded)).toBe(coded);
  });
});
