import { requireOneOf } from '../../shared/guards.js';
import type { GiveCarerConsent } from '../carer.commands.js';
import { CARER_CONSENT_KINDS, type CarerEvent } from '../carer.events.js';
import { notWithdrawn, registered } from '../carer.guards.js';
import { carerError } from '../carer.reasons.js';
import type { CarerState } from '../carer.state.js';

export function giveCarerConsent(command: GiveCarerConsent, state: CarerState): CarerEvent[] {
  const { carerId } = command.data;
  const carer = registered(state, carerId);
  const kind = requireOneOf('kind', command.data.kind, CARER_CONSENT_KINDS);
  notWithdrawn(carer);
  if (carer.consents[kind] === 'given')
    throw carerError('CONSENT_ALREADY_GIVEN', `Consent to ${kind} is already given`);
  return [{ type: 'CarerConsentGiven', data: { carerId, projectId: carer.projectId, kind } }];
}
