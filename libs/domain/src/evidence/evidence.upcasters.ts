import type { Upcaster } from '../shared/aggregate.js';

/**
 * Version 1 of the interview, workshop and reflexive-note events predates the data inventory: what
 * they did not say is read as not recorded (null), never as zero or a guess. A v1 workshop's
 * participants stay its participants; how many were invited and their genders stay unknown.
 */
const interviewRecordedV1ToV2: Upcaster = {
  eventType: 'InterviewRecorded',
  fromVersion: 1,
  upcast(data) {
    return { ...data, pilotMoment: null, intervieweeGender: null };
  },
};

const workshopRecordedV1ToV2: Upcaster = {
  eventType: 'WorkshopRecorded',
  fromVersion: 1,
  upcast(data) {
    return { ...data, durationMinutes: null, pilotMoment: null, turnout: null };
  },
};

const reflexiveNoteRecordedV1ToV2: Upcaster = {
  eventType: 'ReflexiveNoteRecorded',
  fromVersion: 1,
  upcast(data) {
    return { ...data, pilotMoment: null, authorGender: null };
  },
};

export const evidenceUpcasters: Upcaster[] = [
  interviewRecordedV1ToV2,
  workshopRecordedV1ToV2,
  reflexiveNoteRecordedV1ToV2,
];
