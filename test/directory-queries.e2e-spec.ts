import { DEV_ACTOR } from './support/project.js';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { valleyPilot } from '#read-models/testing';
import { startApi, type GraphQLResponse, type RunningApi } from './support/api-process.js';
import { suiteStore } from './support/suite-api.js';

/*
 * The directory queries over HTTP against the built server: a small but realistic pilot is
 * written through the mutations, then read back with filters and cursor pagination. Every
 * query passes the position of the last write as `atLeastPosition` (read-your-writes).
 *
 * The N+1 guard (statements per nested query) is measured inside the process, where the
 * statements can be counted: apps/api/src/read-side/read-side.n-plus-one.spec.ts.
 */

const ACTOR = DEV_ACTOR;
const PROJECT = randomUUID();
const OTHER_PROJECT = randomUUID();
const CARERS = Array.from({ length: 6 }, () => randomUUID());
const FULL_NAME = 'Maria Rossi';

interface Written {
  id: string;
  position: string;
}

/** Mutations whose input type is not `<Name>Input`. */
const INPUT_TYPES: Record<string, string> = {
  acceptCarerInvitation: 'AnswerCarerInvitationInput',
  giveCarerConsent: 'CarerConsentInput',
};

const month = (index: number) => `2025-${String(index + 1).padStart(2, '0')}-05T15:00:00.000Z`;

describe('directory queries over GraphQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'directory-e2e-'));
  const store = suiteStore('directory_queries');
  let api: RunningApi;
  /** The position of the last write: every read passes it as `atLeastPosition`. */
  let last = '';
  const activities: string[] = [];

  async function send(name: string, input: Record<string, unknown>): Promise<Written> {
    const inputType = INPUT_TYPES[name] ?? `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    const response = await api.graphql<Record<string, Written>>(
      `mutation M($input: ${inputType}!) { ${name}(input: $input) { id position } }`,
      { input },
      ACTOR,
    );
    if (response.errors) throw new Error(`${name} failed: ${JSON.stringify(response.errors)}`);
    last = response.data![name]!.position;
    return response.data![name]!;
  }

  async function read<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    return api.graphql<T>(query, { ...variables, at: last });
  }

  async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await read<T>(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  beforeAll(async () => {
    api = await startApi({ DATA_DIR: dataDir, ...store.env });

    await send('launchProgramme', { programmeId: 'frail-elderly', name: 'Frail elderly at home' });
    await send('addTerritory', {
      programmeId: 'frail-elderly',
      territoryId: 'valley',
      name: 'The valley',
      localGovernance: 'valley council',
      serviceVariant: 'mutual help first',
    });
    for (const [projectId, name] of [
      [PROJECT, 'Carers of the valley'],
      [OTHER_PROJECT, 'Carers of the town'],
    ] as const) {
      await send('launchProject', { ...valleyPilot(projectId), programmeId: 'frail-elderly', name });
    }
    await send('startProjectPhase', { projectId: PROJECT, phase: 'pilot' });

    for (const [organisationId, name, kind, role] of [
      ['org-home-care', 'Home care agency', 'service_provider', 'lead'],
      ['org-uni', 'University of the valley', 'university', 'research_partner'],
      ['org-facility', 'Assisted living home', 'care_facility', 'promoter'],
    ] as const) {
      await send('registerOrganisation', { organisationId, name, kind });
      await send('joinPartnership', { projectId: PROJECT, organisationId, partnerRole: role });
    }
    for (const [memberId, organisationId, memberRole] of [
      ['m-coordinator', 'org-home-care', 'coordinator'],
      ['m-psychologist', 'org-home-care', 'psychologist'],
      ['m-researcher', 'org-uni', 'researcher'],
      ['m-facilitator', 'org-facility', 'facilitator'],
    ] as const) {
      await send('addPartnerMember', { projectId: PROJECT, organisationId, memberId, memberRole });
    }
    await send('clarifyPartnerRoles', {
      projectId: PROJECT,
      organisationId: 'org-home-care',
      responsibilities: ['runs the pilot', 'recruits carers'],
    });
    await send('recordUnclearPartnerRoles', {
      projectId: PROJECT,
      organisationId: 'org-uni',
      note: 'Who runs the satisfaction survey?',
    });

    // Six carers: four accept, one declines, one is never invited.
    const attributes = [
      { gender: 'female', area: 'upper-valley' },
      { gender: 'female', area: 'lower-valley' },
      { gender: 'male', area: 'upper-valley' },
      { gender: 'female', area: 'upper-valley' },
      { gender: 'male', area: 'lower-valley' },
      { gender: 'other', area: null },
    ];
    for (const [index, carerId] of CARERS.entries()) {
      await send('registerCarer', {
        carerId,
        projectId: PROJECT,
        pseudonym: `Carer ${index + 1}`,
        registeredByOrganisationId: 'org-home-care',
        ageBand: 'aged_55_64',
        stressLevel: 'high',
        relationship: 'child',
        weeklyCareHours: 30 + index,
        ...attributes[index],
        ...(index === 0 ? { personalData: { fullName: FULL_NAME, phone: '+39 0342 123456' } } : {}),
      });
      if (index === 5) continue;
      const invitation = await send('inviteCarer', {
        carerId,
        channel: index === 1 ? 'word_of_mouth' : 'provider',
        invitedByOrganisationId: 'org-home-care',
      });
      if (index === 4) {
        await send('declineCarerInvitation', { carerId, invitationId: invitation.id, reason: 'mistrust' });
      } else {
        await send('acceptCarerInvitation', { carerId, invitationId: invitation.id });
      }
    }
    await send('giveCarerConsent', { carerId: CARERS[0], kind: 'participation' });

    await send('registerSurveyInstrument', {
      instrumentId: 'training-satisfaction',
      name: 'Training satisfaction',
      measures: 'satisfaction',
      itemCount: 3,
      scale: { minimum: 1, maximum: 3 },
    });

    // Twelve activities, one a month: training courses in even months, peer meetings in odd ones.
    // Months 0-7 are held except months 3 and 6, cancelled; months 8-11 stay scheduled.
    for (let index = 0; index < 12; index++) {
      const kind = index % 2 === 0 ? 'training_course' : 'peer_meeting';
      const { id } = await send('scheduleActivity', {
        projectId: PROJECT,
        kind,
        topic: `${kind === 'training_course' ? 'Course' : 'Peer meeting'} ${index + 1}`,
        scheduledFor: month(index),
        place: 'Town hall',
        organisingOrganisationId: 'org-home-care',
      });
      activities.push(id);
      if (index >= 8) continue;
      if (index === 3 || index === 6) {
        await send('cancelActivity', {
          activityId: id,
          reason: 'expected_low_turnout',
          decidedByRole: 'provider',
          decidedByOrganisationId: 'org-home-care',
          carersConsulted: index === 6,
        });
        continue;
      }
      await send('registerCarerForActivity', { activityId: id, carerId: CARERS[0] });
      await send('holdActivity', {
        activityId: id,
        startedAt: month(index),
        durationMinutes: 90,
        audioRecorded: false,
      });
      for (const carerId of CARERS.slice(0, 1 + (index % 3))) {
        await send('recordCarerAttendance', { activityId: id, carerId });
      }
      await send('recordPartnerAttendance', {
        activityId: id,
        organisationId: 'org-home-care',
        memberId: 'm-psychologist',
      });
      if (kind === 'training_course') {
        await send('recordUnderstandingQuiz', {
          activityId: id,
          carerId: CARERS[0],
          phase: 'after',
          questionsAsked: 3,
          correctAnswers: 2,
        });
        await send('recordSatisfactionResponse', {
          activityId: id,
          instrumentId: 'training-satisfaction',
          answers: [3, 3, 2],
        });
      }
    }

    const decision = await send('takeDecision', {
      projectId: PROJECT,
      description: 'Cancel the April peer meeting',
      decidedByRole: 'provider',
      decidedByOrganisationId: 'org-home-care',
      affectsCarers: true,
      carersConsulted: false,
      activityId: activities[3],
    });
    await send('contestDecision', { decisionId: decision.id, contestedByRole: 'carer', grounds: 'Nobody asked us' });
    await send('takeDecision', {
      projectId: PROJECT,
      description: 'Meet in the evening',
      decidedByRole: 'committee',
      affectsCarers: true,
      carersConsulted: true,
    });
    const suggestion = await send('makeSuggestion', {
      projectId: PROJECT,
      suggestedByRole: 'carer',
      carerId: CARERS[1],
      description: 'Advertise on local TV',
      topic: 'information',
    });
    await send('declineSuggestion', { suggestionId: suggestion.id, reason: 'not_feasible_budget', note: 'Too dear' });

    const interview = await send('recordInterview', {
      projectId: PROJECT,
      intervieweeRole: 'carer',
      intervieweeRef: 'carer-8',
      durationMinutes: 40,
      mode: 'telephone',
      phase: 'co_assessment',
    });
    for (const [observationId, kind, taxonomy, code, stage] of [
      ['o-1', 'barrier', 'pilot_barriers', 'lack_of_trust', 'before'],
      ['o-2', 'barrier', 'co_destruction_causes', 'insufficient_trust', 'before'],
      ['o-3', 'positive_outcome', 'positive_outcomes', 'competence', 'after'],
    ] as const) {
      await send('codeObservation', {
        evidenceId: interview.id,
        observationId,
        kind,
        taxonomy,
        code,
        stage,
        level: 'citizen',
        ...(observationId === 'o-1'
          ? { quote: { role: 'carer', gender: 'female', number: 8, text: 'I did not know them' } }
          : {}),
      });
    }
    const barrier = await send('observeBarrier', {
      projectId: PROJECT,
      taxonomy: 'pilot_barriers',
      code: 'lack_of_effective_engagement',
      stage: 'during',
      level: 'team',
      description: 'Sessions cancelled without asking the carers',
      basedOn: [{ evidenceId: interview.id, observationId: 'o-1' }],
    });
    await send('takeAdjustmentAction', {
      barrierId: barrier.id,
      actionId: 'ask-the-committee',
      description: 'Ask the committee before cancelling',
      takenByOrganisationId: 'org-home-care',
    });

    await send('planCoordinationMeeting', {
      projectId: PROJECT,
      meetingId: 'meeting-1',
      scheduledFor: '2025-02-10T09:00:00.000Z',
      format: 'in_person',
      cadence: 'monthly',
    });
    await send('recordCoordinationMeetingHeld', {
      projectId: PROJECT,
      meetingId: 'meeting-1',
      format: 'video_call',
      attendingOrganisationIds: ['org-home-care', 'org-uni'],
      attendingMemberIds: ['m-coordinator'],
    });
    await send('raiseCoordinationConcern', {
      projectId: PROJECT,
      concernId: 'concern-1',
      raisedByOrganisationId: 'org-uni',
      topic: 'Who calls the carers?',
      category: 'unclear_roles',
    });
    await send('defineCommitteeGoal', {
      projectId: PROJECT,
      goalId: 'spokesperson',
      description: "Be the carers' spokesperson",
    });
    await send('defineCommitteeGoal', { projectId: PROJECT, goalId: 'elect', description: 'Elect representatives' });
    await send('assessCommitteeGoal', { projectId: PROJECT, goalId: 'spokesperson', outcome: 'partially_reached' });
    const channel = await send('registerInformationChannel', {
      projectId: PROJECT,
      kind: 'social_media_page',
      name: 'Facebook page',
    });
    await send('recordChannelReading', {
      channelId: channel.id,
      periodStart: '2025-01-01T00:00:00.000Z',
      periodEnd: '2025-02-01T00:00:00.000Z',
      likes: 120,
      shares: 4,
    });
    await send('recordChannelReading', {
      channelId: channel.id,
      periodStart: '2025-02-01T00:00:00.000Z',
      periodEnd: '2025-03-01T00:00:00.000Z',
      likes: 30,
    });
    await send('recordNewPatientInformed', {
      channelId: channel.id,
      providerOrganisationId: 'org-home-care',
      patientRef: 'patient-77',
    });
  });

  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await store.drop();
  });

  describe('read-your-writes', () => {
    it('returns the new state when given the position a mutation returned', async () => {
      for (let round = 0; round < 5; round++) {
        const { id, position } = await send('scheduleActivity', {
          projectId: OTHER_PROJECT,
          kind: 'information_event',
          topic: `Open day ${round}`,
          scheduledFor: month(round),
          place: 'Library',
          organisingOrganisationId: 'org-facility',
        });
        const scheduled = await api.graphql<{ activity: { status: string; topic: string } | null }>(
          'query Q($id: ID!, $at: String) { activity(id: $id, atLeastPosition: $at) { status topic } }',
          { id, at: position },
        );
        expect(scheduled.data?.activity).toEqual({ status: 'scheduled', topic: `Open day ${round}` });

        const held = await send('holdActivity', {
          activityId: id,
          startedAt: month(round),
          durationMinutes: 60,
          audioRecorded: false,
        });
        const project = await api.graphql<{
          project: { activities: { totalCount: number; edges: { node: { id: string; status: string } }[] } };
        }>(
          `query Q($id: ID!, $at: String) {
            project(id: $id, atLeastPosition: $at) {
              activities(filter: { status: held }, first: 100) { totalCount edges { node { id status } } }
            }
          }`,
          { id: OTHER_PROJECT, at: held.position },
        );
        expect(project.errors).toBeUndefined();
        expect(project.data!.project.activities.totalCount).toBe(round + 1);
        expect(project.data!.project.activities.edges.map((edge) => edge.node.id)).toContain(id);
      }
    });

    it('waits for the read models, and says so when they do not reach the position in time', async () => {
      const response = await api.graphql('{ projects(atLeastPosition: "999999999999-1") { totalCount } }');
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'CONSISTENCY_TIMEOUT',
        reason: 'PROJECTIONS_BEHIND',
      });
    });

    it('refuses a malformed position', async () => {
      const response = await api.graphql('{ projects(atLeastPosition: "yesterday") { totalCount } }');
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_POSITION' });
    });
  });

  describe('projects and their partnership', () => {
    it('lists projects with filters, and shows a project with its territory, targets and phase', async () => {
      const result = await data<{
        all: { totalCount: number; edges: { node: { name: string } }[] };
        piloting: { totalCount: number; edges: { node: { id: string } }[] };
        town: { totalCount: number };
        project: Record<string, unknown>;
      }>(
        `query Q($id: ID!, $at: String) {
          all: projects(atLeastPosition: $at) { totalCount edges { node { name } } }
          piloting: projects(filter: { phase: pilot, territoryId: "valley" }) { totalCount edges { node { id } } }
          town: projects(filter: { nameContains: "TOWN" }) { totalCount }
          project(id: $id) {
            name phase eligibleCarers pilotMonths startsOn
            targets { reachShare satisfactionThreshold }
            programme { name territories { id name framework { version } } }
            territory { name localGovernance }
          }
        }`,
        { id: PROJECT },
      );
      expect(result.all.totalCount).toBe(2);
      expect(result.all.edges.map((edge) => edge.node.name)).toEqual(['Carers of the town', 'Carers of the valley']);
      expect(result.piloting).toEqual({ totalCount: 1, edges: [{ node: { id: PROJECT } }] });
      expect(result.town.totalCount).toBe(1);
      expect(result.project).toEqual({
        name: 'Carers of the valley',
        phase: 'pilot',
        eligibleCarers: 320,
        pilotMonths: 18,
        startsOn: '2025-01-01',
        targets: { reachShare: 0.33, satisfactionThreshold: 0.75 },
        programme: {
          name: 'Frail elderly at home',
          territories: [{ id: 'valley', name: 'The valley', framework: null }],
        },
        territory: { name: 'The valley', localGovernance: 'valley council' },
      });
    });

    it('shows partners with their roles, organisations and members', async () => {
      const { project } = await data<{
        project: {
          partners: { totalCount: number; edges: { node: Record<string, unknown> }[] };
          unclear: { totalCount: number; edges: { node: { organisationId: string } }[] };
          members: { totalCount: number };
        };
      }>(
        `query Q($id: ID!, $at: String) {
          project(id: $id, atLeastPosition: $at) {
            partners {
              totalCount
              edges { node {
                role status rolesStatus responsibilities
                organisation { name kind }
                members { memberId role }
              } }
            }
            unclear: partners(filter: { rolesStatus: unclear }) { totalCount edges { node { organisationId } } }
            members(filter: { organisationId: "org-home-care" }) { totalCount }
          }
        }`,
        { id: PROJECT },
      );
      expect(project.partners.totalCount).toBe(3);
      expect(project.partners.edges[0]!.node).toEqual({
        role: 'lead',
        status: 'current',
        rolesStatus: 'clarified',
        responsibilities: ['runs the pilot', 'recruits carers'],
        organisation: { name: 'Home care agency', kind: 'service_provider' },
        members: [
          { memberId: 'm-coordinator', role: 'coordinator' },
          { memberId: 'm-psychologist', role: 'psychologist' },
        ],
      });
      expect(project.unclear).toEqual({ totalCount: 1, edges: [{ node: { organisationId: 'org-uni' } }] });
      expect(project.members.totalCount).toBe(2);
    });
  });

  describe('carers', () => {
    it('filters carers by status, gender and area, by pseudonym, never showing personal data', async () => {
      const response = await read<{
        project: {
          accepted: { totalCount: number; edges: { node: Record<string, unknown> }[] };
          declined: { edges: { node: { pseudonym: string; lastDeclineReason: string } }[] };
          upperValleyWomen: { totalCount: number };
          notInvited: { edges: { node: { pseudonym: string } }[] };
        };
      }>(
        `query Q($id: ID!, $at: String) {
          project(id: $id, atLeastPosition: $at) {
            accepted: carers(filter: { status: accepted }) {
              totalCount
              edges { node {
                pseudonym gender area participationStatus hasPersonalData erased
                consents { participation }
                invitations { invitationNumber channel status }
              } }
            }
            declined: carers(filter: { status: declined }) { edges { node { pseudonym lastDeclineReason } } }
            upperValleyWomen: carers(filter: { gender: female, area: "upper-valley" }) { totalCount }
            notInvited: carers(filter: { status: not_invited }) { edges { node { pseudonym } } }
          }
        }`,
        { id: PROJECT },
      );
      expect(response.errors).toBeUndefined();
      const { project } = response.data!;
      expect(project.accepted.totalCount).toBe(4);
      expect(project.accepted.edges[0]!.node).toEqual({
        pseudonym: 'Carer 1',
        gender: 'female',
        area: 'upper-valley',
        participationStatus: 'accepted',
        hasPersonalData: true,
        erased: false,
        consents: { participation: 'given' },
        invitations: [{ invitationNumber: 1, channel: 'provider', status: 'accepted' }],
      });
      expect(project.declined.edges).toEqual([{ node: { pseudonym: 'Carer 5', lastDeclineReason: 'mistrust' } }]);
      expect(project.upperValleyWomen.totalCount).toBe(2);
      expect(project.notInvited.edges).toEqual([{ node: { pseudonym: 'Carer 6' } }]);
      expect(JSON.stringify(response)).not.toContain('Maria');
      expect(JSON.stringify(response)).not.toContain('0342');
    });

    it('shows an erased carer as erased, with no personal data held', async () => {
      await send('eraseCarer', { carerId: CARERS[5], reason: 'right to erasure request' });
      const { carer } = await data<{ carer: { pseudonym: string; erased: boolean; hasPersonalData: boolean } }>(
        'query Q($id: ID!, $at: String) { carer(id: $id, atLeastPosition: $at) { pseudonym erased hasPersonalData } }',
        { id: CARERS[5] },
      );
      expect(carer).toEqual({ pseudonym: 'Carer 6', erased: true, hasPersonalData: false });
    });
  });

  describe('activities', () => {
    const ACTIVITIES = `query Q($id: ID!, $at: String, $filter: ActivityFilterInput, $first: Int, $after: String) {
      project(id: $id, atLeastPosition: $at) {
        activities(filter: $filter, first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node { id topic kind status scheduledFor } }
        }
      }
    }`;
    type Page = {
      project: {
        activities: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { cursor: string; node: { id: string; topic: string; kind: string; status: string } }[];
        };
      };
    };

    it('pages through every activity in date order with first/after, totalCount and hasNextPage', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: Page['project']['activities'] = (await data<Page>(ACTIVITIES, { id: PROJECT, first: 5, after }))
          .project.activities;
        expect(page.totalCount).toBe(12);
        seen.push(...page.edges.map((edge) => edge.node.id));
        pages += 1;
        if (!page.pageInfo.hasNextPage) break;
        expect(page.edges).toHaveLength(5);
        after = page.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(activities);
    });

    it('filters by kind, status and date range', async () => {
      const courses = (await data<Page>(ACTIVITIES, { id: PROJECT, filter: { kind: 'training_course' }, first: 4 }))
        .project.activities;
      expect(courses.totalCount).toBe(6);
      expect(courses.pageInfo.hasNextPage).toBe(true);
      expect(courses.edges.map((edge) => edge.node.topic)).toEqual(['Course 1', 'Course 3', 'Course 5', 'Course 7']);

      const cancelled = (await data<Page>(ACTIVITIES, { id: PROJECT, filter: { status: 'cancelled' } })).project
        .activities;
      expect(cancelled.edges.map((edge) => edge.node.topic)).toEqual(['Peer meeting 4', 'Course 7']);
      expect(cancelled.pageInfo).toEqual({ hasNextPage: false, endCursor: cancelled.edges[1]!.cursor });

      const spring = (
        await data<Page>(ACTIVITIES, {
          id: PROJECT,
          filter: { from: '2025-03-01T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z', status: 'held' },
        })
      ).project.activities;
      expect(spring.edges.map((edge) => edge.node.topic)).toEqual(['Course 3', 'Course 5']);
      expect(spring.totalCount).toBe(2);
    });

    it('shows attendance, registrations, quizzes, surveys and who decided a cancellation', async () => {
      const { project } = await data<{
        project: {
          activities: { edges: { node: Record<string, unknown> }[] };
          cancelled: { edges: { node: { cancellation: Record<string, unknown>; decisions: unknown[] } }[] };
        };
      }>(
        `query Q($id: ID!, $at: String) {
          project(id: $id, atLeastPosition: $at) {
            activities(filter: { kind: training_course, status: held }, first: 1) { edges { node {
              carersAttended
              attendance { carerCount carers { pseudonym registered } representatives { organisationId memberId } }
              registrations { pseudonym status attended }
              quizzes { phase responses score }
              surveys { responses anonymousResponses averageScore instrument { name } }
            } } }
            cancelled: activities(filter: { status: cancelled }) { edges { node {
              cancellation { reason decidedByRole decidedByOrganisationId carersConsulted }
              decisions { description contestedCount }
            } } }
          }
        }`,
        { id: PROJECT },
      );
      expect(project.activities.edges[0]!.node).toEqual({
        carersAttended: 1,
        attendance: {
          carerCount: 1,
          carers: [{ pseudonym: 'Carer 1', registered: true }],
          representatives: [{ organisationId: 'org-home-care', memberId: 'm-psychologist' }],
        },
        registrations: [{ pseudonym: 'Carer 1', status: 'registered', attended: true }],
        quizzes: [{ phase: 'after', responses: 1, score: 2 / 3 }],
        surveys: [
          { responses: 1, anonymousResponses: 1, averageScore: 8 / 9, instrument: { name: 'Training satisfaction' } },
        ],
      });
      expect(project.cancelled.edges.map((edge) => edge.node)).toEqual([
        {
          cancellation: {
            reason: 'expected_low_turnout',
            decidedByRole: 'provider',
            decidedByOrganisationId: 'org-home-care',
            carersConsulted: false,
          },
          decisions: [{ description: 'Cancel the April peer meeting', contestedCount: 1 }],
        },
        {
          cancellation: {
            reason: 'expected_low_turnout',
            decidedByRole: 'provider',
            decidedByOrganisationId: 'org-home-care',
            carersConsulted: true,
          },
          decisions: [],
        },
      ]);
    });
  });

  describe('engagement, evidence and partnership records', () => {
    it('filters decisions and suggestions', async () => {
      const { project } = await data<{
        project: {
          contested: { edges: { node: Record<string, unknown> }[] };
          consulted: { totalCount: number };
          declined: { edges: { node: Record<string, unknown> }[] };
        };
      }>(
        `query Q($id: ID!, $at: String) {
          project(id: $id, atLeastPosition: $at) {
            contested: decisions(filter: { contested: true }) { edges { node {
              description status carersConsulted contestedCount contestedByCarersCount activity { topic }
            } } }
            consulted: decisions(filter: { carersConsulted: true }) { totalCount }
            declined: suggestions(filter: { status: declined }) { edges { node {
              description suggestedByRole declineReason carer { pseudonym }
            } } }
          }
        }`,
        { id: PROJECT },
      );
      expect(project.contested.edges).toEqual([
        {
          node: {
            description: 'Cancel the April peer meeting',
            status: 'contested',
            carersConsulted: false,
            contestedCount: 1,
            contestedByCarersCount: 1,
            activity: { topic: 'Peer meeting 4' },
          },
        },
      ]);
      expect(project.consulted.totalCount).toBe(1);
      expect(project.declined.edges).toEqual([
        {
          node: {
            description: 'Advertise on local TV',
            suggestedByRole: 'carer',
            declineReason: 'not_feasible_budget',
            carer: { pseudonym: 'Carer 2' },
          },
        },
      ]);
    });

    it('filters evidence and coded observations, with quotes attributed by role, gender and number', async () => {
      const { project } = await data<{
        project: {
          evidence: { edges: { node: Record<string, unknown> }[] };
          trust: { totalCount: number; edges: { node: Record<string, unknown> }[] };
          barriersBefore: { totalCount: number };
          positive: { edges: { node: { code: string } }[] };
        };
      }>(
        `query Q($id: ID!, $at: String) {
          project(id: $id, atLeastPosition: $at) {
            evidence(filter: { kind: interview }) { edges { node {
              kind phase observationCount interview { intervieweeRole mode durationMinutes }
              observations { observationId code }
            } } }
            trust: observations(filter: { taxonomy: pilot_barriers, code: "lack_of_trust" }) {
              totalCount edges { node { kind stage level quote { text attribution } evidence { kind } } }
            }
            barriersBefore: observations(filter: { kind: barrier, stage: before }) { totalCount }
            positive: observations(filter: { kind: positive_outcome }) { edges { node { code } } }
          }
        }`,
        { id: PROJECT },
      );
      expect(project.evidence.edges).toEqual([
        {
          node: {
            kind: 'interview',
            phase: 'co_assessment',
            observationCount: 3,
            interview: { intervieweeRole: 'carer', mode: 'telephone', durationMinutes: 40 },
            observations: [
              { observationId: 'o-1', code: 'lack_of_trust' },
              { observationId: 'o-2', code: 'insufficient_trust' },
              { observationId: 'o-3', code: 'competence' },
            ],
          },
        },
      ]);
      expect(project.trust).toEqual({
        totalCount: 1,
        edges: [
          {
            node: {
              kind: 'barrier',
              stage: 'before',
              level: 'citizen',
              quote: { text: 'I did not know them', attribution: 'Carer, female, 8' },
              evidence: { kind: 'interview' },
            },
          },
        ],
      });
      expect(project.barriersBefore.totalCount).toBe(2);
      expect(project.positive.edges).toEqual([{ node: { code: 'competence' } }]);
    });

    it('shows barriers with their actions, coordination, committee goals and channels', async () => {
      const { project } = await data<{ project: Record<string, unknown> }>(
        `query Q($id: ID!, $at: String) {
          project(id: $id, atLeastPosition: $at) {
            barriers(filter: { status: open, taxonomy: pilot_barriers }) { totalCount edges { node {
              code stage level status actionCount basedOn { observationId }
              actions { actionId description takenByOrganisation { name } }
            } } }
            coordinationMeetings(filter: { status: held }) { edges { node {
              meetingId plannedFormat heldFormat cadence attendingOrganisationIds
            } } }
            coordinationConcerns(filter: { status: raised }) { edges { node {
              topic category raisedByOrganisation { name }
            } } }
            committeeGoals { totalCount edges { node { goalId outcome } } }
            unassessed: committeeGoals(filter: { assessed: false }) { edges { node { goalId } } }
            informationChannels(filter: { kind: social_media_page }) { edges { node {
              name status readingCount newPatientsInformed
              totals { likes visits shares }
              readings { likes }
            } } }
          }
        }`,
        { id: PROJECT },
      );
      expect(project).toEqual({
        barriers: {
          totalCount: 1,
          edges: [
            {
              node: {
                code: 'lack_of_effective_engagement',
                stage: 'during',
                level: 'team',
                status: 'open',
                actionCount: 1,
                basedOn: [{ observationId: 'o-1' }],
                actions: [
                  {
                    actionId: 'ask-the-committee',
                    description: 'Ask the committee before cancelling',
                    takenByOrganisation: { name: 'Home care agency' },
                  },
                ],
              },
            },
          ],
        },
        coordinationMeetings: {
          edges: [
            {
              node: {
                meetingId: 'meeting-1',
                plannedFormat: 'in_person',
                heldFormat: 'video_call',
                cadence: 'monthly',
                attendingOrganisationIds: ['org-home-care', 'org-uni'],
              },
            },
          ],
        },
        coordinationConcerns: {
          edges: [
            {
              node: {
                topic: 'Who calls the carers?',
                category: 'unclear_roles',
                raisedByOrganisation: { name: 'University of the valley' },
              },
            },
          ],
        },
        committeeGoals: {
          totalCount: 2,
          edges: [
            { node: { goalId: 'spokesperson', outcome: 'partially_reached' } },
            { node: { goalId: 'elect', outcome: null } },
          ],
        },
        unassessed: { edges: [{ node: { goalId: 'elect' } }] },
        informationChannels: {
          edges: [
            {
              node: {
                name: 'Facebook page',
                status: 'active',
                readingCount: 2,
                newPatientsInformed: 1,
                totals: { likes: 150, visits: null, shares: 4 },
                readings: [{ likes: 120 }, { likes: 30 }],
              },
            },
          ],
        },
      });
    });
  });

  describe('refusals', () => {
    it('refuses a page size over the cap with BAD_USER_INPUT, at the top level and nested', async () => {
      const top = await read('query Q($at: String) { projects(first: 101, atLeastPosition: $at) { totalCount } }');
      expect(top.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_TOO_LARGE' });
      const nested = await read<{ project: { carers: unknown } | null }>(
        'query Q($id: ID!, $at: String) { project(id: $id, atLeastPosition: $at) { carers(first: 500) { totalCount } } }',
        { id: PROJECT },
      );
      expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_TOO_LARGE' });
      expect(nested.errors?.[0]).toMatchObject({ path: ['project', 'carers'] });
      const hundred = await read<{ projects: { totalCount: number } }>('{ projects(first: 100) { totalCount } }');
      expect(hundred.errors).toBeUndefined();
    });

    it('refuses a forged cursor, or the cursor of another list', async () => {
      const forged = await read('{ projects(after: "not-a-cursor") { totalCount } }');
      expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
      const { projects } = await data<{ projects: { pageInfo: { endCursor: string } } }>(
        '{ projects(first: 1) { pageInfo { endCursor } } }',
      );
      const foreign = await read(
        'query Q($id: ID!, $after: String) { project(id: $id) { activities(after: $after) { totalCount } } }',
        { id: PROJECT, after: projects.pageInfo.endCursor },
      );
      expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    });

    it('refuses an unknown filter value', async () => {
      const response = await read('{ projects(filter: { phase: finished }) { totalCount } }');
      expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('validates optional filters like any input, at the top level and nested, naming the field', async () => {
      for (const query of [
        `{ projects(filter: { nameContains: "${'x'.repeat(201)}" }) { totalCount } }`,
        `query ($p: ID!) { project(id: $p) { carers(filter: { area: "" }) { totalCount } } }`,
      ]) {
        const response = await read(query, { p: PROJECT });
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' });
        expect(response.errors?.[0]?.message).toMatch(/nameContains|area/);
      }
    });
  });
});
