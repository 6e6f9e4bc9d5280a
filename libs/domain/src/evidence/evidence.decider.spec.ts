import { describe, expect, it } from '@jest/globals';
import { NOW, scenario } from '../shared/given-when-then.js';
import type { CodeObservation, RecordInterview, RecordReflexiveNote, RecordWorkshop } from './evidence.commands.js';
import type {
  InterviewRecorded,
  ObservationCoded,
  ReflexiveNoteRecorded,
  WorkshopRecorded,
} from './evidence.events.js';
import { evidenceDecider } from './evidence.decider.js';
import { INVOLVEMENT_SHORTCOMING_CODES, involvementShortcoming, TAXONOMIES, TAXONOMY_CODES } from './taxonomy.js';

const projectId = 'p-1';
const evidenceId = 'e-1';
const interview: RecordInterview['data'] = {
  evidenceId,
  projectId,
  intervieweeRole: 'carer',
  intervieweeRef: 'c-8f14e45f',
  durationMinutes: 45,
  mode: 'telephone',
  phase: 'co_assessment',
};
// Left out of a command, the inventory facts are recorded as not recorded (null).
const interviewRecorded: InterviewRecorded = {
  type: 'InterviewRecorded',
  data: { ...interview, pilotMoment: null, intervieweeGender: null },
};
const workshop: RecordWorkshop['data'] = {
  evidenceId,
  projectId,
  workshopKind: 'co_assessment_workshop',
  participants: { carers: 9, providers: 3, researchers: 4 },
  audioRecorded: true,
  audioConsentOfAll: true,
};
// The consent assertion is checked, never stored: the event is the workshop without it.
const { audioConsentOfAll: _asserted, ...workshopFacts } = workshop;
const workshopRecorded: WorkshopRecorded = {
  type: 'WorkshopRecorded',
  data: { ...workshopFacts, durationMinutes: null, pilotMoment: null, turnout: null },
};
const note: RecordReflexiveNote['data'] = {
  evidenceId,
  projectId,
  authorMemberId: 'm-42',
  phase: 'pilot',
  text: 'The team cancelled the May session without asking the carers.',
};
const noteRecorded: ReflexiveNoteRecorded = {
  type: 'ReflexiveNoteRecorded',
  data: { ...note, pilotMoment: null, authorGender: null },
};
const coding: CodeObservation['data'] = {
  evidenceId,
  observationId: 'o-1',
  kind: 'barrier',
  taxonomy: 'pilot_barriers',
  code: 'inability_to_change',
  stage: 'during',
  level: 'citizen',
  inabilityKind: 'impossibility',
  quote: { role: 'carer', gender: 'female', number: 8, text: 'I cannot leave my mother alone.' },
};
/** The event of a coding, which carries the project, kind and phase of the evidence coded. */
const codedOn = (
  evidence: Pick<ObservationCoded['data'], 'evidenceKind' | 'phase'>,
  data: CodeObservation['data'],
): ObservationCoded => ({ type: 'ObservationCoded', data: { ...data, projectId, ...evidence } });
const coded = codedOn({ evidenceKind: 'interview', phase: 'co_assessment' }, coding);
const evidence = scenario(evidenceDecider);

describe('Evidence', () => {
  describe('recording', () => {
    it('records an interview', () => {
      evidence.given().when({ type: 'RecordInterview', data: interview }).then(interviewRecorded);
    });

    it('records a workshop without keeping the consent assertion', () => {
      evidence.given().when({ type: 'RecordWorkshop', data: workshop }).then(workshopRecorded);
    });

    it('records a workshop that was not audio-recorded without anyone consenting', () => {
      evidence
        .given()
        .when({ type: 'RecordWorkshop', data: { ...workshop, audioRecorded: false, audioConsentOfAll: false } })
        .then({ type: 'WorkshopRecorded', data: { ...workshopRecorded.data, audioRecorded: false } });
    });

    it('refuses a workshop audio-recorded without the consent of all', () => {
      evidence
        .given()
        .when({ type: 'RecordWorkshop', data: { ...workshop, audioConsentOfAll: false } })
        .thenFails('AUDIO_WITHOUT_CONSENT', 'invalid');
    });

    it('records a reflexive note by a researcher', () => {
      evidence.given().when({ type: 'RecordReflexiveNote', data: note }).then(noteRecorded);
    });

    it('records a piece of evidence once, whatever its kind', () => {
      evidence
        .given(interviewRecorded)
        .when({ type: 'RecordInterview', data: interview })
        .thenFails('EVIDENCE_ALREADY_RECORDED', 'conflict');
      evidence
        .given(interviewRecorded)
        .when({ type: 'RecordWorkshop', data: workshop })
        .thenFails('EVIDENCE_ALREADY_RECORDED', 'conflict');
      evidence
        .given(workshopRecorded)
        .when({ type: 'RecordReflexiveNote', data: note })
        .thenFails('EVIDENCE_ALREADY_RECORDED', 'conflict');
    });

    it('refuses evidence gathered in the future', () => {
      evidence
        .given()
        .when({ type: 'RecordInterview', data: interview }, { occurredAt: new Date(NOW.getTime() + 60_000) })
        .thenFails('IN_THE_FUTURE', 'invalid');
    });

    it.each([
      ['an unknown role', { ...interview, intervieweeRole: 'patient' as 'carer' }, 'NOT_ALLOWED'],
      ['a name instead of a pseudonym', { ...interview, intervieweeRef: 'Maria Rossi' }, 'NOT_PSEUDONYMOUS'],
      ['an e-mail instead of a pseudonym', { ...interview, intervieweeRef: 'maria@example.org' }, 'NOT_PSEUDONYMOUS'],
      ['a zero duration', { ...interview, durationMinutes: 0 }, 'OUT_OF_RANGE'],
      ['a duration over ten hours', { ...interview, durationMinutes: 601 }, 'OUT_OF_RANGE'],
      ['an unknown mode', { ...interview, mode: 'letter' as 'telephone' }, 'NOT_ALLOWED'],
      ['an unknown phase', { ...interview, phase: 'closed' as 'pilot' }, 'NOT_ALLOWED'],
    ])('refuses an interview with %s', (_title, data, reason) => {
      evidence.given().when({ type: 'RecordInterview', data }).thenFails(reason, 'invalid');
    });

    it.each([
      ['an unknown kind', { ...workshop, workshopKind: 'focus_group' as 'co_design_workshop' }, 'NOT_ALLOWED'],
      [
        'no participants',
        { ...workshop, participants: { carers: 0, providers: 0, researchers: 0 } },
        'NO_PARTICIPANTS',
      ],
      ['a negative count', { ...workshop, participants: { carers: -1, providers: 2, researchers: 2 } }, 'OUT_OF_RANGE'],
      [
        'a fractional count',
        { ...workshop, participants: { carers: 1.5, providers: 2, researchers: 2 } },
        'OUT_OF_RANGE',
      ],
    ])('refuses a workshop with %s', (_title, data, reason) => {
      evidence.given().when({ type: 'RecordWorkshop', data }).thenFails(reason, 'invalid');
    });

    it.each([
      ['an empty text', { ...note, text: '  ' }, 'REQUIRED'],
      ['a text that is too long', { ...note, text: 'x'.repeat(10_001) }, 'TOO_LONG'],
      ['an author that is not a pseudonymous id', { ...note, authorMemberId: 'Dr Bianchi' }, 'NOT_PSEUDONYMOUS'],
    ])('refuses a reflexive note with %s', (_title, data, reason) => {
      evidence.given().when({ type: 'RecordReflexiveNote', data }).thenFails(reason, 'invalid');
    });
  });

  describe('coding observations', () => {
    it('codes an observation with the phase and kind of its evidence', () => {
      evidence.given(interviewRecorded).when({ type: 'CodeObservation', data: coding }).then(coded);
    });

    it('takes the phase of a workshop from its kind', () => {
      const trust: CodeObservation['data'] = {
        ...coding,
        kind: 'positive_outcome',
        taxonomy: 'positive_outcomes',
        code: 'trust',
        inabilityKind: null,
        quote: null,
      };
      evidence
        .given({ type: 'WorkshopRecorded', data: { ...workshopRecorded.data, workshopKind: 'co_design_workshop' } })
        .when({ type: 'CodeObservation', data: trust })
        .then(codedOn({ evidenceKind: 'co_design_workshop', phase: 'co_design' }, trust));
    });

    it('codes a negative effect from the involvement classification on a reflexive note', () => {
      const extraCosts: CodeObservation['data'] = {
        ...coding,
        kind: 'negative_effect',
        taxonomy: 'involvement_shortcomings',
        code: 'negative_effect_system_extra_costs_and_effort',
        stage: 'after',
        level: 'system',
        inabilityKind: null,
        quote: null,
      };
      evidence
        .given(noteRecorded)
        .when({ type: 'CodeObservation', data: extraCosts })
        .then(codedOn({ evidenceKind: 'reflexive_note', phase: 'pilot' }, extraCosts));
    });

    it('refuses to code an observation on evidence that was never recorded', () => {
      evidence.given().when({ type: 'CodeObservation', data: coding }).thenFails('EVIDENCE_NOT_FOUND', 'not_found');
    });

    it('codes an observation once per evidence', () => {
      evidence
        .given(interviewRecorded, coded)
        .when({ type: 'CodeObservation', data: { ...coding, code: 'lack_of_trust', inabilityKind: null } })
        .thenFails('OBSERVATION_ALREADY_CODED', 'conflict');
    });

    it.each([
      ['a code from another taxonomy', { code: 'blaming' }, 'CODE_NOT_IN_TAXONOMY'],
      ['an unknown taxonomy', { taxonomy: 'folk_wisdom' as 'pilot_barriers' }, 'NOT_ALLOWED'],
      ['an unknown kind', { kind: 'anecdote' as 'barrier' }, 'NOT_ALLOWED'],
      ['an unknown stage', { stage: 'later' as 'after' }, 'NOT_ALLOWED'],
      ['an unknown level', { level: 'nation' as 'system' }, 'NOT_ALLOWED'],
      ['an unknown inability kind', { inabilityKind: 'laziness' as 'inability' }, 'NOT_ALLOWED'],
      ['a positive outcome coded as a cause', { kind: 'positive_outcome' as const }, 'CODE_NOT_FOR_KIND'],
      [
        'a barrier coded as a positive outcome',
        { taxonomy: 'positive_outcomes' as const, code: 'trust', inabilityKind: null },
        'CODE_NOT_FOR_KIND',
      ],
      [
        'a negative effect coded as a cause',
        {
          kind: 'negative_effect' as const,
          taxonomy: 'co_destruction_causes' as const,
          code: 'blaming',
          inabilityKind: null,
        },
        'CODE_NOT_FOR_KIND',
      ],
      [
        'a barrier coded as a negative effect',
        {
          taxonomy: 'involvement_shortcomings' as const,
          code: 'negative_effect_citizens_fatigue',
          inabilityKind: null,
        },
        'CODE_NOT_FOR_KIND',
      ],
      ['an inability kind on another code', { code: 'lack_of_trust' }, 'INABILITY_KIND_NOT_APPLICABLE'],
      ['an empty observation id', { observationId: ' ' }, 'REQUIRED'],
      ['a quote over 2000 characters', { quote: { ...coding.quote!, text: 'x'.repeat(2001) } }, 'TOO_LONG'],
      ['an empty quote', { quote: { ...coding.quote!, text: '' } }, 'REQUIRED'],
      ['a quote without a pseudonymous number', { quote: { ...coding.quote!, number: 0 } }, 'OUT_OF_RANGE'],
      ['a quote with an unknown gender', { quote: { ...coding.quote!, gender: 'n/a' as 'female' } }, 'NOT_ALLOWED'],
      ['a quote with an unknown role', { quote: { ...coding.quote!, role: 'neighbour' as 'carer' } }, 'NOT_ALLOWED'],
    ])('refuses %s', (_title, change, reason) => {
      evidence
        .given(interviewRecorded)
        .when({ type: 'CodeObservation', data: { ...coding, ...change } })
        .thenFails(reason, 'invalid');
    });

    it('accepts a quote of exactly 2000 characters and an antecedent shortcoming as a barrier', () => {
      const text = 'x'.repeat(2000);
      evidence
        .given(interviewRecorded)
        .when({
          type: 'CodeObservation',
          data: {
            ...coding,
            taxonomy: 'involvement_shortcomings',
            code: 'antecedent_citizens_lack_of_trust',
            stage: 'before',
            inabilityKind: null,
            quote: { ...coding.quote!, text },
          },
        })
        .then({
          type: 'ObservationCoded',
          data: {
            ...coded.data,
            taxonomy: 'involvement_shortcomings',
            code: 'antecedent_citizens_lack_of_trust',
            stage: 'before',
            inabilityKind: null,
            quote: { ...coded.data.quote!, text },
          },
        });
    });
  });

  describe('taxonomies', () => {
    it('keeps codes unique within each taxonomy', () => {
      for (const taxonomy of TAXONOMIES) {
        expect(new Set(TAXONOMY_CODES[taxonomy]).size).toBe(TAXONOMY_CODES[taxonomy].length);
      }
      expect(TAXONOMY_CODES.co_destruction_causes).toHaveLength(8);
      expect(TAXONOMY_CODES.pilot_barriers).toHaveLength(4);
    });

    it('places an involvement-shortcoming code in its stage and group', () => {
      expect(involvementShortcoming('antecedent_researchers_providers_no_skilled_facilitator')).toEqual({
        stage: 'antecedent',
        who: 'researchers_providers',
        item: 'no_skilled_facilitator',
      });
      expect(involvementShortcoming('process_team_blaming')).toBeUndefined();
      expect(INVOLVEMENT_SHORTCOMING_CODES).toContain('process_system_lack_of_transparency');
      expect(INVOLVEMENT_SHORTCOMING_CODES.every((code) => /^[a-z_]+$/.test(code))).toBe(true);
    });
  });
});
