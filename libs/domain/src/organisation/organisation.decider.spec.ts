import { describe, it } from '@jest/globals';
import { scenario } from '../shared/given-when-then.js';
import type { RegisterOrganisation } from './organisation.commands.js';
import type { OrganisationKind, OrganisationRegistered } from './organisation.events.js';
import { organisationDecider } from './organisation.decider.js';

const organisationId = 'org-agency';
const registration: RegisterOrganisation['data'] = {
  organisationId,
  name: 'Valley Home Care Agency',
  kind: 'service_provider',
  culture: 'Weekly team meetings, close supervision, clear instructions',
};
const registered: OrganisationRegistered = { type: 'OrganisationRegistered', data: registration };
const organisation = scenario(organisationDecider);

describe('Organisation', () => {
  it('registers with a name, a kind and its culture', () => {
    organisation.given().when({ type: 'RegisterOrganisation', data: registration }).then(registered);
  });

  it('registers without a described culture', () => {
    const data = { ...registration, kind: 'university' as const, culture: null };
    organisation.given().when({ type: 'RegisterOrganisation', data }).then({ type: 'OrganisationRegistered', data });
  });

  it('refuses to register twice', () => {
    organisation
      .given(registered)
      .when({ type: 'RegisterOrganisation', data: registration })
      .thenFails('ORGANISATION_ALREADY_REGISTERED', 'conflict');
  });

  it.each([
    ['an empty name', { ...registration, name: ' ' }, 'REQUIRED'],
    ['an overlong name', { ...registration, name: 'x'.repeat(201) }, 'TOO_LONG'],
    ['an unknown kind', { ...registration, kind: 'pharmacy' as OrganisationKind }, 'NOT_ALLOWED'],
    ['a blank culture instead of null', { ...registration, culture: '' }, 'REQUIRED'],
  ])('refuses a registration with %s', (_title, data, reason) => {
    organisation.given().when({ type: 'RegisterOrganisation', data }).thenFails(reason, 'invalid');
  });

  it('describes its culture later', () => {
    organisation
      .given(registered)
      .when({
        type: 'DescribeOrganisationCulture',
        data: { organisationId, culture: ' Autonomy per work package, quick calls ' },
      })
      .then({
        type: 'OrganisationCultureDescribed',
        data: { organisationId, culture: 'Autonomy per work package, quick calls' },
      });
  });

  it('refuses an empty culture description', () => {
    organisation
      .given(registered)
      .when({ type: 'DescribeOrganisationCulture', data: { organisationId, culture: '' } })
      .thenFails('REQUIRED', 'invalid');
  });

  it('refuses to describe an organisation that was never registered', () => {
    organisation
      .given()
      .when({ type: 'DescribeOrganisationCulture', data: { organisationId, culture: 'Quick calls' } })
      .thenFails('ORGANISATION_NOT_FOUND', 'not_found');
  });
});
