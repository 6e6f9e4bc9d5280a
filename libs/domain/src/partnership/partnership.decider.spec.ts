import { describe, it } from '@jest/globals';
import { NOW, scenario } from '../shared/given-when-then.js';
import type {
  AddPartnerMember,
  PartnershipCommand,
  PlanCoordinationMeeting,
  RaiseCoordinationConcern,
  RecordCoordinationMeetingHeld,
} from './partnership.commands.js';
import type {
  CoordinationConcernRaised,
  CoordinationMeetingPlanned,
  OrganisationJoinedPartnership,
  OrganisationLeftPartnership,
  PartnerMemberAdded,
  PartnerMemberRole,
  PartnerRole,
  PartnershipEvent,
} from './partnership.events.js';
import { partnershipDecider } from './partnership.decider.js';

const projectId = 'p-1';
const agency = 'org-agency';
const university = 'org-university';
const outsider = 'org-press';
const tomorrow = new Date(NOW.getTime() + 24 * 3600 * 1000);

const joined = (organisationId: string, partnerRole: PartnerRole): OrganisationJoinedPartnership => ({
  type: 'OrganisationJoinedPartnership',
  data: { projectId, organisationId, partnerRole },
});
const memberAdded = (organisationId: string, memberId: string, memberRole: PartnerMemberRole): PartnerMemberAdded => ({
  type: 'PartnerMemberAdded',
  data: { projectId, organisationId, memberId, memberRole },
});
const agencyJoined = joined(agency, 'lead');
const agencyLeft: OrganisationLeftPartnership = {
  type: 'OrganisationLeftPartnership',
  data: { projectId, organisationId: agency, reason: null },
};
const universityJoined = joined(university, 'research_partner');
const coordinator = memberAdded(agency, 'm-17', 'coordinator');
const researcher = memberAdded(university, 'm-42', 'researcher');
const partners: PartnershipEvent[] = [agencyJoined, universityJoined, coordinator, researcher];

const plan: PlanCoordinationMeeting['data'] = {
  projectId,
  meetingId: 'meet-1',
  scheduledFor: '2026-07-01T09:00:00.000Z',
  format: 'video_call',
  cadence: 'monthly',
};
const planned: CoordinationMeetingPlanned = { type: 'CoordinationMeetingPlanned', data: plan };
const held: RecordCoordinationMeetingHeld['data'] = {
  projectId,
  meetingId: 'meet-1',
  format: 'in_person',
  attendingOrganisationIds: [agency, university],
  attendingMemberIds: ['m-17', 'm-42'],
  durationMinutes: 90,
};
const concern: RaiseCoordinationConcern['data'] = {
  projectId,
  concernId: 'c-1',
  raisedByOrganisationId: agency,
  topic: 'Nobody knows who contacts the facilities',
  category: 'unclear_roles',
};
const raised: CoordinationConcernRaised = { type: 'CoordinationConcernRaised', data: concern };
const partnership = scenario(partnershipDecider);

describe('Partnership: organisations and members', () => {
  it('forms when the first organisation joins with a partner role', () => {
    partnership
      .given()
      .when({ type: 'JoinPartnership', data: { projectId, organisationId: agency, partnerRole: 'lead' } })
      .then(agencyJoined);
  });

  it('refuses an organisation that is already a partner', () => {
    partnership
      .given(agencyJoined)
      .when({ type: 'JoinPartnership', data: { projectId, organisationId: agency, partnerRole: 'promoter' } })
      .thenFails('ORGANISATION_ALREADY_PARTNER', 'conflict');
  });

  it('lets an organisation that left join again', () => {
    partnership
      .given(agencyJoined, agencyLeft)
      .when({ type: 'JoinPartnership', data: { projectId, organisationId: agency, partnerRole: 'promoter' } })
      .then(joined(agency, 'promoter'));
  });

  it('refuses an unknown partner role', () => {
    partnership
      .given()
      .when({
        type: 'JoinPartnership',
        data: { projectId, organisationId: agency, partnerRole: 'owner' as PartnerRole },
      })
      .thenFails('NOT_ALLOWED', 'invalid');
  });

  it('refuses a join dated in the future', () => {
    partnership
      .given()
      .when(
        { type: 'JoinPartnership', data: { projectId, organisationId: agency, partnerRole: 'lead' } },
        { occurredAt: tomorrow },
      )
      .thenFails('IN_THE_FUTURE', 'invalid');
  });

  it('removes the members of an organisation that leaves, then records the departure', () => {
    partnership
      .given(...partners, memberAdded(university, 'm-43', 'facilitator'))
      .when({ type: 'LeavePartnership', data: { projectId, organisationId: university, reason: ' end of funding ' } })
      .then(
        { type: 'PartnerMemberRemoved', data: { projectId, organisationId: university, memberId: 'm-42' } },
        { type: 'PartnerMemberRemoved', data: { projectId, organisationId: university, memberId: 'm-43' } },
        {
          type: 'OrganisationLeftPartnership',
          data: { projectId, organisationId: university, reason: 'end of funding' },
        },
      );
  });

  it('refuses the departure of an organisation that is not a partner', () => {
    partnership
      .given(agencyJoined)
      .when({ type: 'LeavePartnership', data: { projectId, organisationId: outsider, reason: null } })
      .thenFails('ORGANISATION_NOT_PARTNER', 'conflict');
  });

  const addition: AddPartnerMember['data'] = {
    projectId,
    organisationId: agency,
    memberId: 'm-17',
    memberRole: 'coordinator',
  };

  it('adds a member to a partner organisation under a pseudonymous id', () => {
    partnership.given(agencyJoined).when({ type: 'AddPartnerMember', data: addition }).then(coordinator);
  });

  it('refuses members for an organisation that is not a partner', () => {
    partnership
      .given(agencyJoined)
      .when({ type: 'AddPartnerMember', data: { ...addition, organisationId: outsider } })
      .thenFails('ORGANISATION_NOT_PARTNER', 'conflict');
  });

  it('refuses members for an organisation that has left', () => {
    partnership
      .given(agencyJoined, agencyLeft)
      .when({ type: 'AddPartnerMember', data: addition })
      .thenFails('ORGANISATION_NOT_PARTNER', 'conflict');
  });

  it('refuses a member id already in the partnership, even for another organisation', () => {
    partnership
      .given(...partners)
      .when({ type: 'AddPartnerMember', data: { ...addition, organisationId: university } })
      .thenFails('MEMBER_ALREADY_IN_PARTNERSHIP', 'conflict');
  });

  it.each([
    ['a name as member id', { ...addition, memberId: 'Maria Rossi' }, 'NOT_PSEUDONYMOUS'],
    ['an e-mail as member id', { ...addition, memberId: 'maria@example.org' }, 'NOT_PSEUDONYMOUS'],
    ['an empty member id', { ...addition, memberId: '' }, 'NOT_PSEUDONYMOUS'],
    ['an unknown member role', { ...addition, memberRole: 'nurse' as PartnerMemberRole }, 'NOT_ALLOWED'],
  ])('refuses a member with %s', (_title, data, reason) => {
    partnership.given(agencyJoined).when({ type: 'AddPartnerMember', data }).thenFails(reason, 'invalid');
  });

  it('removes a member, recording their organisation', () => {
    partnership
      .given(...partners)
      .when({ type: 'RemovePartnerMember', data: { projectId, memberId: 'm-42' } })
      .then({ type: 'PartnerMemberRemoved', data: { projectId, organisationId: university, memberId: 'm-42' } });
  });

  it('refuses to remove a member who is not in the partnership', () => {
    partnership
      .given(...partners, {
        type: 'PartnerMemberRemoved',
        data: { projectId, organisationId: university, memberId: 'm-42' },
      })
      .when({ type: 'RemovePartnerMember', data: { projectId, memberId: 'm-42' } })
      .thenFails('MEMBER_NOT_FOUND', 'not_found');
  });

  it('lets a removed member be added again', () => {
    partnership
      .given(...partners, {
        type: 'PartnerMemberRemoved',
        data: { projectId, organisationId: agency, memberId: 'm-17' },
      })
      .when({ type: 'AddPartnerMember', data: addition })
      .then(coordinator);
  });
});

describe('Partnership: roles and responsibilities', () => {
  it('records the clarified responsibilities of a partner', () => {
    partnership
      .given(agencyJoined)
      .when({
        type: 'ClarifyPartnerRoles',
        data: { projectId, organisationId: agency, responsibilities: [' Runs the pilot ', 'Contacts the facilities'] },
      })
      .then({
        type: 'PartnerRolesClarified',
        data: { projectId, organisationId: agency, responsibilities: ['Runs the pilot', 'Contacts the facilities'] },
      });
  });

  it.each([
    ['no responsibilities', [], 'OUT_OF_RANGE'],
    ['a blank responsibility', ['Runs the pilot', ' '], 'REQUIRED'],
    ['the same responsibility twice', ['Runs the pilot', 'runs the pilot '], 'DUPLICATE'],
  ])('refuses a clarification with %s', (_title, responsibilities, reason) => {
    partnership
      .given(agencyJoined)
      .when({ type: 'ClarifyPartnerRoles', data: { projectId, organisationId: agency, responsibilities } })
      .thenFails(reason, 'invalid');
  });

  it('records that the roles of a partner were found unclear', () => {
    partnership
      .given(agencyJoined)
      .when({ type: 'RecordUnclearPartnerRoles', data: { projectId, organisationId: agency, note: 'Who evaluates?' } })
      .then({ type: 'PartnerRolesFoundUnclear', data: { projectId, organisationId: agency, note: 'Who evaluates?' } });
  });

  it('refuses an unclear-roles record without a note', () => {
    partnership
      .given(agencyJoined)
      .when({ type: 'RecordUnclearPartnerRoles', data: { projectId, organisationId: agency, note: '' } })
      .thenFails('REQUIRED', 'invalid');
  });

  it.each<[string, PartnershipCommand]>([
    [
      'ClarifyPartnerRoles',
      { type: 'ClarifyPartnerRoles', data: { projectId, organisationId: outsider, responsibilities: ['x'] } },
    ],
    [
      'RecordUnclearPartnerRoles',
      { type: 'RecordUnclearPartnerRoles', data: { projectId, organisationId: outsider, note: 'x' } },
    ],
  ])('refuses %s for an organisation that is not a partner', (_title, command) => {
    partnership.given(agencyJoined).when(command).thenFails('ORGANISATION_NOT_PARTNER', 'conflict');
  });
});

describe('Partnership: coordination meetings', () => {
  it('plans a meeting, possibly in the future, with a cadence label', () => {
    partnership.given(agencyJoined).when({ type: 'PlanCoordinationMeeting', data: plan }).then(planned);
  });

  it('normalises the scheduled date and accepts no cadence', () => {
    partnership
      .given(agencyJoined)
      .when({
        type: 'PlanCoordinationMeeting',
        data: { ...plan, scheduledFor: '2026-07-01T11:00:00+02:00', cadence: null },
      })
      .then({ type: 'CoordinationMeetingPlanned', data: { ...plan, cadence: null } });
  });

  it('refuses a meeting id already planned', () => {
    partnership
      .given(agencyJoined, planned)
      .when({ type: 'PlanCoordinationMeeting', data: plan })
      .thenFails('MEETING_ALREADY_PLANNED', 'conflict');
  });

  it.each([
    ['an invalid date', { ...plan, scheduledFor: 'next week' }, 'INVALID_DATE'],
    ['an unknown format', { ...plan, format: 'email' as PlanCoordinationMeeting['data']['format'] }, 'NOT_ALLOWED'],
    ['a blank cadence', { ...plan, cadence: ' ' }, 'REQUIRED'],
  ])('refuses a plan with %s', (_title, data, reason) => {
    partnership.given(agencyJoined).when({ type: 'PlanCoordinationMeeting', data }).thenFails(reason, 'invalid');
  });

  it('records a held meeting with the partners and members who attended and the format used', () => {
    partnership
      .given(...partners, planned)
      .when({ type: 'RecordCoordinationMeetingHeld', data: held })
      .then({ type: 'CoordinationMeetingHeld', data: held });
  });

  it('records a held meeting with organisations only and no duration', () => {
    const data = { ...held, attendingOrganisationIds: [agency], attendingMemberIds: [], durationMinutes: null };
    partnership
      .given(...partners, planned)
      .when({ type: 'RecordCoordinationMeetingHeld', data })
      .then({ type: 'CoordinationMeetingHeld', data });
  });

  it('refuses a held meeting dated in the future', () => {
    partnership
      .given(...partners, planned)
      .when({ type: 'RecordCoordinationMeetingHeld', data: held }, { occurredAt: tomorrow })
      .thenFails('IN_THE_FUTURE', 'invalid');
  });

  it('refuses to hold a meeting that was never planned', () => {
    partnership
      .given(...partners)
      .when({ type: 'RecordCoordinationMeetingHeld', data: held })
      .thenFails('MEETING_NOT_FOUND', 'not_found');
  });

  it('refuses to hold a meeting twice', () => {
    partnership
      .given(...partners, planned, { type: 'CoordinationMeetingHeld', data: held })
      .when({ type: 'RecordCoordinationMeetingHeld', data: held })
      .thenFails('MEETING_ALREADY_HELD', 'conflict');
  });

  it('refuses to hold a meeting that was missed', () => {
    partnership
      .given(...partners, planned, {
        type: 'CoordinationMeetingMissed',
        data: { projectId, meetingId: 'meet-1', reason: 'x' },
      })
      .when({ type: 'RecordCoordinationMeetingHeld', data: held })
      .thenFails('MEETING_ALREADY_MISSED', 'conflict');
  });

  it('refuses attendance of an organisation that is not a partner', () => {
    partnership
      .given(...partners, planned)
      .when({
        type: 'RecordCoordinationMeetingHeld',
        data: { ...held, attendingOrganisationIds: [agency, university, outsider] },
      })
      .thenFails('ATTENDING_ORGANISATION_NOT_PARTNER', 'conflict');
  });

  it('refuses attendance of a member who is not in the partnership', () => {
    partnership
      .given(...partners, planned)
      .when({ type: 'RecordCoordinationMeetingHeld', data: { ...held, attendingMemberIds: ['m-17', 'm-99'] } })
      .thenFails('ATTENDING_MEMBER_NOT_IN_PARTNERSHIP', 'conflict');
  });

  it.each([
    ['no attending organisation', { ...held, attendingOrganisationIds: [], attendingMemberIds: [] }, 'OUT_OF_RANGE'],
    ['an organisation listed twice', { ...held, attendingOrganisationIds: [agency, university, agency] }, 'DUPLICATE'],
    ['a member listed twice', { ...held, attendingMemberIds: ['m-17', 'm-17'] }, 'DUPLICATE'],
    [
      'a member whose organisation is not listed',
      { ...held, attendingOrganisationIds: [agency] },
      'MEMBER_ORGANISATION_NOT_ATTENDING',
    ],
    ['a zero duration', { ...held, durationMinutes: 0 }, 'OUT_OF_RANGE'],
    ['an unknown format', { ...held, format: 'fax' as RecordCoordinationMeetingHeld['data']['format'] }, 'NOT_ALLOWED'],
  ])('refuses a held meeting with %s', (_title, data, reason) => {
    partnership
      .given(...partners, planned)
      .when({ type: 'RecordCoordinationMeetingHeld', data })
      .thenFails(reason, 'invalid');
  });

  it('records a missed meeting with its reason', () => {
    partnership
      .given(agencyJoined, planned)
      .when({
        type: 'RecordCoordinationMeetingMissed',
        data: { projectId, meetingId: 'meet-1', reason: 'Nobody connected' },
      })
      .then({
        type: 'CoordinationMeetingMissed',
        data: { projectId, meetingId: 'meet-1', reason: 'Nobody connected' },
      });
  });

  it('refuses to mark a held meeting as missed', () => {
    partnership
      .given(...partners, planned, { type: 'CoordinationMeetingHeld', data: held })
      .when({ type: 'RecordCoordinationMeetingMissed', data: { projectId, meetingId: 'meet-1', reason: 'x' } })
      .thenFails('MEETING_ALREADY_HELD', 'conflict');
  });

  it('refuses a missed meeting without a reason, or dated in the future', () => {
    partnership
      .given(agencyJoined, planned)
      .when({ type: 'RecordCoordinationMeetingMissed', data: { projectId, meetingId: 'meet-1', reason: ' ' } })
      .thenFails('REQUIRED', 'invalid');
    partnership
      .given(agencyJoined, planned)
      .when(
        { type: 'RecordCoordinationMeetingMissed', data: { projectId, meetingId: 'meet-1', reason: 'x' } },
        { occurredAt: tomorrow },
      )
      .thenFails('IN_THE_FUTURE', 'invalid');
  });

  it('refuses to mark a meeting that was never planned as missed', () => {
    partnership
      .given(agencyJoined)
      .when({ type: 'RecordCoordinationMeetingMissed', data: { projectId, meetingId: 'meet-9', reason: 'x' } })
      .thenFails('MEETING_NOT_FOUND', 'not_found');
  });

  it('reschedules a meeting, keeping the planned format when none is given', () => {
    partnership
      .given(agencyJoined, planned)
      .when({
        type: 'RescheduleCoordinationMeeting',
        data: {
          projectId,
          meetingId: 'meet-1',
          scheduledFor: '2026-07-08T09:00:00.000Z',
          format: null,
          reason: 'holidays',
        },
      })
      .then({
        type: 'CoordinationMeetingRescheduled',
        data: {
          projectId,
          meetingId: 'meet-1',
          previouslyScheduledFor: '2026-07-01T09:00:00.000Z',
          scheduledFor: '2026-07-08T09:00:00.000Z',
          format: 'video_call',
          reason: 'holidays',
        },
      });
  });

  it('reschedules from the latest date and may switch the format', () => {
    const moved: PartnershipEvent = {
      type: 'CoordinationMeetingRescheduled',
      data: {
        projectId,
        meetingId: 'meet-1',
        previouslyScheduledFor: '2026-07-01T09:00:00.000Z',
        scheduledFor: '2026-07-08T09:00:00.000Z',
        format: 'video_call',
        reason: null,
      },
    };
    partnership
      .given(agencyJoined, planned, moved)
      .when({
        type: 'RescheduleCoordinationMeeting',
        data: {
          projectId,
          meetingId: 'meet-1',
          scheduledFor: '2026-07-08T09:00:00.000Z',
          format: 'in_person',
          reason: null,
        },
      })
      .then({
        type: 'CoordinationMeetingRescheduled',
        data: { ...moved.data, previouslyScheduledFor: '2026-07-08T09:00:00.000Z', format: 'in_person' },
      });
  });

  it('refuses a reschedule that changes nothing', () => {
    partnership
      .given(agencyJoined, planned)
      .when({
        type: 'RescheduleCoordinationMeeting',
        data: { projectId, meetingId: 'meet-1', scheduledFor: plan.scheduledFor, format: 'video_call', reason: null },
      })
      .thenFails('MEETING_SCHEDULE_UNCHANGED', 'conflict');
  });

  it('refuses to reschedule a meeting that was missed, or to an invalid date', () => {
    const reschedule = { projectId, meetingId: 'meet-1', scheduledFor: '2026-07-08', format: null, reason: null };
    partnership
      .given(agencyJoined, planned, {
        type: 'CoordinationMeetingMissed',
        data: { projectId, meetingId: 'meet-1', reason: 'x' },
      })
      .when({ type: 'RescheduleCoordinationMeeting', data: reschedule })
      .thenFails('MEETING_ALREADY_MISSED', 'conflict');
    partnership
      .given(agencyJoined, planned)
      .when({ type: 'RescheduleCoordinationMeeting', data: { ...reschedule, scheduledFor: 'later' } })
      .thenFails('INVALID_DATE', 'invalid');
  });
});

describe('Partnership: coordination concerns', () => {
  it('records a concern raised by a partner', () => {
    partnership.given(agencyJoined).when({ type: 'RaiseCoordinationConcern', data: concern }).then(raised);
  });

  it('refuses a concern raised by an organisation that is not a partner', () => {
    partnership
      .given(agencyJoined)
      .when({ type: 'RaiseCoordinationConcern', data: { ...concern, raisedByOrganisationId: outsider } })
      .thenFails('ORGANISATION_NOT_PARTNER', 'conflict');
  });

  it('refuses a concern id already raised', () => {
    partnership
      .given(agencyJoined, raised)
      .when({ type: 'RaiseCoordinationConcern', data: concern })
      .thenFails('CONCERN_ALREADY_RAISED', 'conflict');
  });

  it.each([
    ['no topic', { ...concern, topic: '' }, 'REQUIRED'],
    [
      'an unknown category',
      { ...concern, category: 'money' as RaiseCoordinationConcern['data']['category'] },
      'NOT_ALLOWED',
    ],
  ])('refuses a concern with %s', (_title, data, reason) => {
    partnership.given(agencyJoined).when({ type: 'RaiseCoordinationConcern', data }).thenFails(reason, 'invalid');
  });

  it('refuses a concern dated in the future', () => {
    partnership
      .given(agencyJoined)
      .when({ type: 'RaiseCoordinationConcern', data: concern }, { occurredAt: tomorrow })
      .thenFails('IN_THE_FUTURE', 'invalid');
  });

  const resolve = { projectId, concernId: 'c-1', resolution: 'The agency contacts the facilities' };

  it('resolves a raised concern', () => {
    partnership
      .given(agencyJoined, raised)
      .when({ type: 'ResolveCoordinationConcern', data: resolve })
      .then({ type: 'CoordinationConcernResolved', data: resolve });
  });

  it('refuses to resolve a concern that was never raised', () => {
    partnership
      .given(agencyJoined)
      .when({ type: 'ResolveCoordinationConcern', data: resolve })
      .thenFails('CONCERN_NOT_FOUND', 'not_found');
  });

  it('refuses to resolve a concern twice', () => {
    partnership
      .given(agencyJoined, raised, { type: 'CoordinationConcernResolved', data: resolve })
      .when({ type: 'ResolveCoordinationConcern', data: resolve })
      .thenFails('CONCERN_ALREADY_RESOLVED', 'conflict');
  });

  it('refuses a resolution without text, or dated in the future', () => {
    partnership
      .given(agencyJoined, raised)
      .when({ type: 'ResolveCoordinationConcern', data: { ...resolve, resolution: ' ' } })
      .thenFails('REQUIRED', 'invalid');
    partnership
      .given(agencyJoined, raised)
      .when({ type: 'ResolveCoordinationConcern', data: resolve }, { occurredAt: tomorrow })
      .thenFails('IN_THE_FUTURE', 'invalid');
  });
});

describe('Partnership: before any organisation joined', () => {
  it.each<[string, PartnershipCommand]>([
    ['LeavePartnership', { type: 'LeavePartnership', data: { projectId, organisationId: agency, reason: null } }],
    [
      'AddPartnerMember',
      { type: 'AddPartnerMember', data: { projectId, organisationId: agency, memberId: 'm-1', memberRole: 'gp' } },
    ],
    ['RemovePartnerMember', { type: 'RemovePartnerMember', data: { projectId, memberId: 'm-1' } }],
    [
      'ClarifyPartnerRoles',
      { type: 'ClarifyPartnerRoles', data: { projectId, organisationId: agency, responsibilities: ['x'] } },
    ],
    [
      'RecordUnclearPartnerRoles',
      { type: 'RecordUnclearPartnerRoles', data: { projectId, organisationId: agency, note: 'x' } },
    ],
    ['PlanCoordinationMeeting', { type: 'PlanCoordinationMeeting', data: plan }],
    ['RecordCoordinationMeetingHeld', { type: 'RecordCoordinationMeetingHeld', data: held }],
    [
      'RecordCoordinationMeetingMissed',
      { type: 'RecordCoordinationMeetingMissed', data: { projectId, meetingId: 'meet-1', reason: 'x' } },
    ],
    [
      'RescheduleCoordinationMeeting',
      {
        type: 'RescheduleCoordinationMeeting',
        data: { projectId, meetingId: 'meet-1', scheduledFor: '2026-07-08', format: null, reason: null },
      },
    ],
    ['RaiseCoordinationConcern', { type: 'RaiseCoordinationConcern', data: concern }],
    [
      'ResolveCoordinationConcern',
      { type: 'ResolveCoordinationConcern', data: { projectId, concernId: 'c-1', resolution: 'x' } },
    ],
  ])('refuses %s', (_title, command) => {
    partnership.given().when(command).thenFails('PARTNERSHIP_NOT_FOUND', 'not_found');
  });
});
