import type { OrganisationKind } from './organisation.events.js';

export type OrganisationState =
  { readonly status: 'unknown' } | { readonly status: 'registered'; readonly kind: OrganisationKind };
