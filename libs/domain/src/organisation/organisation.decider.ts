import type { Decider } from '../shared/decider.js';
import { describeOrganisationCulture } from './decide/describe-organisation-culture.js';
import { registerOrganisation } from './decide/register-organisation.js';
import type { OrganisationCommand } from './organisation.commands.js';
import type { OrganisationEvent } from './organisation.events.js';
import type { OrganisationState } from './organisation.state.js';

export type { OrganisationState } from './organisation.state.js';

export const organisationStreamId = (organisationId: string) => `organisation-${organisationId}`;

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState: { status: 'unknown' },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterOrganisation':
        return registerOrganisation(command, state);
      case 'DescribeOrganisationCulture':
        return describeOrganisationCulture(command, state);
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
