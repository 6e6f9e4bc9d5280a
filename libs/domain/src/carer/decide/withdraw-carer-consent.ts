import { requireOneOf } from '../../shared/guards.js';
import type { WithdrawCarerConsent } from '../carer.commands.js';
import { CARER_CONSENT_KINDS, type CarerEvent } from '../carer.events.js';
import { registered } from '../carer.guards.js';
import { carerError } from '../carer.reasons.js';
import type { CarerState } from '../carer.state.js';

/** Withdrawing consent stays possible after leaving the project. */
export function withdrawCarerConsent(command: WithdrawCarerConsent, state: CarerState): CarerEvent[] {
  const { carerId } = command.data;
  const carer = registered(state, carerId);
  const kind = requireOneOf('kind', command.data.kind, CARER_CONSENT_KINDS);
  if (carer.consents[kind] !== 'given') throw carerError('CONSENT_NOT_GIVEN', `Consent to ${kind} is not given`);
  return [{ type: 'CarerConsentWithdrawn', data: { carerId, projectId: carer.projectId, kind } }];
}
