import type { CarerEvent, OrganisationEvent, PartnershipEvent, ProgrammeEvent, ProjectEvent } from '#domain';
import type { HistoryEntries } from './history-entry.js';
import { NOT_REPLAYED } from './not-replayed.js';

/** Who runs the service: programmes and their territories, projects, organisations and partnerships. */
export const COMMUNITY_LINES: HistoryEntries<
  ProgrammeEvent['type'] | ProjectEvent['type'] | OrganisationEvent['type'] | PartnershipEvent['type']
> = {
  ProgrammeLaunched: {
    mutation: 'launchProgramme',
    input: ({ programmeId, name }) => ({ programmeId, name }),
  },
  TerritoryAdded: {
    mutation: 'addTerritory',
    input: ({ programmeId, territoryId, name, localGovernance, serviceVariant }) => ({
      programmeId,
      territoryId,
      name,
      localGovernance,
      serviceVariant,
    }),
  },
  // The framework itself is registered by registerSignalFramework, outside the event log: the
  // target must hold the same framework version before this line runs.
  TerritorySignalFrameworkAdopted: {
    mutation: 'adoptTerritorySignalFramework',
    input: ({ programmeId, territoryId, frameworkId, version }) => ({ programmeId, territoryId, frameworkId, version }),
  },
  ProjectLaunched: {
    mutation: 'launchProject',
    input: ({ projectId, programmeId, territoryId, name, eligibleCarers, pilotMonths, startsOn, targets }) => ({
      projectId,
      programmeId,
      territoryId,
      name,
      eligibleCarers,
      pilotMonths,
      startsOn,
      targets: { ...targets },
    }),
  },
  ProjectPhaseStarted: {
    mutation: 'startProjectPhase',
    input: ({ projectId, phase }) => ({ projectId, phase }),
  },
  PilotExtended: {
    mutation: 'extendPilot',
    input: ({ projectId, additionalMonths, reason }) => ({ projectId, additionalMonths, reason }),
  },
  ProjectTargetsRevised: {
    mutation: 'reviseProjectTargets',
    input: ({ projectId, targets, reason }) => ({ projectId, targets: { ...targets }, reason }),
  },
  OrganisationRegistered: {
    mutation: 'registerOrganisation',
    input: ({ organisationId, name, kind, culture }) => ({ organisationId, name, kind, culture }),
  },
  OrganisationCultureDescribed: {
    mutation: 'describeOrganisationCulture',
    input: ({ organisationId, culture }) => ({ organisationId, culture }),
  },
  OrganisationJoinedPartnership: {
    mutation: 'joinPartnership',
    input: ({ projectId, organisationId, partnerRole }) => ({ projectId, organisationId, partnerRole }),
  },
  OrganisationLeftPartnership: {
    mutation: 'leavePartnership',
    input: ({ projectId, organisationId, reason }) => ({ projectId, organisationId, reason }),
  },
  PartnerMemberAdded: {
    mutation: 'addPartnerMember',
    input: ({ projectId, organisationId, memberId, memberRole }) => ({
      projectId,
      organisationId,
      memberId,
      memberRole,
    }),
  },
  // Also recorded by leavePartnership for each member of the leaving organisation: historyLinesOf
  // leaves those out (FOLLOWING), since that line records them again.
  PartnerMemberRemoved: {
    mutation: 'removePartnerMember',
    input: ({ projectId, memberId }) => ({ projectId, memberId }),
  },
  PartnerRolesClarified: {
    mutation: 'clarifyPartnerRoles',
    input: ({ projectId, organisationId, responsibilities }) => ({
      projectId,
      organisationId,
      responsibilities: [...responsibilities],
    }),
  },
  PartnerRolesFoundUnclear: {
    mutation: 'recordUnclearPartnerRoles',
    input: ({ projectId, organisationId, note }) => ({ projectId, organisationId, note }),
  },
  CoordinationMeetingPlanned: {
    mutation: 'planCoordinationMeeting',
    input: ({ projectId, meetingId, scheduledFor, format, cadence }) => ({
      projectId,
      meetingId,
      scheduledFor,
      format,
      cadence,
    }),
  },
  CoordinationMeetingHeld: {
    mutation: 'recordCoordinationMeetingHeld',
    input: ({ projectId, meetingId, format, attendingOrganisationIds, attendingMemberIds, durationMinutes }) => ({
      projectId,
      meetingId,
      format,
      attendingOrganisationIds: [...attendingOrganisationIds],
      attendingMemberIds: [...attendingMemberIds],
      durationMinutes,
    }),
  },
  CoordinationMeetingMissed: {
    mutation: 'recordCoordinationMeetingMissed',
    input: ({ projectId, meetingId, reason }) => ({ projectId, meetingId, reason }),
  },
  CoordinationMeetingRescheduled: {
    mutation: 'rescheduleCoordinationMeeting',
    input: ({ projectId, meetingId, scheduledFor, format, reason }) => ({
      projectId,
      meetingId,
      scheduledFor,
      format,
      reason,
    }),
  },
  CoordinationConcernRaised: {
    mutation: 'raiseCoordinationConcern',
    input: ({ projectId, concernId, raisedByOrganisationId, topic, category }) => ({
      projectId,
      concernId,
      raisedByOrganisationId,
      topic,
      category,
    }),
  },
  CoordinationConcernResolved: {
    mutation: 'resolveCoordinationConcern',
    input: ({ projectId, concernId, resolution }) => ({ projectId, concernId, resolution }),
  },
};

/** Carers: registered by pseudonym only; their identity never leaves the platform in a line. */
export const CARER_LINES: HistoryEntries<CarerEvent['type']> = {
  // personalData is left out on purpose: the provider re-enters the identity in the target.
  CarerRegistered: {
    mutation: 'registerCarer',
    input: (data) => ({
      carerId: data.carerId,
      projectId: data.projectId,
      pseudonym: data.pseudonym,
      registeredByOrganisationId: data.registeredByOrganisationId,
      gender: data.gender,
      ageBand: data.ageBand,
      weeklyCareHours: data.weeklyCareHours,
      stressLevel: data.stressLevel,
      area: data.area,
      relationship: data.relationship,
    }),
  },
  CarerPersonalDataUpdated: { notReplayed: NOT_REPLAYED.CarerPersonalDataUpdated },
  // The exported carer has no personal data to erase; the erasure is replayed so the carer stays
  // erased in the target (shown as erased, refused what an erased carer is refused).
  CarerPersonalDataErased: {
    mutation: 'eraseCarer',
    input: ({ carerId, reason }) => ({ carerId, reason }),
  },
  CarerConsentGiven: {
    mutation: 'giveCarerConsent',
    input: ({ carerId, kind }) => ({ carerId, kind }),
  },
  CarerConsentWithdrawn: {
    mutation: 'withdrawCarerConsent',
    input: ({ carerId, kind }) => ({ carerId, kind }),
  },
  CarerInvited: {
    mutation: 'inviteCarer',
    input: ({ carerId, invitationId, channel, invitedByOrganisationId, referredByCarerId }) => ({
      carerId,
      invitationId,
      channel,
      invitedByOrganisationId,
      referredByCarerId,
    }),
  },
  CarerInvitationAccepted: {
    mutation: 'acceptCarerInvitation',
    input: ({ carerId, invitationId }) => ({ carerId, invitationId }),
  },
  CarerInvitationDeclined: {
    mutation: 'declineCarerInvitation',
    input: ({ carerId, invitationId, reason, note }) => ({ carerId, invitationId, reason, note }),
  },
  CarerWithdrewFromProject: {
    mutation: 'withdrawCarerFromProject',
    input: ({ carerId, reason, note }) => ({ carerId, reason, note }),
  },
};
