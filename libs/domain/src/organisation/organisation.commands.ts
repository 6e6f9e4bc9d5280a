import type { DomainCommand } from '../shared/decider.js';
import type { OrganisationKind } from './organisation.events.js';

export type RegisterOrganisation = DomainCommand<
  'RegisterOrganisation',
  { organisationId: string; name: string; kind: OrganisationKind; culture: string | null }
>;

export type DescribeOrganisationCulture = DomainCommand<
  'DescribeOrganisationCulture',
  { organisationId: string; culture: string }
>;

export type OrganisationCommand = RegisterOrganisation | DescribeOrganisationCulture;
