import { DEV_ACTOR } from './support/project.js';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { launchProject } from './support/project.js';
import type { GraphQLResponse } from './support/api-process.js';
import { suiteApi } from './support/suite-api.js';
import { eventStoreStatus, writingMutation, type Written } from './support/commands.js';

const ACTOR = DEV_ACTOR;

describe('committee, information channel, decision, suggestion, evidence and barrier commands over GraphQL', () => {
  const projectId = randomUUID();
  const api = suiteApi('evidence-e2e', { setUp: (api) => launchProject(api, projectId) });

  const status = () => eventStoreStatus(api);

  async function send(name: string, input: Record<string, unknown>): Promise<GraphQLResponse<Record<string, Written>>> {
    return api.graphql<Record<string, Written>>(writingMutation(name), { input }, ACTOR);
  }

  async function ok(name: string, input: Record<string, unknown>): Promise<Written> {
    const response = await send(name, input);
    expect(response.errors).toBeUndefined();
    return response.data![name]!;
  }

  async function expectRefused(name: string, input: Record<string, unknown>, code: string, reason?: string) {
    const before = await status();
    const response = await send(name, input);
    expect(response.data?.[name] ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    if (reason) expect(response.errors?.[0]?.extensions?.reason).toBe(reason);
    expect(await status()).toEqual(before);
  }

  describe('committee', () => {
    it('defines, assesses and reassesses a goal on the project committee stream', async () => {
      const defined = await ok('defineCommitteeGoal', {
        projectId,
        goalId: 'spokesperson',
        description: "Be the carers' spokesperson",
      });
      expect(defined).toMatchObject({ id: projectId, streamId: `committee-${projectId}`, revision: 0 });
      expect(defined.eventIds).toHaveLength(1);

      const assessed = await ok('assessCommitteeGoal', {
        projectId,
        goalId: 'spokesperson',
        outcome: 'partially_reached',
      });
      expect(assessed.revision).toBe(1);

      const reassessed = await ok('reassessCommitteeGoal', {
        projectId,
        goalId: 'spokesperson',
        outcome: 'reached',
        note: 'After the final workshop',
        reason: 'New evidence',
      });
      expect(reassessed).toMatchObject({ streamId: `committee-${projectId}`, revision: 2 });

      const self = await ok('recordCommitteeSelfOrganising', { projectId });
      expect(self.revision).toBe(3);
      expect((await status()).lastPosition).toBe(self.position);
    });

    it('refuses an unknown outcome as bad input and writes nothing', async () => {
      await expectRefused(
        'assessCommitteeGoal',
        { projectId, goalId: 'spokesperson', outcome: 'mostly' },
        'BAD_USER_INPUT',
      );
      await expectRefused(
        'defineCommitteeGoal',
        { projectId, goalId: 'x', description: 'd'.repeat(501) },
        'BAD_USER_INPUT',
      );
    });

    it('refuses assessing a goal twice and assessing an undefined goal', async () => {
      await expectRefused(
        'assessCommitteeGoal',
        { projectId, goalId: 'spokesperson', outcome: 'reached' },
        'CONFLICT',
        'GOAL_ALREADY_ASSESSED',
      );
      await expectRefused(
        'assessCommitteeGoal',
        { projectId, goalId: 'never-defined', outcome: 'reached' },
        'NOT_FOUND',
        'GOAL_NOT_FOUND',
      );
    });
  });

  describe('information channel', () => {
    it('registers a channel, records a reading and a new patient informed, then retires it', async () => {
      const registered = await ok('registerInformationChannel', {
        projectId,
        kind: 'social_media_page',
        name: 'Carers of the valley page',
      });
      expect(registered.streamId).toBe(`information-channel-${registered.id}`);
      expect(registered.revision).toBe(0);
      const channelId = registered.id;

      const reading = await ok('recordChannelReading', {
        channelId,
        periodStart: '2025-01-01T00:00:00.000Z',
        periodEnd: '2025-02-01T00:00:00.000Z',
        likes: 120,
        visits: 45,
      });
      expect(reading).toMatchObject({ id: channelId, revision: 1 });

      const informed = await ok('recordNewPatientInformed', {
        channelId,
        providerOrganisationId: 'org-home-care',
        patientRef: 'patient-17',
      });
      expect(informed.revision).toBe(2);

      // Readings come in order: a period starting before the last one ended is refused.
      await expectRefused(
        'recordChannelReading',
        {
          channelId,
          periodStart: '2025-01-15T00:00:00.000Z',
          periodEnd: '2025-02-15T00:00:00.000Z',
          visits: 3,
        },
        'CONFLICT',
        'PERIOD_OVERLAPS',
      );
      await expectRefused(
        'recordNewPatientInformed',
        { channelId, providerOrganisationId: 'org-home-care', patientRef: 'patient-17' },
        'CONFLICT',
        'PATIENT_ALREADY_INFORMED',
      );

      const retired = await ok('retireInformationChannel', { channelId, reason: 'Page closed' });
      expect(retired.revision).toBe(3);
      await expectRefused(
        'recordNewPatientInformed',
        { channelId, providerOrganisationId: 'org-home-care', patientRef: 'patient-18' },
        'CONFLICT',
        'CHANNEL_RETIRED',
      );
    });

    it('refuses bad input and writes nothing', async () => {
      await expectRefused('registerInformationChannel', { projectId, kind: 'billboard', name: 'x' }, 'BAD_USER_INPUT');
      await expectRefused(
        'recordNewPatientInformed',
        { channelId: randomUUID(), providerOrganisationId: 'org-home-care', patientRef: 'Maria Rossi' },
        'BAD_USER_INPUT',
      );
      await expectRefused(
        'recordChannelReading',
        {
          channelId: randomUUID(),
          periodStart: '2025-01-01T00:00:00.000Z',
          periodEnd: '2025-02-01T00:00:00.000Z',
          likes: -1,
        },
        'BAD_USER_INPUT',
      );
    });
  });

  describe('decision', () => {
    it('takes, contests and revises a decision', async () => {
      const decisionId = randomUUID();
      const taken = await ok('takeDecision', {
        decisionId,
        projectId,
        description: 'Cancel the August peer meeting (expected low turnout)',
        decidedByOrganisationId: 'org-home-care',
        decidedByRole: 'provider',
        affectsCarers: true,
        carersConsulted: false,
      });
      expect(taken).toMatchObject({ id: decisionId, streamId: `decision-${decisionId}`, revision: 0 });

      const contested = await ok('contestDecision', {
        decisionId,
        contestedByRole: 'carer',
        contestedByCarerId: 'carer-8',
        grounds: 'We were not asked',
      });
      expect(contested.revision).toBe(1);

      const revised = await ok('reviseDecision', {
        decisionId,
        description: 'Move the August peer meeting to September, as the carers asked',
        carersConsulted: true,
        reason: 'Contested by carers',
      });
      expect(revised.revision).toBe(2);

      await expectRefused(
        'reviseDecision',
        {
          decisionId,
          description: 'Move the August peer meeting to September, as the carers asked',
          carersConsulted: true,
          reason: 'Again',
        },
        'CONFLICT',
        'DECISION_UNCHANGED',
      );
    });

    it('refuses bad input and domain-invalid decisions, writing nothing', async () => {
      const base = {
        projectId,
        description: 'Hold courses on Saturdays',
        decidedByRole: 'committee',
        affectsCarers: true,
        carersConsulted: true,
      };
      await expectRefused('takeDecision', { ...base, decidedByRole: 'mayor' }, 'BAD_USER_INPUT');
      await expectRefused('takeDecision', { ...base, affectsCarers: 'yes' }, 'BAD_USER_INPUT');
      await expectRefused(
        'takeDecision',
        { ...base, decidedByRole: 'provider' },
        'BAD_USER_INPUT',
        'DECIDING_ORGANISATION_REQUIRED',
      );
      await expectRefused(
        'contestDecision',
        { decisionId: randomUUID(), contestedByRole: 'funder', grounds: 'Too costly' },
        'NOT_FOUND',
        'DECISION_NOT_FOUND',
      );
    });
  });

  describe('suggestion', () => {
    it('makes, adopts and implements a suggestion', async () => {
      const made = await ok('makeSuggestion', {
        projectId,
        suggestedByRole: 'carer',
        carerId: 'carer-8',
        description: 'Offer respite care during the courses',
        topic: 'respite_care',
      });
      expect(made.streamId).toBe(`suggestion-${made.id}`);
      expect(made.revision).toBe(0);

      const adopted = await ok('adoptSuggestion', { suggestionId: made.id, note: 'Agreed at the committee' });
      expect(adopted).toMatchObject({ id: made.id, revision: 1 });
      const implemented = await ok('implementSuggestion', { suggestionId: made.id });
      expect(implemented.revision).toBe(2);

      await expectRefused(
        'declineSuggestion',
        { suggestionId: made.id, reason: 'out_of_scope', note: 'Too late' },
        'CONFLICT',
        'SUGGESTION_ALREADY_ANSWERED',
      );
    });

    it('refuses bad input and an unadopted implementation, writing nothing', async () => {
      await expectRefused(
        'makeSuggestion',
        { projectId, suggestedByRole: 'carer', carerId: 'carer-8', description: 'x', topic: 'weather' },
        'BAD_USER_INPUT',
      );
      await expectRefused(
        'makeSuggestion',
        { projectId, suggestedByRole: 'committee', carerId: 'carer-8', description: 'More meetings', topic: 'other' },
        'BAD_USER_INPUT',
        'SUGGESTER_MISMATCH',
      );
      const declined = await ok('makeSuggestion', {
        projectId,
        suggestedByRole: 'committee',
        description: 'A monthly newsletter',
        topic: 'information',
      });
      await ok('declineSuggestion', { suggestionId: declined.id, reason: 'not_feasible_budget', note: 'No budget' });
      await expectRefused('implementSuggestion', { suggestionId: declined.id }, 'CONFLICT', 'SUGGESTION_NOT_ADOPTED');
    });
  });

  describe('evidence and barrier', () => {
    it('records an interview, a workshop and a note, and codes an observation with a quote', async () => {
      const interview = await ok('recordInterview', {
        projectId,
        intervieweeRole: 'carer',
        intervieweeRef: 'carer-8',
        durationMinutes: 45,
        mode: 'telephone',
        phase: 'co_assessment',
      });
      expect(interview).toMatchObject({ streamId: `evidence-${interview.id}`, revision: 0 });

      const coded = await ok('codeObservation', {
        evidenceId: interview.id,
        observationId: 'obs-1',
        kind: 'barrier',
        taxonomy: 'pilot_barriers',
        code: 'lack_of_trust',
        stage: 'before',
        level: 'citizen',
        quote: { role: 'carer', gender: 'female', number: 8, text: 'I did not know them.' },
      });
      expect(coded).toMatchObject({ id: interview.id, revision: 1 });

      await expectRefused(
        'codeObservation',
        {
          evidenceId: interview.id,
          observationId: 'obs-1',
          kind: 'barrier',
          taxonomy: 'pilot_barriers',
          code: 'lack_of_trust',
          stage: 'before',
          level: 'citizen',
        },
        'CONFLICT',
        'OBSERVATION_ALREADY_CODED',
      );
      await expectRefused(
        'codeObservation',
        {
          evidenceId: interview.id,
          observationId: 'obs-2',
          kind: 'positive_outcome',
          taxonomy: 'pilot_barriers',
          code: 'lack_of_trust',
          stage: 'after',
          level: 'citizen',
        },
        'BAD_USER_INPUT',
        'CODE_NOT_FOR_KIND',
      );

      const workshop = await ok('recordWorkshop', {
        projectId,
        workshopKind: 'co_assessment_workshop',
        participants: { carers: 6, providers: 2, researchers: 3 },
        audioRecorded: true,
        audioConsentOfAll: true,
      });
      expect(workshop.revision).toBe(0);

      const note = await ok('recordReflexiveNote', {
        projectId,
        authorMemberId: 'researcher-7',
        phase: 'pilot',
        text: 'Turnout was low after the cancellation.',
      });
      expect(note.streamId).toBe(`evidence-${note.id}`);
    });

    it('records the inventory facts (a round, a workshop turnout, an interview) and serves the data inventory', async () => {
      // A project of its own, so the other tests' evidence stays out of its inventory.
      const inventoryProject = randomUUID();
      await launchProject(api, inventoryProject);
      const round = await ok('recordCollectionRound', {
        projectId: inventoryProject,
        method: 'interview',
        pilotMoment: 'end',
        invited: [{ role: 'carer', invited: 26 }],
      });
      expect(round.streamId).toBe(`collection-round-${round.id}`);
      await ok('recordWorkshop', {
        projectId: inventoryProject,
        workshopKind: 'co_assessment_workshop',
        participants: { carers: 9, providers: 0, researchers: 2 },
        audioRecorded: false,
        audioConsentOfAll: false,
        durationMinutes: 120,
        pilotMoment: 'middle',
        turnout: [
          { role: 'carer', invited: 26, tookPart: 9, female: 7, male: 2, other: 0 },
          { role: 'researcher', invited: 8, tookPart: 2, female: 1, male: 1, other: 0 },
        ],
      });
      const interview = await ok('recordInterview', {
        projectId: inventoryProject,
        intervieweeRole: 'carer',
        intervieweeRef: 'carer-11',
        durationMinutes: 40,
        mode: 'telephone',
        phase: 'co_assessment',
        pilotMoment: 'end',
        intervieweeGender: 'female',
      });
      await expectRefused(
        'recordWorkshop',
        {
          projectId: inventoryProject,
          workshopKind: 'co_assessment_workshop',
          participants: { carers: 3, providers: 0, researchers: 0 },
          audioRecorded: false,
          audioConsentOfAll: false,
          turnout: [{ role: 'carer', invited: 2, tookPart: 3, female: 0, male: 0, other: 0 }],
        },
        'BAD_USER_INPUT',
        'TOOK_PART_MORE_THAN_INVITED',
      );
      const answer = await api.graphql<{ dataInventory: Record<string, unknown> }>(
        `query ($p: ID!, $at: String) { dataInventory(projectId: $p, atLeastPosition: $at) {
           rows { method pilotMoment count totalMinutes averageMinutes
                  modes { mode interviews } roles { role invited tookPart female male other undisclosed withheld } }
           total { count totalMinutes averageMinutes tookPart invited } } }`,
        { p: inventoryProject, at: interview.position },
      );
      expect(answer.errors).toBeUndefined();
      const role = (name: string, invited: number, tookPart: number, female: number, male: number) => ({
        role: name,
        invited,
        tookPart,
        female,
        male,
        other: 0,
        undisclosed: tookPart - female - male,
        withheld: false,
      });
      expect(answer.data!.dataInventory).toEqual({
        rows: [
          {
            method: 'interview',
            pilotMoment: 'end',
            count: 1,
            totalMinutes: 40,
            averageMinutes: 40,
            modes: [
              { mode: 'face_to_face', interviews: 0 },
              { mode: 'telephone', interviews: 1 },
              { mode: 'video_call', interviews: 0 },
            ],
            roles: [role('carer', 26, 1, 1, 0)],
          },
          {
            method: 'co_assessment_workshop',
            pilotMoment: 'middle',
            count: 1,
            totalMinutes: 120,
            averageMinutes: 120,
            modes: [
              { mode: 'face_to_face', interviews: 0 },
              { mode: 'telephone', interviews: 0 },
              { mode: 'video_call', interviews: 0 },
            ],
            roles: [role('carer', 26, 9, 7, 2), role('researcher', 8, 2, 1, 1)],
          },
        ],
        // 1 + 9 carers of 26 + 26 invited, 2 researchers of 8; (40 + 120) / 2 minutes.
        total: { count: 2, totalMinutes: 160, averageMinutes: 80, tookPart: 12, invited: 60 },
      });
    });

    it('refuses bad evidence input and audio without consent, writing nothing', async () => {
      const interview = {
        projectId,
        intervieweeRole: 'carer',
        intervieweeRef: 'carer-9',
        durationMinutes: 45,
        mode: 'face_to_face',
        phase: 'pilot',
      };
      await expectRefused('recordInterview', { ...interview, durationMinutes: 0 }, 'BAD_USER_INPUT');
      await expectRefused('recordInterview', { ...interview, intervieweeRef: 'Maria Rossi' }, 'BAD_USER_INPUT');
      await expectRefused('recordInterview', { ...interview, mode: 'letter' }, 'BAD_USER_INPUT');
      await expectRefused(
        'recordWorkshop',
        {
          projectId,
          workshopKind: 'co_design_workshop',
          participants: { carers: 5, providers: 1, researchers: 2 },
          audioRecorded: true,
          audioConsentOfAll: false,
        },
        'BAD_USER_INPUT',
        'AUDIO_WITHOUT_CONSENT',
      );
      await expectRefused(
        'codeObservation',
        {
          evidenceId: randomUUID(),
          observationId: 'obs-1',
          kind: 'barrier',
          taxonomy: 'pilot_barriers',
          code: 'lack_of_trust',
          stage: 'before',
          level: 'citizen',
        },
        'NOT_FOUND',
        'EVIDENCE_NOT_FOUND',
      );
    });

    it('observes a barrier, takes an adjustment action, resolves and reopens it', async () => {
      const barrier = {
        projectId,
        taxonomy: 'pilot_barriers',
        code: 'inability_to_change',
        stage: 'during',
        level: 'provider',
        inabilityKind: 'impossibility',
        description: 'Courses could not move to the evening',
        basedOn: [{ evidenceId: randomUUID(), observationId: 'obs-1' }],
      };
      const observed = await ok('observeBarrier', { ...barrier, occurredAt: '2025-03-01T00:00:00.000Z' });
      expect(observed).toMatchObject({ streamId: `barrier-${observed.id}`, revision: 0 });
      const barrierId = observed.id;

      const action = await ok('takeAdjustmentAction', {
        barrierId,
        actionId: 'action-1',
        description: 'Offer a recorded version of the course',
        takenByOrganisationId: 'org-home-care',
        occurredAt: '2025-03-10T00:00:00.000Z',
      });
      expect(action.revision).toBe(1);

      await expectRefused(
        'takeAdjustmentAction',
        {
          barrierId,
          actionId: 'action-1',
          description: 'Same action again',
          takenByOrganisationId: 'org-home-care',
        },
        'CONFLICT',
        'ACTION_ALREADY_TAKEN',
      );
      await expectRefused(
        'resolveBarrier',
        { barrierId, resolution: 'Backdated', occurredAt: '2025-03-05T00:00:00.000Z' },
        'CONFLICT',
        'OUT_OF_ORDER',
      );

      const resolved = await ok('resolveBarrier', { barrierId, resolution: 'Recorded courses are used' });
      expect(resolved.revision).toBe(2);
      await expectRefused('resolveBarrier', { barrierId, resolution: 'Again' }, 'CONFLICT', 'BARRIER_NOT_OPEN');

      const reopened = await ok('reopenBarrier', { barrierId, reason: 'Carers still cannot attend' });
      expect(reopened).toMatchObject({ id: barrierId, revision: 3 });
    });

    it('refuses bad barrier input and codes that do not fit, writing nothing', async () => {
      const barrier = {
        projectId,
        taxonomy: 'pilot_barriers',
        code: 'lack_of_trust',
        stage: 'before',
        level: 'citizen',
        description: 'Carers did not trust the provider',
      };
      await expectRefused('observeBarrier', { ...barrier, stage: 'sometime' }, 'BAD_USER_INPUT');
      await expectRefused('observeBarrier', { ...barrier, description: '' }, 'BAD_USER_INPUT');
      await expectRefused(
        'observeBarrier',
        { ...barrier, code: 'lack_of_sunshine' },
        'BAD_USER_INPUT',
        'CODE_NOT_IN_TAXONOMY',
      );
      await expectRefused(
        'observeBarrier',
        { ...barrier, inabilityKind: 'inability' },
        'BAD_USER_INPUT',
        'INABILITY_KIND_NOT_APPLICABLE',
      );
      await expectRefused(
        'resolveBarrier',
        { barrierId: randomUUID(), resolution: 'Nothing to resolve' },
        'NOT_FOUND',
        'BARRIER_NOT_FOUND',
      );
    });
  });
});
