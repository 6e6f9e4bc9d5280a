import { reasonError, type ReasonList } from '../shared/reason-list.js';

/** Why the Carer aggregate refuses a command (besides the shared guards' reasons). */
export const CARER_ERROR_REASONS = {
  CARER_NOT_FOUND: {
    category: 'not_found',
    description: 'No carer was ever registered with this id.',
  },
  CARER_ALREADY_REGISTERED: {
    category: 'conflict',
    description: 'A carer with this id is already registered.',
  },
  CARER_WITHDRAWN: {
    category: 'conflict',
    description:
      'The carer has withdrawn from the project: no consent is given and no invitation is made or answered any more.',
  },
  CARER_ALREADY_WITHDRAWN: {
    category: 'conflict',
    description: 'The carer has already withdrawn from the project.',
  },
  CARER_NOT_PARTICIPATING: {
    category: 'conflict',
    description: 'Only a carer who accepted an invitation withdraws; one who did not declines the invitation instead.',
  },
  CARER_ALREADY_PARTICIPATING: {
    category: 'conflict',
    description: 'The carer already accepted an invitation: there is nothing left to invite them to.',
  },
  CARER_ERASED: {
    category: 'conflict',
    description: 'The personal data of the carer was erased: it cannot be updated any more.',
  },
  CARER_ALREADY_ERASED: {
    category: 'conflict',
    description: 'The personal data of the carer was already erased.',
  },
  CONSENT_ALREADY_GIVEN: {
    category: 'conflict',
    description: 'The carer already consents to this kind of use.',
  },
  CONSENT_NOT_GIVEN: {
    category: 'conflict',
    description: 'The carer does not consent to this kind of use, so there is no consent to withdraw.',
  },
  INVITATION_ALREADY_OPEN: {
    category: 'conflict',
    description: 'An earlier invitation of the carer still awaits an answer.',
  },
  INVITATION_ID_ALREADY_USED: {
    category: 'conflict',
    description: 'An invitation with this id was already made to the carer.',
  },
  INVITATION_NOT_FOUND: {
    category: 'not_found',
    description: 'The carer has no invitation with this id.',
  },
  INVITATION_ALREADY_ANSWERED: {
    category: 'conflict',
    description: 'The invitation was already accepted or declined; only the open invitation is answered.',
  },
  REFERRAL_ONLY_BY_WORD_OF_MOUTH: {
    category: 'invalid',
    description: 'Only a word-of-mouth invitation names a referring carer.',
  },
  SELF_REFERRAL: {
    category: 'invalid',
    description: 'A carer cannot refer themselves.',
  },
  INVALID_PERSONAL_DATA_ENVELOPE: {
    category: 'invalid',
    description:
      'The encrypted personal data is not a well-formed envelope: a field is missing, unexpected or malformed (`details.field` names it).',
  },
  UNSUPPORTED_ENCRYPTION_ALGORITHM: {
    category: 'invalid',
    description: 'The personal data is not encrypted with aes-256-gcm.',
  },
} as const satisfies ReasonList;

export const carerError = reasonError(CARER_ERROR_REASONS);
