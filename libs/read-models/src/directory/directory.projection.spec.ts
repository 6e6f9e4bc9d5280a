import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { PgliteDatabase, type SqlExecutor } from '#database';
import { upcast } from '#domain';
import type { JsonObject, RecordedEvent } from '#event-store';
import { physicalTable, prepareProjections } from '#projections';
import { projectionTestCases, projectionTestDatabase, valleyPilot, VALLEY_PILOT_TARGETS } from '../testing/index.js';
import { decisionsOfActivity } from './decisions.reader.js';
import { DirectoryReader, keyOf } from './directory-reader.js';
import { directoryProjection } from './directory.projection.js';

const PROJECT = 'project-1';
let sequence = 0;

/** The schema version each event type is written at today (1 when not listed). */
const CURRENT_VERSIONS: Record<string, number> = { ActivityCancelled: 2, DecisionTaken: 3, DecisionRevised: 2 };

function event(type: string, data: Record<string, unknown>, occurredAt = '2025-02-01T10:00:00.000Z'): RecordedEvent {
  sequence += 1;
  return {
    id: randomUUID(),
    type,
    schemaVersion: CURRENT_VERSIONS[type] ?? 1,
    data: data as JsonObject,
    occurredAt: new Date(occurredAt),
    metadata: { actor: { id: 'researcher-7', role: 'researcher' }, correlationId: randomUUID() },
    streamId: `stream-${type}`,
    revision: 0n,
    position: { commit: BigInt(sequence), prepare: BigInt(sequence) },
    recordedAt: new Date(occurredAt),
  };
}

const launched = event(
  'ProjectLaunched',
  { ...valleyPilot(PROJECT), programmeId: 'programme-1', name: 'Carers of the valley' },
  '2025-01-01T09:00:00.000Z',
);

const scheduled = (activityId: string, kind = 'training_course', scheduledFor = '2025-03-01T15:00:00.000Z') =>
  event('ActivityScheduled', {
    activityId,
    projectId: PROJECT,
    kind,
    topic: 'Moving a bedridden person safely',
    scheduledFor,
    place: 'Town hall',
    facilitatorMemberId: 'm-nurse-1',
    organisingOrganisationId: 'org-provider',
  });

const carerRegistered = (carerId: string, pseudonym: string, personalData: Record<string, string> | null = null) =>
  event('CarerRegistered', {
    carerId,
    projectId: PROJECT,
    pseudonym,
    registeredByOrganisationId: 'org-provider',
    gender: 'female',
    ageBand: 'aged_55_64',
    weeklyCareHours: 40,
    stressLevel: 'high',
    area: 'upper-valley',
    relationship: 'child',
    personalData,
  });

const ENVELOPE = {
  algorithm: 'aes-256-gcm',
  keyId: 'carer-key-1',
  iv: 'AAAAAAAAAAAAAAAA',
  ciphertext: 'c2VjcmV0',
  authTag: 'AAAAAAAAAAAAAAAAAAAAAA==',
};

const CASES = projectionTestCases('directory');

describe.each(CASES)('directory projection on %s, events applied %s', (_target, _mode, open, batches) => {
  const directory = projectionTestDatabase(open, directoryProjection);

  async function given(...events: RecordedEvent[]): Promise<void> {
    for (const batch of batches(events)) {
      await directory.database.transaction((tx) =>
        directoryProjection.apply(
          batch.map((one) => upcast(one)),
          { tx, table: (name) => physicalTable(name, 1) },
        ),
      );
    }
  }

  const rows = (sql: string, params: unknown[] = []) => directory.database.query<Record<string, unknown>>(sql, params);
  const row = async (sql: string, params: unknown[] = []) => (await rows(sql, params))[0];

  it('projects a project through its phases, pilot extensions, revised targets and a self-organising committee', async () => {
    await given(
      launched,
      event('ProjectPhaseStarted', { projectId: PROJECT, phase: 'pilot' }, '2025-03-01T00:00:00.000Z'),
      event('PilotExtended', { projectId: PROJECT, additionalMonths: 2, pilotMonths: 20, reason: 'late start' }),
      event('PilotExtended', { projectId: PROJECT, additionalMonths: 1, pilotMonths: 21, reason: 'summer' }),
      event('ProjectTargetsRevised', {
        projectId: PROJECT,
        targets: { ...VALLEY_PILOT_TARGETS, reachShare: 0.25 },
        reason: 'too ambitious',
      }),
      event('CommitteeBecameSelfOrganising', { projectId: PROJECT, note: null }, '2025-09-01T00:00:00.000Z'),
    );
    expect(await row('select * from rm_projects')).toMatchObject({
      project_id: PROJECT,
      programme_id: 'programme-1',
      territory_id: 'valley',
      name: 'Carers of the valley',
      phase: 'pilot',
      phase_started_at: new Date('2025-03-01T00:00:00.000Z'),
      eligible_carers: 320,
      pilot_months: 21,
      pilot_extensions: 2,
      starts_on: '2025-01-01',
      target_reach_share: 0.25,
      target_satisfaction_threshold: 0.75,
      targets_revisions: 1,
      committee_self_organising_at: new Date('2025-09-01T00:00:00.000Z'),
    });
  });

  it('keeps programmes, territories with their adopted framework, and organisations', async () => {
    await given(
      event('ProgrammeLaunched', { programmeId: 'programme-1', name: 'Frail elderly at home' }),
      event('TerritoryAdded', {
        programmeId: 'programme-1',
        territoryId: 'valley',
        name: 'The valley',
        localGovernance: 'valley council',
        serviceVariant: 'mutual help first',
      }),
      event('TerritorySignalFrameworkAdopted', {
        programmeId: 'programme-1',
        territoryId: 'valley',
        frameworkId: 'framework-a',
        version: 3,
      }),
      event('OrganisationRegistered', {
        organisationId: 'org-provider',
        name: 'Home care agency',
        kind: 'service_provider',
        culture: null,
      }),
      event('OrganisationCultureDescribed', { organisationId: 'org-provider', culture: 'weekly meetings' }),
    );
    expect(await row('select * from rm_territories')).toMatchObject({
      territory_id: 'valley',
      name: 'The valley',
      framework_id: 'framework-a',
      framework_version: 3,
    });
    expect(await row('select name from rm_programmes')).toEqual({ name: 'Frail elderly at home' });
    expect(await row('select name, kind, culture from rm_organisations')).toEqual({
      name: 'Home care agency',
      kind: 'service_provider',
      culture: 'weekly meetings',
    });
  });

  it('tracks partners joining, leaving and joining again, their roles and their members', async () => {
    await given(
      event('OrganisationJoinedPartnership', {
        projectId: PROJECT,
        organisationId: 'org-uni',
        partnerRole: 'research_partner',
      }),
      event('OrganisationJoinedPartnership', {
        projectId: PROJECT,
        organisationId: 'org-provider',
        partnerRole: 'lead',
      }),
      event('PartnerMemberAdded', {
        projectId: PROJECT,
        organisationId: 'org-uni',
        memberId: 'm-1',
        memberRole: 'researcher',
      }),
      event('PartnerRolesFoundUnclear', {
        projectId: PROJECT,
        organisationId: 'org-uni',
        note: 'who runs the survey?',
      }),
      event('PartnerRolesClarified', {
        projectId: PROJECT,
        organisationId: 'org-provider',
        responsibilities: ['runs the pilot', 'recruits carers'],
      }),
      event('PartnerMemberRemoved', { projectId: PROJECT, organisationId: 'org-uni', memberId: 'm-1' }),
      event('OrganisationLeftPartnership', {
        projectId: PROJECT,
        organisationId: 'org-uni',
        reason: 'funding ended',
      }),
      event(
        'OrganisationJoinedPartnership',
        { projectId: PROJECT, organisationId: 'org-uni', partnerRole: 'promoter' },
        '2025-06-01T00:00:00.000Z',
      ),
    );
    expect(
      await rows(
        'select organisation_id, partner_role, status, left_at, roles_status, responsibilities, roles_note from rm_partners order by organisation_id',
      ),
    ).toEqual([
      {
        organisation_id: 'org-provider',
        partner_role: 'lead',
        status: 'current',
        left_at: null,
        roles_status: 'clarified',
        responsibilities: ['runs the pilot', 'recruits carers'],
        roles_note: null,
      },
      {
        organisation_id: 'org-uni',
        partner_role: 'promoter',
        status: 'current',
        left_at: null,
        roles_status: 'unclear',
        responsibilities: [],
        roles_note: 'who runs the survey?',
      },
    ]);
    expect(await row('select member_id, member_role, status from rm_partner_members')).toEqual({
      member_id: 'm-1',
      member_role: 'researcher',
      status: 'removed',
    });
  });

  it('tracks coordination meetings and concerns', async () => {
    await given(
      event('CoordinationMeetingPlanned', {
        projectId: PROJECT,
        meetingId: 'meeting-1',
        scheduledFor: '2025-02-10T09:00:00.000Z',
        format: 'in_person',
        cadence: 'monthly',
      }),
      event('CoordinationMeetingRescheduled', {
        projectId: PROJECT,
        meetingId: 'meeting-1',
        previouslyScheduledFor: '2025-02-10T09:00:00.000Z',
        scheduledFor: '2025-02-12T09:00:00.000Z',
        format: 'video_call',
        reason: 'strike',
      }),
      event('CoordinationMeetingHeld', {
        projectId: PROJECT,
        meetingId: 'meeting-1',
        format: 'phone',
        attendingOrganisationIds: ['org-uni', 'org-provider'],
        attendingMemberIds: ['m-1'],
        durationMinutes: 45,
      }),
      event('CoordinationMeetingPlanned', {
        projectId: PROJECT,
        meetingId: 'meeting-2',
        scheduledFor: '2025-03-10T09:00:00.000Z',
        format: 'in_person',
        cadence: null,
      }),
      event('CoordinationMeetingMissed', { projectId: PROJECT, meetingId: 'meeting-2', reason: 'nobody came' }),
      event('CoordinationConcernRaised', {
        projectId: PROJECT,
        concernId: 'concern-1',
        raisedByOrganisationId: 'org-provider',
        topic: 'Who calls the carers?',
        category: 'unclear_roles',
      }),
      event('CoordinationConcernResolved', {
        projectId: PROJECT,
        concernId: 'concern-1',
        resolution: 'the provider',
      }),
    );
    expect(
      await rows(
        'select meeting_id, status, scheduled_for, planned_format, held_format, attending_organisation_ids, reschedule_count, missed_reason from rm_coordination_meetings order by meeting_id',
      ),
    ).toEqual([
      {
        meeting_id: 'meeting-1',
        status: 'held',
        scheduled_for: new Date('2025-02-12T09:00:00.000Z'),
        planned_format: 'video_call',
        held_format: 'phone',
        attending_organisation_ids: ['org-uni', 'org-provider'],
        reschedule_count: 1,
        missed_reason: null,
      },
      {
        meeting_id: 'meeting-2',
        status: 'missed',
        scheduled_for: new Date('2025-03-10T09:00:00.000Z'),
        planned_format: 'in_person',
        held_format: null,
        attending_organisation_ids: [],
        reschedule_count: 0,
        missed_reason: 'nobody came',
      },
    ]);
    expect(await row('select status, resolution, category from rm_coordination_concerns')).toEqual({
      status: 'resolved',
      resolution: 'the provider',
      category: 'unclear_roles',
    });
  });

  it('keeps carers by pseudonym with their participation, consents and the encrypted envelope, never plain text', async () => {
    await given(
      carerRegistered('carer-1', 'Carer 1', ENVELOPE),
      carerRegistered('carer-2', 'Carer 2'),
      event('CarerInvited', {
        carerId: 'carer-1',
        projectId: PROJECT,
        invitationId: 'inv-1',
        channel: 'provider',
        invitedByOrganisationId: 'org-provider',
        referredByCarerId: null,
        invitationNumber: 1,
      }),
      event('CarerInvitationDeclined', {
        carerId: 'carer-1',
        projectId: PROJECT,
        invitationId: 'inv-1',
        channel: 'provider',
        reason: 'mistrust',
        note: 'Her name is Maria Rossi',
      }),
      event('CarerInvited', {
        carerId: 'carer-1',
        projectId: PROJECT,
        invitationId: 'inv-2',
        channel: 'word_of_mouth',
        invitedByOrganisationId: 'org-provider',
        referredByCarerId: 'carer-2',
        invitationNumber: 2,
      }),
      event('CarerInvitationAccepted', {
        carerId: 'carer-1',
        projectId: PROJECT,
        invitationId: 'inv-2',
        channel: 'word_of_mouth',
      }),
      event('CarerConsentGiven', { carerId: 'carer-1', projectId: PROJECT, kind: 'participation' }),
      event('CarerConsentGiven', { carerId: 'carer-1', projectId: PROJECT, kind: 'audio_recording' }),
      event('CarerConsentWithdrawn', { carerId: 'carer-1', projectId: PROJECT, kind: 'audio_recording' }),
      event('CarerWithdrewFromProject', {
        carerId: 'carer-1',
        projectId: PROJECT,
        reason: 'patient_death',
        note: null,
      }),
      event('CarerPersonalDataErased', {
        carerId: 'carer-2',
        projectId: PROJECT,
        erasedBy: 'admin-1',
        reason: 'right to erasure',
      }),
    );
    const carers = await rows('select * from rm_carers order by pseudonym');
    expect(carers[0]).toMatchObject({
      carer_id: 'carer-1',
      pseudonym: 'Carer 1',
      gender: 'female',
      age_band: 'aged_55_64',
      weekly_care_hours: 40,
      area: 'upper-valley',
      participation_status: 'withdrawn',
      invitation_count: 2,
      last_invitation_channel: 'word_of_mouth',
      referred_by_carer_id: 'carer-2',
      accepted_channel: 'word_of_mouth',
      last_decline_reason: 'mistrust',
      withdrawal_reason: 'patient_death',
      consent_participation: 'given',
      consent_audio_recording: 'withdrawn',
      consent_data_processing: 'not_given',
      personal_data: ENVELOPE,
      erased: false,
    });
    expect(carers[1]).toMatchObject({ carer_id: 'carer-2', erased: true, personal_data: null });
    expect(JSON.stringify(await rows('select * from rm_carers'))).not.toContain('Maria');
    expect(
      await rows(
        'select invitation_id, invitation_number, status, decline_reason from rm_carer_invitations order by invitation_id',
      ),
    ).toEqual([
      { invitation_id: 'inv-1', invitation_number: 1, status: 'declined', decline_reason: 'mistrust' },
      { invitation_id: 'inv-2', invitation_number: 2, status: 'accepted', decline_reason: null },
    ]);
  });

  it('tracks activities: held with registrations, attendance, quizzes and surveys; cancelled with who decided', async () => {
    await given(
      scheduled('a-1'),
      event('ActivityRescheduled', {
        activityId: 'a-1',
        projectId: PROJECT,
        scheduledFor: '2025-03-08T15:00:00.000Z',
        place: 'Library',
        previousScheduledFor: '2025-03-01T15:00:00.000Z',
        previousPlace: 'Town hall',
        reason: 'room painted',
      }),
      event('CarerRegisteredForActivity', { activityId: 'a-1', projectId: PROJECT, carerId: 'carer-1' }),
      event('CarerRegisteredForActivity', { activityId: 'a-1', projectId: PROJECT, carerId: 'carer-2' }),
      event('ActivityRegistrationCancelled', { activityId: 'a-1', projectId: PROJECT, carerId: 'carer-2' }),
      event('UnderstandingQuizAnswered', {
        activityId: 'a-1',
        projectId: PROJECT,
        carerId: 'carer-1',
        phase: 'before',
        questionsAsked: 3,
        correctAnswers: 1,
      }),
      event('ActivityHeld', {
        activityId: 'a-1',
        projectId: PROJECT,
        startedAt: '2025-03-08T15:10:00.000Z',
        durationMinutes: 90,
        audioRecorded: false,
      }),
      event('CarerAttendedActivity', { activityId: 'a-1', projectId: PROJECT, carerId: 'carer-1' }),
      event('CarerAttendedActivity', { activityId: 'a-1', projectId: PROJECT, carerId: 'carer-3' }),
      event('PartnerRepresentativeAttendedActivity', {
        activityId: 'a-1',
        projectId: PROJECT,
        organisationId: 'org-uni',
        memberId: 'm-1',
      }),
      ...['carer-1', 'carer-3'].map((carerId, index) =>
        event('UnderstandingQuizAnswered', {
          activityId: 'a-1',
          projectId: PROJECT,
          carerId,
          phase: 'after',
          questionsAsked: 3,
          correctAnswers: 3 - index,
        }),
      ),
      event('SatisfactionSurveyAnswered', {
        activityId: 'a-1',
        projectId: PROJECT,
        carerId: 'carer-1',
        instrumentId: 'training-satisfaction',
        itemIds: ['i1', 'i2'],
        scaleMin: 1,
        scaleMax: 4,
        answers: [4, 3],
      }),
      event('SatisfactionSurveyAnswered', {
        activityId: 'a-1',
        projectId: PROJECT,
        carerId: null,
        instrumentId: 'training-satisfaction',
        itemIds: ['i1', 'i2'],
        scaleMin: 1,
        scaleMax: 4,
        answers: [2, 4],
      }),
      scheduled('a-2', 'peer_meeting'),
      event('ActivityCancelled', {
        activityId: 'a-2',
        projectId: PROJECT,
        reason: 'expected_low_turnout',
        note: null,
        decidedByOrganisationId: 'org-provider',
        decidedByRole: 'provider',
        carersConsulted: false,
      }),
    );
    expect(await row(`select * from rm_activities where activity_id = 'a-1'`)).toMatchObject({
      status: 'held',
      scheduled_for: new Date('2025-03-08T15:00:00.000Z'),
      originally_scheduled_for: new Date('2025-03-01T15:00:00.000Z'),
      place: 'Library',
      reschedule_count: 1,
      started_at: new Date('2025-03-08T15:10:00.000Z'),
      duration_minutes: 90,
      registered_carers: 1,
      carers_attended: 2,
      representatives_attended: 1,
      cancellation_reason: null,
    });
    expect(await row(`select * from rm_activities where activity_id = 'a-2'`)).toMatchObject({
      status: 'cancelled',
      cancellation_reason: 'expected_low_turnout',
      cancelled_by_role: 'provider',
      cancelled_by_organisation_id: 'org-provider',
      carers_consulted: false,
    });
    expect(
      await rows(
        'select carer_id, registration_status, attended from rm_activity_carers where activity_id = $1 order by carer_id',
        ['a-1'],
      ),
    ).toEqual([
      { carer_id: 'carer-1', registration_status: 'registered', attended: true },
      { carer_id: 'carer-2', registration_status: 'cancelled', attended: false },
      { carer_id: 'carer-3', registration_status: null, attended: true },
    ]);
    expect(
      await rows('select phase, responses, questions_asked, correct_answers from rm_activity_quizzes order by phase'),
    ).toEqual([
      { phase: 'after', responses: 2, questions_asked: 6, correct_answers: 5 },
      { phase: 'before', responses: 1, questions_asked: 3, correct_answers: 1 },
    ]);
    expect(await row('select * from rm_activity_surveys')).toMatchObject({
      instrument_id: 'training-satisfaction',
      responses: 2,
      anonymous_responses: 1,
      answers: 4,
      answer_sum: 13,
    });
  });

  it('reads an old cancellation without a decision-maker as unknown, never as "not consulted"', async () => {
    const v1 = {
      ...event('ActivityCancelled', { activityId: 'a-1', projectId: PROJECT, reason: 'Expected low turnout' }),
      schemaVersion: 1,
    };
    await given(scheduled('a-1'), v1);
    expect(
      await row('select status, cancellation_reason, cancelled_by_role, carers_consulted from rm_activities'),
    ).toEqual({
      status: 'cancelled',
      cancellation_reason: 'expected_low_turnout',
      cancelled_by_role: 'unknown',
      carers_consulted: null,
    });
  });

  it('counts contested and revised decisions, and follows suggestions to their outcome', async () => {
    await given(
      event('DecisionTaken', {
        decisionId: 'd-1',
        projectId: PROJECT,
        description: 'Cancel the August peer meeting',
        decidedByOrganisationId: 'org-provider',
        decidedByRole: 'provider',
        affectsCarers: true,
        carersConsulted: false,
        carerInvolvement: 'informed',
        activityIds: ['a-2'],
      }),
      event('DecisionContested', {
        decisionId: 'd-1',
        projectId: PROJECT,
        contestedByRole: 'carer',
        contestedByCarerId: null,
        grounds: 'nobody asked us',
      }),
      event('DecisionContested', {
        decisionId: 'd-1',
        projectId: PROJECT,
        contestedByRole: 'researcher',
        contestedByCarerId: null,
        grounds: 'agreed',
      }),
      event('DecisionRevised', {
        decisionId: 'd-1',
        projectId: PROJECT,
        description: 'Hold it online',
        carersConsulted: true,
        carerInvolvement: 'consulted',
        reason: 'workshop',
      }),
      event('SuggestionMade', {
        suggestionId: 's-1',
        projectId: PROJECT,
        suggestedByRole: 'carer',
        carerId: 'carer-1',
        organisationId: null,
        description: 'Advertise on local TV',
        topic: 'information',
      }),
      event('SuggestionDeclined', {
        suggestionId: 's-1',
        projectId: PROJECT,
        reason: 'not_feasible_budget',
        note: 'too dear',
      }),
      event('SuggestionMade', {
        suggestionId: 's-2',
        projectId: PROJECT,
        suggestedByRole: 'committee',
        carerId: null,
        organisationId: null,
        description: 'Meet in the evening',
        topic: 'scheduling',
      }),
      event('SuggestionAdopted', { suggestionId: 's-2', projectId: PROJECT, note: 'from May', decisionId: null }),
      event('SuggestionImplemented', { suggestionId: 's-2', projectId: PROJECT, note: null }),
    );
    expect(await row('select * from rm_decisions')).toMatchObject({
      status: 'revised',
      description: 'Hold it online',
      original_description: 'Cancel the August peer meeting',
      carers_consulted: true,
      originally_carers_consulted: false,
      contested_count: 2,
      contested_by_carers_count: 1,
      revision_count: 1,
      last_revision_reason: 'workshop',
      carer_involvement: 'consulted',
      activity_ids: ['a-2'],
    });
    expect(
      await rows('select suggestion_id, status, decline_reason from rm_suggestions order by suggestion_id'),
    ).toEqual([
      { suggestion_id: 's-1', status: 'declined', decline_reason: 'not_feasible_budget' },
      { suggestion_id: 's-2', status: 'implemented', decline_reason: null },
    ]);
  });

  it('lists every activity a decision covers, and finds the decision by any of them', async () => {
    const decision = (decisionId: string, activityIds: string[], occurredAt: string) =>
      event(
        'DecisionTaken',
        {
          decisionId,
          projectId: PROJECT,
          description: 'Move the sessions online',
          decidedByOrganisationId: null,
          decidedByRole: 'committee',
          affectsCarers: true,
          carersConsulted: true,
          carerInvolvement: 'co_decided',
          activityIds,
        },
        occurredAt,
      );
    await given(
      decision('d-1', ['a-3', 'a-1', 'a-2'], '2025-02-01T10:00:00.000Z'),
      decision('d-2', [], '2025-02-02T10:00:00.000Z'),
      decision('d-3', ['a-2'], '2025-02-03T10:00:00.000Z'),
    );
    // The list keeps each decision's activities in the order given; none is an empty list.
    expect(await rows('select decision_id, activity_ids from rm_decisions order by decision_id')).toEqual([
      { decision_id: 'd-1', activity_ids: ['a-3', 'a-1', 'a-2'] },
      { decision_id: 'd-2', activity_ids: [] },
      { decision_id: 'd-3', activity_ids: ['a-2'] },
    ]);
    expect(
      await rows(
        'select decision_id, activity_id, position from rm_decision_activities order by decision_id, position',
      ),
    ).toEqual([
      { decision_id: 'd-1', activity_id: 'a-3', position: 0 },
      { decision_id: 'd-1', activity_id: 'a-1', position: 1 },
      { decision_id: 'd-1', activity_id: 'a-2', position: 2 },
      { decision_id: 'd-3', activity_id: 'a-2', position: 0 },
    ]);
    // By activity: a-2 is the last of d-1's and the only one of d-3's; a-1 is d-1's second; a-4 none.
    const byActivity = await new DirectoryReader(directory.database).byKeys(decisionsOfActivity, [
      ['a-1'],
      ['a-2'],
      ['a-4'],
    ]);
    const ids = (activityId: string) =>
      (byActivity.get(keyOf([activityId])) ?? []).map((decisionRow) => decisionRow.decision_id);
    expect([ids('a-1'), ids('a-2'), ids('a-4')]).toEqual([['d-1'], ['d-1', 'd-3'], []]);
  });

  it('keeps evidence with coded observations, quotes attributed by role, gender and number only', async () => {
    await given(
      event('InterviewRecorded', {
        evidenceId: 'e-1',
        projectId: PROJECT,
        intervieweeRole: 'carer',
        intervieweeRef: 'carer-8',
        durationMinutes: 40,
        mode: 'telephone',
        phase: 'co_assessment',
      }),
      event('WorkshopRecorded', {
        evidenceId: 'e-2',
        projectId: PROJECT,
        workshopKind: 'co_assessment_workshop',
        participants: { carers: 6, providers: 2, researchers: 3 },
        audioRecorded: true,
      }),
      event('ReflexiveNoteRecorded', {
        evidenceId: 'e-3',
        projectId: PROJECT,
        authorMemberId: 'm-1',
        phase: 'pilot',
        text: 'Turnout low in August',
      }),
      event('ObservationCoded', {
        evidenceId: 'e-1',
        projectId: PROJECT,
        evidenceKind: 'interview',
        phase: 'co_assessment',
        observationId: 'o-1',
        kind: 'barrier',
        taxonomy: 'pilot_barriers',
        code: 'lack_of_trust',
        stage: 'before',
        level: 'citizen',
        inabilityKind: null,
        quote: { role: 'carer', gender: 'female', number: 8, text: 'I did not know them' },
      }),
      event('ObservationCoded', {
        evidenceId: 'e-1',
        projectId: PROJECT,
        evidenceKind: 'interview',
        phase: 'co_assessment',
        observationId: 'o-2',
        kind: 'positive_outcome',
        taxonomy: 'positive_outcomes',
        code: 'competence',
        stage: 'after',
        level: 'citizen',
        inabilityKind: null,
        quote: null,
      }),
    );
    expect(
      await rows(
        'select evidence_id, kind, phase, observation_count, carers_participating from rm_evidence order by evidence_id',
      ),
    ).toEqual([
      {
        evidence_id: 'e-1',
        kind: 'interview',
        phase: 'co_assessment',
        observation_count: 2,
        carers_participating: null,
      },
      {
        evidence_id: 'e-2',
        kind: 'co_assessment_workshop',
        phase: 'co_assessment',
        observation_count: 0,
        carers_participating: 6,
      },
      {
        evidence_id: 'e-3',
        kind: 'reflexive_note',
        phase: 'pilot',
        observation_count: 0,
        carers_participating: null,
      },
    ]);
    expect(
      await rows(
        'select observation_id, taxonomy, code, stage, quote_role, quote_gender, quote_number from rm_observations order by observation_id',
      ),
    ).toEqual([
      {
        observation_id: 'o-1',
        taxonomy: 'pilot_barriers',
        code: 'lack_of_trust',
        stage: 'before',
        quote_role: 'carer',
        quote_gender: 'female',
        quote_number: 8,
      },
      {
        observation_id: 'o-2',
        taxonomy: 'positive_outcomes',
        code: 'competence',
        stage: 'after',
        quote_role: null,
        quote_gender: null,
        quote_number: null,
      },
    ]);
  });

  it('keeps barriers with their adjustment actions, resolution and reopening', async () => {
    await given(
      event('BarrierObserved', {
        barrierId: 'b-1',
        projectId: PROJECT,
        taxonomy: 'pilot_barriers',
        code: 'lack_of_effective_engagement',
        stage: 'during',
        level: 'team',
        inabilityKind: null,
        description: 'Sessions cancelled without asking carers',
        basedOn: [{ evidenceId: 'e-1', observationId: 'o-1' }],
        observedAt: '2025-04-01T00:00:00.000Z',
      }),
      event('AdjustmentActionTaken', {
        barrierId: 'b-1',
        projectId: PROJECT,
        actionId: 'act-1',
        description: 'Ask the committee before cancelling',
        takenByOrganisationId: 'org-provider',
        takenAt: '2025-04-10T00:00:00.000Z',
      }),
      event('AdjustmentActionTaken', {
        barrierId: 'b-1',
        projectId: PROJECT,
        actionId: 'act-2',
        description: 'Monthly feedback round',
        takenByOrganisationId: 'org-uni',
        takenAt: '2025-04-20T00:00:00.000Z',
      }),
      event('BarrierResolved', {
        barrierId: 'b-1',
        projectId: PROJECT,
        resolution: 'no more complaints',
        resolvedAt: '2025-05-01T00:00:00.000Z',
      }),
      event('BarrierReopened', {
        barrierId: 'b-1',
        projectId: PROJECT,
        reason: 'cancelled again',
        reopenedAt: '2025-06-01T00:00:00.000Z',
      }),
    );
    expect(await row('select * from rm_barriers')).toMatchObject({
      status: 'open',
      based_on: [{ evidenceId: 'e-1', observationId: 'o-1' }],
      action_count: 2,
      first_action_at: new Date('2025-04-10T00:00:00.000Z'),
      last_action_at: new Date('2025-04-20T00:00:00.000Z'),
      resolution: 'no more complaints',
      reopen_count: 1,
      last_reopen_reason: 'cancelled again',
    });
    expect(
      await rows('select action_id, taken_by_organisation_id from rm_adjustment_actions order by action_id'),
    ).toEqual([
      { action_id: 'act-1', taken_by_organisation_id: 'org-provider' },
      { action_id: 'act-2', taken_by_organisation_id: 'org-uni' },
    ]);
  });

  it('keeps committee goals, information channels with readings and patients informed, and survey instruments', async () => {
    await given(
      event('CommitteeGoalDefined', {
        projectId: PROJECT,
        goalId: 'g-1',
        description: "Be the carers' spokesperson",
      }),
      event('CommitteeGoalDefined', { projectId: PROJECT, goalId: 'g-2', description: 'Elect representatives' }),
      event('CommitteeGoalAssessed', { projectId: PROJECT, goalId: 'g-1', outcome: 'partially_reached', note: null }),
      event('CommitteeGoalReassessed', {
        projectId: PROJECT,
        goalId: 'g-1',
        previousOutcome: 'partially_reached',
        outcome: 'reached',
        note: 'after the summer',
        reason: 'new evidence',
      }),
      event('InformationChannelRegistered', {
        channelId: 'ch-1',
        projectId: PROJECT,
        kind: 'social_media_page',
        name: 'Facebook page',
      }),
      event('ChannelReadingRecorded', {
        channelId: 'ch-1',
        projectId: PROJECT,
        periodStart: '2025-01-01T00:00:00.000Z',
        periodEnd: '2025-02-01T00:00:00.000Z',
        likes: 120,
        visits: null,
        downloads: null,
        shares: 4,
      }),
      event('NewPatientInformed', {
        channelId: 'ch-1',
        projectId: PROJECT,
        providerOrganisationId: 'org-provider',
        patientRef: 'patient-77',
        informedOn: '2025-01-15',
      }),
      event('InformationChannelRetired', { channelId: 'ch-1', projectId: PROJECT, reason: null }),
      event('SurveyInstrumentRegistered', {
        instrumentId: 'peer-satisfaction',
        name: 'Peer meeting satisfaction',
        description: null,
        measures: 'satisfaction',
        itemCount: 5,
        scale: { minimum: 1, maximum: 4, labels: [{ value: 4, label: 'completely satisfied' }] },
      }),
      event('SurveyInstrumentRetired', { instrumentId: 'peer-satisfaction', reason: 'replaced' }),
    );
    expect(
      await rows('select goal_id, outcome, first_outcome, reassessment_count from rm_committee_goals order by goal_id'),
    ).toEqual([
      { goal_id: 'g-1', outcome: 'reached', first_outcome: 'partially_reached', reassessment_count: 1 },
      { goal_id: 'g-2', outcome: null, first_outcome: null, reassessment_count: 0 },
    ]);
    expect(await row('select * from rm_information_channels')).toMatchObject({
      status: 'retired',
      reading_count: 1,
      new_patients_informed: 1,
      last_period_end: new Date('2025-02-01T00:00:00.000Z'),
    });
    expect(JSON.stringify(await rows('select * from rm_information_channels'))).not.toContain('patient-77');
    // A reading stored before readings had a kind (schema version 1) is read as the increment it was.
    expect(await row('select reading_kind, likes, visits, shares from rm_channel_readings')).toEqual({
      reading_kind: 'increment',
      likes: 120,
      visits: null,
      shares: 4,
    });
    expect(await row('select status, scale_maximum, scale_labels from rm_survey_instruments')).toEqual({
      status: 'retired',
      scale_maximum: 4,
      scale_labels: [{ value: 4, label: 'completely satisfied' }],
    });
  });
});

describe('directory projection writes set-based', () => {
  it('issues at most an INSERT and an UPDATE per table touched, whatever the batch size', async () => {
    const database = await PgliteDatabase.open();
    try {
      await prepareProjections(database, [directoryProjection]);
      const events = [launched];
      for (let i = 0; i < 100; i++) {
        const activityId = `a-${i}`;
        events.push(
          scheduled(activityId, 'peer_meeting', `2025-03-${String((i % 28) + 1).padStart(2, '0')}T15:00:00.000Z`),
          event('CarerRegisteredForActivity', { activityId, projectId: PROJECT, carerId: `carer-${i}` }),
          event('ActivityHeld', {
            activityId,
            projectId: PROJECT,
            startedAt: '2025-03-01T15:00:00.000Z',
            durationMinutes: 60,
            audioRecorded: false,
          }),
          event('CarerAttendedActivity', { activityId, projectId: PROJECT, carerId: `carer-${i}` }),
        );
      }
      const statements: string[] = [];
      const apply = (batch: RecordedEvent[]) =>
        database.transaction(async (tx) => {
          const counting: SqlExecutor = {
            query: (sql, params) => {
              statements.push(sql.trim().split(/\s+/)[0]!.toLowerCase());
              return tx.query(sql, params);
            },
            exec: (sql) => {
              statements.push(sql);
              return tx.exec(sql);
            },
            copyIn: (table, columns, rows) => {
              statements.push('copy');
              return tx.copyIn(table, columns, rows);
            },
          };
          await directoryProjection.apply(batch, { tx: counting, table: (name) => physicalTable(name, 1) });
        });
      await apply(events);
      // rm_projects, rm_activities and rm_activity_carers: one INSERT each; every row was new.
      expect(statements).toEqual(['insert', 'insert', 'insert']);

      // 100 more carers attend the existing activities: new attendance rows, existing activity rows.
      statements.length = 0;
      await apply(
        Array.from({ length: 100 }, (_, i) =>
          event('CarerAttendedActivity', { activityId: `a-${i}`, projectId: PROJECT, carerId: `carer-extra-${i}` }),
        ),
      );
      expect(statements.sort()).toEqual(['insert', 'update']);
      expect(await database.query('select count(*)::int as n from rm_activities where carers_attended = 2')).toEqual([
        { n: 100 },
      ]);
    } finally {
      await database.close();
    }
  });
});
