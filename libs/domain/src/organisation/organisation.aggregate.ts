import type { AggregateDefinition } from '../shared/aggregate.js';
import type { OrganisationCommand } from './organisation.commands.js';
import { organisationDecider, organisationStreamId, type OrganisationState } from './organisation.decider.js';
import type { OrganisationEvent } from './organisation.events.js';

export const organisationAggregate: AggregateDefinition<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  name: 'Organisation',
  decider: organisationDecider,
  commandTypes: ['RegisterOrganisation', 'DescribeOrganisationCulture'],
  streamId: (command) => organisationStreamId(command.data.organisationId),
};
