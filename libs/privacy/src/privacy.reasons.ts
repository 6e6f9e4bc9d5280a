import { reasonError, type AnyReasonList } from '#domain';

/**
 * Reasons the carer key vault refuses with when it seals a carer's personal data: the carer id,
 * the personal data itself (`details.field` names the offending field), a carer already erased.
 */
export const PRIVACY_ERROR_REASONS = {
  INVALID_ID: {
    category: 'invalid',
    description: 'The carer id is empty or longer than 200 characters (`details.field` is `carerId`).',
  },
  INVALID_PERSONAL_DATA: {
    category: 'invalid',
    description:
      '`personalData` is not an object, or one of its fields is neither a string nor null (`details.field`).',
  },
  REQUIRED: {
    category: 'invalid',
    description: '`personalData.fullName` is missing, or empty once trimmed (`details.field`).',
  },
  TOO_LONG: {
    category: 'invalid',
    description:
      'A field of `personalData` is too long: at most 200 characters for `fullName`, 32 for `phone`, 254 for `email`, 500 for `address` (`details.field`).',
  },
  INVALID_PHONE: {
    category: 'invalid',
    description:
      '`personalData.phone` is not a phone number: digits with the usual separators, an optional leading `+`, at least 3 digits (`details.field`).',
  },
  INVALID_EMAIL: {
    category: 'invalid',
    description: '`personalData.email` is not an email address (`details.field`).',
  },
  CARER_ERASED: {
    category: 'conflict',
    description:
      "The carer's personal data was erased and their key destroyed: nothing is sealed for them any more (`details.carerId`).",
  },
} as const satisfies AnyReasonList;

export type PrivacyReason = keyof typeof PRIVACY_ERROR_REASONS;

export const privacyError = reasonError(PRIVACY_ERROR_REASONS);
