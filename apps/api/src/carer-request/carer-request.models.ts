import { CANNOT_MEET_BECAUSE, CARER_REQUEST_CATEGORIES } from '#domain';
import { enumFromValues } from '../command-side/graphql-enums.js';

/**
 * The GraphQL types of carers' requests. There is no query of requests yet: a declined request
 * shows in the warnings (CARER_REQUESTS_NOT_MET); a list of requests is a follow-up for the directory.
 */
export const CarerRequestCategoryEnum = enumFromValues(
  'CarerRequestCategory',
  CARER_REQUEST_CATEGORIES,
  'What a carer asks the providers for.',
);

export const CannotMeetBecauseEnum = enumFromValues(
  'CannotMeetBecause',
  CANNOT_MEET_BECAUSE,
  "Why the providers cannot meet a carer's request. IMPOSSIBILITY: a constraint outside the providers' choice (a rule, the law, a budget already fixed). INABILITY: a choice or a capacity the providers could change (staff, organisation, priorities).",
);
