import type { DescribeOrganisationCulture } from '../organisation.commands.js';
import type { OrganisationEvent } from '../organisation.events.js';
import { requireCulture } from '../organisation.guards.js';
import { organisationError } from '../organisation.reasons.js';
import type { OrganisationState } from '../organisation.state.js';

export function describeOrganisationCulture(
  command: DescribeOrganisationCulture,
  state: OrganisationState,
): OrganisationEvent[] {
  const data = command.data;
  if (state.status === 'unknown') {
    throw organisationError('ORGANISATION_NOT_FOUND', `Organisation ${data.organisationId} does not exist`);
  }
  return [
    {
      type: 'OrganisationCultureDescribed',
      data: { organisationId: data.organisationId, culture: requireCulture(data.culture) },
    },
  ];
}
