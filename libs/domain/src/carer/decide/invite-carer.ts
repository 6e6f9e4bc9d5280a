import { requireOneOf } from '../../shared/guards.js';
import type { InviteCarer } from '../carer.commands.js';
import { CARER_INVITATION_CHANNELS, type CarerEvent } from '../carer.events.js';
import { notWithdrawn, registered, requireId } from '../carer.guards.js';
import { carerError } from '../carer.reasons.js';
import type { CarerState } from '../carer.state.js';

export function inviteCarer(command: InviteCarer, state: CarerState): CarerEvent[] {
  const data = command.data;
  const carer = registered(state, data.carerId);
  notWithdrawn(carer);
  if (carer.accepted) throw carerError('CARER_ALREADY_PARTICIPATING', 'The carer already accepted an invitation');
  if (carer.openInvitation !== null) {
    throw carerError('INVITATION_ALREADY_OPEN', `Invitation ${carer.openInvitation.invitationId} awaits an answer`);
  }
  const invitationId = requireId('invitationId', data.invitationId);
  if (carer.invitationIds.includes(invitationId)) {
    throw carerError('INVITATION_ID_ALREADY_USED', `Invitation ${invitationId} was already made`);
  }
  const channel = requireOneOf('channel', data.channel, CARER_INVITATION_CHANNELS);
  const referredByCarerId =
    data.referredByCarerId === null ? null : requireId('referredByCarerId', data.referredByCarerId);
  if (referredByCarerId !== null && channel !== 'word_of_mouth') {
    throw carerError('REFERRAL_ONLY_BY_WORD_OF_MOUTH', 'Only a word-of-mouth invitation names a referring carer', {
      field: 'referredByCarerId',
    });
  }
  if (referredByCarerId === data.carerId) {
    throw carerError('SELF_REFERRAL', 'A carer cannot refer themselves', { field: 'referredByCarerId' });
  }
  return [
    {
      type: 'CarerInvited',
      data: {
        carerId: data.carerId,
        projectId: carer.projectId,
        invitationId,
        channel,
        invitedByOrganisationId: requireId('invitedByOrganisationId', data.invitedByOrganisationId),
        referredByCarerId,
        invitationNumber: carer.invitationIds.length + 1,
      },
    },
  ];
}
