import type { DomainCommand } from '../shared/decider.js';
import type { OrganisationCulture, OrganisationProfile } from './organisation.events.js';

export type RegisterOrganisation = DomainCommand<'RegisterOrganisation', OrganisationProfile>;

export type DescribeOrganisationCulture = DomainCommand<'DescribeOrganisationCulture', OrganisationCulture>;

export type OrganisationCommand = RegisterOrganisation | DescribeOrganisationCulture;
