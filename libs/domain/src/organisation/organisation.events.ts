import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';

export const ORGANISATION_KINDS = [
  'university',
  'research_institute',
  'service_provider',
  'care_facility',
  'funder',
  'practitioner_network',
  'public_agency',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

// The facts a command asks for and its event records, where they are the same: the command is the
// intent, the event the fact, and either may extend the shared type when they come to differ.
export type OrganisationProfile = {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  culture: string | null;
};
export type OrganisationCulture = { organisationId: string; culture: string };

/**
 * An organisation's name is not personal data, so it is stored in plain text. Its culture (how it
 * works and meets) is kept because differing cultures are a known cause of weak partnerships.
 */
export type OrganisationRegistered = DomainEvent<'OrganisationRegistered', OrganisationProfile>;

export type OrganisationCultureDescribed = DomainEvent<'OrganisationCultureDescribed', OrganisationCulture>;

export type OrganisationEvent = OrganisationRegistered | OrganisationCultureDescribed;

/** Every type of OrganisationEvent, at runtime (the compiler keeps it complete). */
export const ORGANISATION_EVENT_TYPES = eventTypesOf<OrganisationEvent>({
  OrganisationRegistered: true,
  OrganisationCultureDescribed: true,
});
