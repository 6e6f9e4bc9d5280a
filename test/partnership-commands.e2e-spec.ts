import { DEV_ACTOR, launchProject } from './support/project.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { suiteApi } from './support/suite-api.js';
import { eventStoreStatus, writingMutation, type Written } from './support/commands.js';

const ACTOR = DEV_ACTOR;

describe('programme, organisation and partnership commands over GraphQL', () => {
  const api = suiteApi('partnership-e2e');

  const status = () => eventStoreStatus(api);

  async function send(name: string, input: Record<string, unknown>) {
    const response = await api.graphql<Record<string, Written>>(writingMutation(name), { input }, ACTOR);
    return { data: response.data?.[name] ?? null, errors: response.errors };
  }

  async function ok(name: string, input: Record<string, unknown>) {
    const { data, errors } = await send(name, input);
    expect(errors).toBeUndefined();
    return data!;
  }

  async function refusedWithoutWriting(name: string, input: Record<string, unknown>) {
    const before = await status();
    const response = await send(name, input);
    expect(response.data).toBeNull();
    expect(await status()).toEqual(before);
    return response.errors?.[0]?.extensions;
  }

  describe('programme', () => {
    it('launches a programme, adds a territory and adopts a signal framework', async () => {
      const launched = await ok('launchProgramme', { name: 'Frail elderly at home' });
      expect(launched.streamId).toBe(`programme-${launched.id}`);
      expect(launched.revision).toBe(0);
      expect(launched.eventIds).toHaveLength(1);
      expect((await status()).lastPosition).toBe(launched.position);

      const territory = {
        programmeId: launched.id,
        territoryId: 'territory-valley',
        name: 'The valley',
        localGovernance: 'A steering group of the agency and the municipality',
        serviceVariant: 'Training, peer meetings and a citizens committee',
      };
      const added = await ok('addTerritory', territory);
      expect(added).toMatchObject({ id: launched.id, streamId: launched.streamId, revision: 1 });

      const adopted = await ok('adoptTerritorySignalFramework', {
        programmeId: launched.id,
        territoryId: 'territory-valley',
        frameworkId: 'framework-national',
        version: 2,
      });
      expect(adopted).toMatchObject({ streamId: launched.streamId, revision: 2 });

      const twice = await refusedWithoutWriting('addTerritory', territory);
      expect(twice).toMatchObject({ code: 'CONFLICT', reason: 'TERRITORY_ALREADY_ADDED' });
    });

    it('uses a caller-chosen programme id and derives the same id from a repeated command id', async () => {
      const programmeId = `programme-${randomUUID()}`;
      const chosen = await ok('launchProgramme', { programmeId, name: 'Chosen id' });
      expect(chosen.id).toBe(programmeId);

      const commandId = randomUUID();
      const first = await ok('launchProgramme', { commandId, name: 'Retried' });
      const retry = await ok('launchProgramme', { commandId, name: 'Retried' });
      expect(retry).toEqual({ ...first, replayed: true });
    });

    it.each([
      ['an empty name', { name: '' }],
      ['a name that is too long', { name: 'x'.repeat(201) }],
      ['a programme id with spaces', { programmeId: 'the valley', name: 'Valley' }],
    ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_title, input) => {
      expect(await refusedWithoutWriting('launchProgramme', input)).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('refuses a framework version 0 and a territory of an unknown programme', async () => {
      const { id } = await ok('launchProgramme', { name: 'Versions' });
      expect(
        await refusedWithoutWriting('adoptTerritorySignalFramework', {
          programmeId: id,
          territoryId: 't-1',
          frameworkId: 'f-1',
          version: 0,
        }),
      ).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(
        await refusedWithoutWriting('adoptTerritorySignalFramework', {
          programmeId: id,
          territoryId: 't-unknown',
          frameworkId: 'f-1',
          version: 1,
        }),
      ).toMatchObject({ code: 'NOT_FOUND', reason: 'TERRITORY_NOT_FOUND' });
      expect(
        await refusedWithoutWriting('addTerritory', {
          programmeId: `missing-${randomUUID()}`,
          territoryId: 't-1',
          name: 'Nowhere',
          localGovernance: 'None',
          serviceVariant: 'None',
        }),
      ).toMatchObject({ code: 'NOT_FOUND', reason: 'PROGRAMME_NOT_FOUND' });
    });
  });

  describe('organisation', () => {
    it('registers an organisation and describes its culture', async () => {
      const registered = await ok('registerOrganisation', { name: 'Valley home care', kind: 'service_provider' });
      expect(registered.streamId).toBe(`organisation-${registered.id}`);
      expect(registered.revision).toBe(0);

      const described = await ok('describeOrganisationCulture', {
        organisationId: registered.id,
        culture: 'Weekly meetings, close supervision, clear instructions',
      });
      expect(described).toMatchObject({ id: registered.id, streamId: registered.streamId, revision: 1 });
    });

    it.each([
      ['an unknown kind', { name: 'Press', kind: 'newspaper' }],
      ['an empty culture', { name: 'Uni', kind: 'university', culture: '' }],
      ['a missing name', { kind: 'university' }],
    ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_title, input) => {
      expect(await refusedWithoutWriting('registerOrganisation', input)).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('refuses to register the same organisation twice and to describe an unknown one', async () => {
      const organisationId = `org-${randomUUID()}`;
      await ok('registerOrganisation', { organisationId, name: 'University', kind: 'university' });
      expect(
        await refusedWithoutWriting('registerOrganisation', { organisationId, name: 'Again', kind: 'university' }),
      ).toMatchObject({ code: 'CONFLICT', reason: 'ORGANISATION_ALREADY_REGISTERED' });
      expect(
        await refusedWithoutWriting('describeOrganisationCulture', {
          organisationId: `org-${randomUUID()}`,
          culture: 'Autonomy per work package',
        }),
      ).toMatchObject({ code: 'NOT_FOUND', reason: 'ORGANISATION_NOT_FOUND' });
    });
  });

  describe('partnership', () => {
    let projectId: string;
    const agency = `org-agency-${randomUUID()}`;
    const university = `org-university-${randomUUID()}`;

    beforeAll(async () => {
      projectId = randomUUID();
      await launchProject(api, projectId);
      await ok('registerOrganisation', { organisationId: agency, name: 'Valley home care', kind: 'service_provider' });
      await ok('registerOrganisation', { organisationId: university, name: 'University', kind: 'university' });
    });

    it('forms with the first organisation, then takes members, meetings and concerns', async () => {
      const joined = await ok('joinPartnership', { projectId, organisationId: agency, partnerRole: 'lead' });
      expect(joined).toMatchObject({ id: projectId, streamId: `partnership-${projectId}`, revision: 0 });

      const second = await ok('joinPartnership', {
        projectId,
        organisationId: university,
        partnerRole: 'research_partner',
      });
      expect(second.revision).toBe(1);

      const member = await ok('addPartnerMember', {
        projectId,
        organisationId: agency,
        memberId: 'm-17',
        memberRole: 'coordinator',
      });
      expect(member).toMatchObject({ streamId: `partnership-${projectId}`, revision: 2 });

      const planned = await ok('planCoordinationMeeting', {
        projectId,
        meetingId: 'meet-1',
        scheduledFor: '2025-03-01T09:00:00.000Z',
        format: 'video_call',
        cadence: 'monthly',
      });
      expect(planned.revision).toBe(3);

      const held = await ok('recordCoordinationMeetingHeld', {
        projectId,
        meetingId: 'meet-1',
        format: 'in_person',
        attendingOrganisationIds: [agency, university],
        attendingMemberIds: ['m-17'],
        durationMinutes: 90,
      });
      expect(held.revision).toBe(4);

      await ok('raiseCoordinationConcern', {
        projectId,
        concernId: 'c-1',
        raisedByOrganisationId: agency,
        topic: 'Nobody knows who contacts the facilities',
        category: 'unclear_roles',
      });
      const clarified = await ok('clarifyPartnerRoles', {
        projectId,
        organisationId: agency,
        responsibilities: ['Runs the pilot', 'Contacts the facilities'],
      });
      expect(clarified.revision).toBe(6);
      const resolved = await ok('resolveCoordinationConcern', {
        projectId,
        concernId: 'c-1',
        resolution: 'The agency contacts the facilities',
      });
      expect(resolved.revision).toBe(7);

      // Leaving removes the organisation's members first: two events in one command.
      const left = await ok('leavePartnership', { projectId, organisationId: agency, reason: 'end of funding' });
      expect(left.eventIds).toHaveLength(2);
      expect(left.revision).toBe(9);
    });

    it.each([
      ['a project id that is not a UUID', { projectId: 'p-1', organisationId: 'org-x', partnerRole: 'lead' }],
      ['an unknown partner role', { organisationId: 'org-x', partnerRole: 'owner' }],
      ['a missing organisation', { partnerRole: 'lead' }],
    ])('refuses a join with %s with BAD_USER_INPUT and writes nothing', async (_title, input) => {
      expect(await refusedWithoutWriting('joinPartnership', { projectId, ...input })).toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    });

    it('refuses a name as member id, and members outside the partnership, writing nothing', async () => {
      expect(
        await refusedWithoutWriting('addPartnerMember', {
          projectId,
          organisationId: university,
          memberId: 'Maria Rossi',
          memberRole: 'researcher',
        }),
      ).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(
        await refusedWithoutWriting('addPartnerMember', {
          projectId,
          organisationId: `org-${randomUUID()}`,
          memberId: 'm-99',
          memberRole: 'researcher',
        }),
      ).toMatchObject({ code: 'CONFLICT', reason: 'ORGANISATION_NOT_PARTNER' });
    });

    it('refuses to record a meeting twice and a join dated in the future', async () => {
      await ok('planCoordinationMeeting', {
        projectId,
        meetingId: 'meet-2',
        scheduledFor: '2025-04-01T09:00:00.000Z',
        format: 'phone',
      });
      await ok('recordCoordinationMeetingMissed', { projectId, meetingId: 'meet-2', reason: 'Nobody available' });
      expect(
        await refusedWithoutWriting('recordCoordinationMeetingHeld', {
          projectId,
          meetingId: 'meet-2',
          format: 'phone',
          attendingOrganisationIds: [university],
        }),
      ).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_ALREADY_MISSED' });
      expect(
        await refusedWithoutWriting('joinPartnership', {
          projectId,
          organisationId: agency,
          partnerRole: 'promoter',
          occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
        }),
      ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IN_THE_FUTURE' });
    });

    it('refuses to join a project or with an organisation that does not exist', async () => {
      expect(
        await refusedWithoutWriting('joinPartnership', {
          projectId: randomUUID(),
          organisationId: university,
          partnerRole: 'lead',
        }),
      ).toMatchObject({ code: 'NOT_FOUND', reason: 'PROJECT_NOT_FOUND' });
      expect(
        await refusedWithoutWriting('joinPartnership', {
          projectId,
          organisationId: `org-${randomUUID()}`,
          partnerRole: 'promoter',
        }),
      ).toMatchObject({ code: 'NOT_FOUND', reason: 'ORGANISATION_NOT_FOUND' });
    });
  });
});
