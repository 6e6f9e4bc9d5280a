import type { Decider } from '../shared/decider.js';
import { conflict, notFound } from '../shared/errors.js';
import { requireOneOf, requireText } from '../shared/guards.js';
import type { OrganisationCommand } from './organisation.commands.js';
import { ORGANISATION_KINDS, type OrganisationEvent, type OrganisationKind } from './organisation.events.js';

export type OrganisationState =
  { readonly status: 'unknown' } | { readonly status: 'registered'; readonly kind: OrganisationKind };

export const organisationStreamId = (organisationId: string) => `organisation-${organisationId}`;

const CULTURE_MAX = 4000;

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState: { status: 'unknown' },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterOrganisation': {
        const data = command.data;
        if (state.status !== 'unknown') {
          throw conflict(
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
              culture: data.culture === null ? null : requireText('culture', data.culture, CULTURE_MAX),
            },
          },
        ];
      }
      case 'DescribeOrganisationCulture': {
        const data = command.data;
        if (state.status === 'unknown') {
          throw notFound('ORGANISATION_NOT_FOUND', `Organisation ${data.organisationId} does not exist`);
        }
        return [
          {
            type: 'OrganisationCultureDescribed',
            data: { organisationId: data.organisationId, culture: requireText('culture', data.culture, CULTURE_MAX) },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OrganisationRegistered':
        return { status: 'registered', kind: event.data.kind };
      case 'OrganisationCultureDescribed':
        return state;
    }
  },
};
