import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';

/**
 * What a carer asks the providers for, as a category, so requests the service cannot meet can be
 * counted by kind across projects (the description says the rest).
 */
export const CARER_REQUEST_CATEGORIES = [
  'substitute_care_hours',
  'respite',
  'transport',
  'schedule_change',
  'other',
] as const;
export type CarerRequestCategory = (typeof CARER_REQUEST_CATEGORIES)[number];

/**
 * Why the providers cannot meet a request, the two faces of the "inability or impossibility to
 * change" barrier (DOMAIN.md): `impossibility` is a constraint outside the providers' choice (a
 * rule, the law, a budget already fixed); `inability` is a choice or a capacity the providers could
 * change (staff, organisation, priorities). Told apart because only the second is theirs to act on.
 */
export const CANNOT_MEET_BECAUSE = ['impossibility', 'inability'] as const;
export type CannotMeetBecause = (typeof CANNOT_MEET_BECAUSE)[number];

// The facts a command asks for and its event records, where they are the same: the command is the
// intent, the event the fact, and either may extend the shared type when they come to differ.
/** The carer is named by the pseudonymous id the platform uses everywhere; never by name. */
export type CarerRequestDetails = {
  requestId: string;
  projectId: string;
  carerId: string;
  category: CarerRequestCategory;
  description: string;
};

export type CarerRequestMade = DomainEvent<'CarerRequestMade', CarerRequestDetails>;

export type CarerRequestMet = DomainEvent<
  'CarerRequestMet',
  { requestId: string; projectId: string; note: string | null }
>;

export type CarerRequestDeclined = DomainEvent<
  'CarerRequestDeclined',
  { requestId: string; projectId: string; cannotMeetBecause: CannotMeetBecause; explanation: string }
>;

export type CarerRequestEvent = CarerRequestMade | CarerRequestMet | CarerRequestDeclined;

/** Every type of CarerRequestEvent, at runtime (the compiler keeps it complete). */
export const CARER_REQUEST_EVENT_TYPES = eventTypesOf<CarerRequestEvent>({
  CarerRequestMade: true,
  CarerRequestMet: true,
  CarerRequestDeclined: true,
});
