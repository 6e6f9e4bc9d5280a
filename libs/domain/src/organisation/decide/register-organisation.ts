import { requireOneOf, requireText } from '../../shared/guards.js';
import type { RegisterOrganisation } from '../organisation.commands.js';
import { ORGANISATION_KINDS, type OrganisationEvent } from '../organisation.events.js';
import { requireCulture } from '../organisation.guards.js';
import { organisationError } from '../organisation.reasons.js';
import type { OrganisationState } from '../organisation.state.js';

export function registerOrganisation(command: RegisterOrganisation, state: OrganisationState): OrganisationEvent[] {
  const data = command.data;
  if (state.status !== 'unknown') {
    throw organisationError(
      'ORGANISATION_ALREADY_REGISTERED',
      `Organisation ${data.organisationId} is already registered`,
    );
  }
  return [
    {
      type: 'OrganisationRegistered',
      data: {
        organisationId: data.organisationId,
        name: requireText('name', data.name, 200),
        kind: requireOneOf('kind', data.kind, ORGANISATION_KINDS),
        // Optional means null; an empty string would be an accidental blank, not "no culture".
        culture: data.culture === null ? null : requireCulture(data.culture),
      },
    },
  ];
}
