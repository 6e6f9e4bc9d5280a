import { describe, expect, it } from '@jest/globals';
import { scenario } from '../shared/given-when-then.js';
import type {
  RecordCollectionRound,
  RecordInterview,
  RecordReflexiveNote,
  RecordWorkshop,
} from './evidence.commands.js';
import { evidenceAggregate } from './evidence.aggregate.js';
import { evidenceDecider } from './evidence.decider.js';
import type {
  CollectionRoundRecorded,
  InterviewRecord,
  ReflexiveNoteRecord,
  RoleTurnout,
  WorkshopRecorded,
} from './evidence.events.js';

// What a study's data inventory needs (docs/inventory.md): durations, the moment of the pilot,
// who was invited and took part by role with their genders, as counts, never identities.

const projectId = 'p-1';
const evidence = scenario(evidenceDecider);

const carers: RoleTurnout = { role: 'carer', invited: 26, tookPart: 9, female: 7, male: 2, other: 0 };
const providers: RoleTurnout = { role: 'provider', invited: 4, tookPart: 3, female: 3, male: 0, other: 0 };
const researchers: RoleTurnout = { role: 'researcher', invited: 8, tookPart: 2, female: 1, male: 1, other: 0 };
const workshop: RecordWorkshop['data'] = {
  evidenceId: 'w-1',
  projectId,
  workshopKind: 'co_assessment_workshop',
  participants: { carers: 9, providers: 3, researchers: 2 },
  audioRecorded: false,
  audioConsentOfAll: false,
  durationMinutes: 120,
  pilotMoment: 'middle',
  turnout: [carers, providers, researchers],
};
const { audioConsentOfAll: _asserted, ...workshopFacts } = workshop;
const workshopRecorded: WorkshopRecorded = {
  type: 'WorkshopRecorded',
  data: { ...workshopFacts, durationMinutes: 120, pilotMoment: 'middle', turnout: [carers, providers, researchers] },
};

const round: RecordCollectionRound['data'] = {
  roundId: 'r-1',
  projectId,
  method: 'interview',
  pilotMoment: 'end',
  invited: [
    { role: 'carer', invited: 26 },
    { role: 'provider', invited: 4 },
  ],
};
const roundRecorded: CollectionRoundRecorded = { type: 'CollectionRoundRecorded', data: round };

describe('Evidence: the data inventory', () => {
  describe('workshops', () => {
    it('records a workshop with its duration, moment of the pilot and turnout per role', () => {
      evidence.given().when({ type: 'RecordWorkshop', data: workshop }).then(workshopRecorded);
    });

    it('records a turnout with invitations not recorded, undisclosed genders and a role beyond the participants', () => {
      const turnout: RoleTurnout[] = [
        { ...carers, invited: null, female: 0, male: 0 },
        providers,
        researchers,
        { role: 'practitioner', invited: 2, tookPart: 1, female: 0, male: 0, other: 1 },
      ];
      evidence
        .given()
        .when({ type: 'RecordWorkshop', data: { ...workshop, turnout } })
        .then({ type: 'WorkshopRecorded', data: { ...workshopRecorded.data, turnout } });
    });

    it('reads a role left out of the turnout as nobody of that role taking part', () => {
      const data = {
        ...workshop,
        participants: { carers: 9, providers: 3, researchers: 0 },
        turnout: [carers, providers],
      };
      evidence
        .given()
        .when({ type: 'RecordWorkshop', data })
        .then({
          type: 'WorkshopRecorded',
          data: { ...workshopRecorded.data, participants: data.participants, turnout: [carers, providers] },
        });
    });

    it.each([
      ['a zero duration', { durationMinutes: 0 }, 'OUT_OF_RANGE'],
      ['a duration over a day', { durationMinutes: 24 * 60 + 1 }, 'OUT_OF_RANGE'],
      ['a fractional duration', { durationMinutes: 90.5 }, 'OUT_OF_RANGE'],
      ['an unknown moment of the pilot', { pilotMoment: 'halfway' as 'middle' }, 'NOT_ALLOWED'],
      ['a role counted twice', { turnout: [carers, providers, researchers, carers] }, 'ROLE_COUNTED_TWICE'],
      [
        'more taking part than were invited',
        { turnout: [{ ...carers, invited: 8 }, providers, researchers] },
        'TOOK_PART_MORE_THAN_INVITED',
      ],
      [
        'more genders than people who took part',
        { turnout: [carers, providers, { ...researchers, other: 1 }] },
        'GENDERS_EXCEED_TOOK_PART',
      ],
      [
        'a turnout that disagrees with the participants',
        { turnout: [{ ...carers, tookPart: 10 }, providers, researchers] },
        'TURNOUT_DISAGREES_WITH_PARTICIPANTS',
      ],
      [
        'a turnout that leaves out a role that took part',
        { turnout: [carers, providers] },
        'TURNOUT_DISAGREES_WITH_PARTICIPANTS',
      ],
      [
        'a negative invitation count',
        { turnout: [{ ...carers, invited: -1 }, providers, researchers] },
        'OUT_OF_RANGE',
      ],
      ['a fractional gender count', { turnout: [{ ...carers, female: 6.5 }, providers, researchers] }, 'OUT_OF_RANGE'],
      [
        'an unknown role',
        { turnout: [carers, providers, researchers, { ...researchers, role: 'mayor' as 'funder' }] },
        'NOT_ALLOWED',
      ],
    ])('refuses a workshop with %s', (_title, change, reason) => {
      evidence
        .given()
        .when({ type: 'RecordWorkshop', data: { ...workshop, ...change } })
        .thenFails(reason, 'invalid');
    });
  });

  describe('interviews and reflexive notes', () => {
    const interview: InterviewRecord = {
      evidenceId: 'i-1',
      projectId,
      intervieweeRole: 'provider',
      intervieweeRef: 'm-7',
      durationMinutes: 50,
      mode: 'video_call',
      phase: 'pilot',
      pilotMoment: 'middle',
      intervieweeGender: 'female',
    };
    const note: ReflexiveNoteRecord = {
      evidenceId: 'n-1',
      projectId,
      authorMemberId: 'm-42',
      phase: 'pilot',
      text: 'Fewer carers than expected came to the middle workshop.',
      pilotMoment: 'middle',
      authorGender: 'male',
    };

    it("records an interview's moment of the pilot and the interviewee's disclosed gender", () => {
      evidence
        .given()
        .when({ type: 'RecordInterview', data: interview })
        .then({ type: 'InterviewRecorded', data: interview });
    });

    it("records a reflexive note's moment of the pilot and its author's disclosed gender", () => {
      evidence
        .given()
        .when({ type: 'RecordReflexiveNote', data: note })
        .then({ type: 'ReflexiveNoteRecorded', data: note });
    });

    it('records explicit nulls as not recorded', () => {
      const data = { ...interview, pilotMoment: null, intervieweeGender: null };
      evidence.given().when({ type: 'RecordInterview', data }).then({ type: 'InterviewRecorded', data });
    });

    it.each([
      ['an interview at an unknown moment', 'RecordInterview', { ...interview, pilotMoment: 'later' as 'end' }],
      ['an interview with an unknown gender', 'RecordInterview', { ...interview, intervieweeGender: 'f' as 'female' }],
      ['a note at an unknown moment', 'RecordReflexiveNote', { ...note, pilotMoment: 'later' as 'end' }],
      ['a note with an unknown gender', 'RecordReflexiveNote', { ...note, authorGender: 'm' as 'male' }],
    ] as const)('refuses %s', (_title, type, data) => {
      evidence
        .given()
        .when({ type, data } as RecordInterview | RecordReflexiveNote)
        .thenFails('NOT_ALLOWED', 'invalid');
    });
  });

  describe('data-collection rounds', () => {
    it('records how many of each role were invited to a method at a moment of the pilot', () => {
      evidence.given().when({ type: 'RecordCollectionRound', data: round }).then(roundRecorded);
    });

    it('writes a round to a stream of its own', () => {
      const command: RecordCollectionRound = { type: 'RecordCollectionRound', data: round };
      expect(evidenceAggregate.streamId(command)).toBe('collection-round-r-1');
    });

    it('records a round once', () => {
      evidence
        .given(roundRecorded)
        .when({ type: 'RecordCollectionRound', data: round })
        .thenFails('COLLECTION_ROUND_ALREADY_RECORDED', 'conflict');
    });

    it('codes nothing in a round', () => {
      evidence
        .given(roundRecorded)
        .when({
          type: 'CodeObservation',
          data: {
            evidenceId: 'r-1',
            observationId: 'o-1',
            kind: 'positive_outcome',
            taxonomy: 'positive_outcomes',
            code: 'trust',
            stage: 'during',
            level: 'citizen',
            inabilityKind: null,
            quote: null,
          },
        })
        .thenFails('EVIDENCE_NOT_FOUND', 'not_found');
    });

    it.each([
      [
        'workshops (they record their own invitations)',
        { method: 'co_assessment_workshop' as 'interview' },
        'NOT_ALLOWED',
      ],
      ['an unknown moment', { pilotMoment: 'soon' as 'end' }, 'NOT_ALLOWED'],
      ['no one invited', { invited: [{ role: 'carer' as const, invited: 0 }] }, 'NO_ONE_INVITED'],
      ['no roles', { invited: [] }, 'NO_ONE_INVITED'],
      [
        'a role counted twice',
        {
          invited: [
            { role: 'carer' as const, invited: 20 },
            { role: 'carer' as const, invited: 6 },
          ],
        },
        'ROLE_COUNTED_TWICE',
      ],
      ['a negative count', { invited: [{ role: 'carer' as const, invited: -3 }] }, 'OUT_OF_RANGE'],
      ['an unknown role', { invited: [{ role: 'neighbour' as 'carer', invited: 3 }] }, 'NOT_ALLOWED'],
    ])('refuses a round of %s', (_title, change, reason) => {
      evidence
        .given()
        .when({ type: 'RecordCollectionRound', data: { ...round, ...change } })
        .thenFails(reason, 'invalid');
    });
  });
});
