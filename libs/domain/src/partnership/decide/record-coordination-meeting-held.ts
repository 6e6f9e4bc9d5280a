import type { DecisionContext } from '../../shared/decider.js';
import { requireInteger, requireOneOf } from '../../shared/guards.js';
import type { RecordCoordinationMeetingHeld } from '../partnership.commands.js';
import { COORDINATION_MEETING_FORMATS, type PartnershipEvent } from '../partnership.events.js';
import {
  formed,
  requireDistinct,
  requireHappened,
  requireListSize,
  requireOpenMeeting,
} from '../partnership.guards.js';
import { partnershipError } from '../partnership.reasons.js';
import type { PartnershipState } from '../partnership.state.js';

export function recordCoordinationMeetingHeld(
  command: RecordCoordinationMeetingHeld,
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const { projectId, meetingId, attendingOrganisationIds, attendingMemberIds, durationMinutes } = command.data;
  const current = formed(state, projectId);
  requireOpenMeeting(current, meetingId);
  requireHappened(context);
  requireListSize('attendingOrganisationIds', attendingOrganisationIds, 1, 200);
  requireDistinct('attendingOrganisationIds', attendingOrganisationIds);
  requireListSize('attendingMemberIds', attendingMemberIds, 0, 1000);
  requireDistinct('attendingMemberIds', attendingMemberIds);
  for (const organisationId of attendingOrganisationIds) {
    if (!current.partners.has(organisationId)) {
      throw partnershipError('ATTENDING_ORGANISATION_NOT_PARTNER', `Organisation ${organisationId} is not a partner`, {
        organisationId,
      });
    }
  }
  for (const memberId of attendingMemberIds) {
    const organisationId = current.members.get(memberId);
    if (organisationId === undefined) {
      throw partnershipError('ATTENDING_MEMBER_NOT_IN_PARTNERSHIP', `Member ${memberId} is not in the partnership`, {
        memberId,
      });
    }
    // A member present means their organisation was present: keeps organisation attendance honest.
    if (!attendingOrganisationIds.includes(organisationId)) {
      throw partnershipError(
        'MEMBER_ORGANISATION_NOT_ATTENDING',
        `Member ${memberId} attended but organisation ${organisationId} is not listed as attending`,
        { memberId, organisationId },
      );
    }
  }
  return [
    {
      type: 'CoordinationMeetingHeld',
      data: {
        projectId,
        meetingId,
        format: requireOneOf('format', command.data.format, COORDINATION_MEETING_FORMATS),
        attendingOrganisationIds: [...attendingOrganisationIds],
        attendingMemberIds: [...attendingMemberIds],
        durationMinutes: durationMinutes === null ? null : requireInteger('durationMinutes', durationMinutes, 1, 1440),
      },
    },
  ];
}
