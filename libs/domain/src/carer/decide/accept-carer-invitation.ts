import type { AcceptCarerInvitation } from '../carer.commands.js';
import type { CarerEvent } from '../carer.events.js';
import { notWithdrawn, openInvitation, registered } from '../carer.guards.js';
import type { CarerState } from '../carer.state.js';

export function acceptCarerInvitation(command: AcceptCarerInvitation, state: CarerState): CarerEvent[] {
  const { carerId, invitationId } = command.data;
  const carer = registered(state, carerId);
  const open = openInvitation(notWithdrawn(carer), invitationId);
  return [
    {
      type: 'CarerInvitationAccepted',
      data: { carerId, projectId: carer.projectId, invitationId, channel: open.channel },
    },
  ];
}
