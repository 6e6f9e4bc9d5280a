import { reasonError, type AnyReasonList } from '#domain';

/** Reasons of the access guard in front of every operation, and of the result checks of by-id queries (docs/security.md). */
export const ACCESS_ERROR_REASONS = {
  OPERATION_NOT_ALLOWED: {
    category: 'forbidden',
    description: 'The operation is open to no caller: the operation policy does not list it.',
  },
  ROLE_NOT_ALLOWED: {
    category: 'forbidden',
    description: "The caller's role may not use this operation (`details.operation`).",
  },
  NOT_YOUR_ORGANISATION: {
    category: 'forbidden',
    description:
      "The operation acts on behalf of an organisation other than the caller's (`details.organisationId`); only an admin may.",
  },
  NOT_YOUR_CARER_RECORD: {
    category: 'forbidden',
    description: "A carer acts on another carer's record: carers act for themselves only.",
  },
  SELF_ENTRY_WITHOUT_CONSENT: {
    category: 'forbidden',
    description:
      'A carer enters their own quiz, survey or instrument answers only once they consent to the processing of their data (`data_processing`), and not after withdrawing it.',
  },
  NOT_THE_REGISTERING_PROVIDER: {
    category: 'forbidden',
    description:
      "Only the provider organisation that registered the carer may read or change the carer's identifying data (`details.carerId`).",
  },
  NOT_A_PROJECT_MEMBER: {
    category: 'forbidden',
    description:
      'The caller is not a member of the project (`details.projectId`): not its launcher, a current partner or a carer it registered.',
  },
  NOT_A_TERRITORY_MEMBER: {
    category: 'forbidden',
    description: 'The territory includes projects the caller is not a member of (`details.territoryId`).',
  },
} as const satisfies AnyReasonList;

export const accessError = reasonError(ACCESS_ERROR_REASONS);
