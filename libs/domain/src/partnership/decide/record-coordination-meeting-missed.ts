import type { DecisionContext } from '../../shared/decider.js';
import { requireText } from '../../shared/guards.js';
import type { RecordCoordinationMeetingMissed } from '../partnership.commands.js';
import type { PartnershipEvent } from '../partnership.events.js';
import { formed, requireHappened, requireOpenMeeting } from '../partnership.guards.js';
import type { PartnershipState } from '../partnership.state.js';

export function recordCoordinationMeetingMissed(
  command: RecordCoordinationMeetingMissed,
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const { projectId, meetingId, reason } = command.data;
  requireOpenMeeting(formed(state, projectId), meetingId);
  requireHappened(context);
  return [
    { type: 'CoordinationMeetingMissed', data: { projectId, meetingId, reason: requireText('reason', reason, 1000) } },
  ];
}
