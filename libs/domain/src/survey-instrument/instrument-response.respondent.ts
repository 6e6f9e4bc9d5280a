import type { CarerState } from '../carer/carer.state.js';
import type { PartnershipState } from '../partnership/partnership.state.js';
import type { InstrumentRespondent } from './survey-instrument.events.js';
import { surveyInstrumentError } from './survey-instrument.reasons.js';

/** Who answered, as the API names them: a carer, or a partner member (whose organisation the partnership knows). */
export type RespondentRef = { kind: 'carer'; carerId: string } | { kind: 'partner_member'; memberId: string };

/** Exactly one respondent answers: a carer or a partner member, by pseudonymous id (null: not given). */
export function respondentRef(carerId: string | null, memberId: string | null): RespondentRef {
  if ((carerId === null) === (memberId === null)) {
    throw surveyInstrumentError('RESPONDENT_REQUIRED', 'Give exactly one of carerId and memberId', {
      field: 'respondent',
    });
  }
  return carerId !== null ? { kind: 'carer', carerId } : { kind: 'partner_member', memberId: memberId! };
}

/**
 * Checks across aggregates that the response stream cannot make itself: the respondent takes part
 * in the project (a registered carer who has not withdrawn, or a current member of a partner
 * organisation), else answers from outside would move the project's scores. Returns the
 * respondent as recorded, with a member's organisation from the partnership.
 */
export function respondentOfProject(
  ref: RespondentRef,
  projectId: string,
  known: { readonly carer?: CarerState; readonly partnership?: PartnershipState },
): InstrumentRespondent {
  if (ref.kind === 'carer') {
    const carer = known.carer;
    if (!carer || carer.status !== 'registered' || carer.projectId !== projectId || carer.withdrawn) {
      throw surveyInstrumentError(
        'RESPONDENT_NOT_IN_PROJECT',
        `Carer ${ref.carerId} is not a carer taking part in project ${projectId}`,
        { field: 'respondent.carerId' },
      );
    }
    return { kind: 'carer', carerId: ref.carerId };
  }
  const organisationId =
    known.partnership?.status === 'formed' ? known.partnership.members.get(ref.memberId) : undefined;
  if (organisationId === undefined) {
    throw surveyInstrumentError(
      'RESPONDENT_NOT_IN_PROJECT',
      `Member ${ref.memberId} is not a current member of a partner organisation of project ${projectId}`,
      { field: 'respondent.memberId' },
    );
  }
  return { kind: 'partner_member', organisationId, memberId: ref.memberId };
}
