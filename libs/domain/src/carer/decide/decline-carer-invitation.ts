import { requireOneOf } from '../../shared/guards.js';
import type { DeclineCarerInvitation } from '../carer.commands.js';
import { INVITATION_DECLINE_REASONS, type CarerEvent } from '../carer.events.js';
import { notWithdrawn, openInvitation, optionalNote, registered } from '../carer.guards.js';
import type { CarerState } from '../carer.state.js';

export function declineCarerInvitation(command: DeclineCarerInvitation, state: CarerState): CarerEvent[] {
  const data = command.data;
  const carer = registered(state, data.carerId);
  const open = openInvitation(notWithdrawn(carer), data.invitationId);
  return [
    {
      type: 'CarerInvitationDeclined',
      data: {
        carerId: data.carerId,
        projectId: carer.projectId,
        invitationId: data.invitationId,
        channel: open.channel,
        reason: requireOneOf('reason', data.reason, INVITATION_DECLINE_REASONS),
        note: optionalNote(data.note),
      },
    },
  ];
}
