import { describe, it } from '@jest/globals';
import { NOW, scenario } from '../shared/given-when-then.js';
import type { MakeSuggestion } from './suggestion.commands.js';
import type { SuggestionAdopted, SuggestionDeclined, SuggestionMade } from './suggestion.events.js';
import { suggestionDecider } from './suggestion.decider.js';

const projectId = 'p-1';
const suggestionId = 's-1';
const make: MakeSuggestion['data'] = {
  suggestionId,
  projectId,
  suggestedByRole: 'carer',
  carerId: 'c-8',
  organisationId: null,
  description: 'Present the service on the local TV',
  topic: 'information',
};
const made: SuggestionMade = { type: 'SuggestionMade', data: make };
const adopted: SuggestionAdopted = {
  type: 'SuggestionAdopted',
  data: { suggestionId, projectId, note: 'Agreed at the committee', decisionId: 'd-7' },
};
const declined: SuggestionDeclined = {
  type: 'SuggestionDeclined',
  data: { suggestionId, projectId, reason: 'not_feasible_budget', note: 'A TV slot costs more than the budget' },
};
const suggestion = scenario(suggestionDecider);

describe('Suggestion', () => {
  it('is made by a carer', () => {
    suggestion.given().when({ type: 'MakeSuggestion', data: make }).then(made);
  });

  it('is made by a partner organisation or by the committee as a body', () => {
    const byProvider = { ...make, suggestedByRole: 'provider' as const, carerId: null, organisationId: 'org-homecare' };
    suggestion
      .given()
      .when({ type: 'MakeSuggestion', data: byProvider })
      .then({ type: 'SuggestionMade', data: byProvider });
    const byCommittee = { ...make, suggestedByRole: 'committee' as const, carerId: null, organisationId: null };
    suggestion
      .given()
      .when({ type: 'MakeSuggestion', data: byCommittee })
      .then({ type: 'SuggestionMade', data: byCommittee });
  });

  it('is made once', () => {
    suggestion
      .given(made)
      .when({ type: 'MakeSuggestion', data: make })
      .thenFails('SUGGESTION_ALREADY_MADE', 'conflict');
  });

  it.each([
    ['a carer without carer id', { carerId: null }, 'SUGGESTER_MISMATCH'],
    ['a carer with an organisation', { organisationId: 'org-1' }, 'SUGGESTER_MISMATCH'],
    [
      'a researcher without organisation',
      { suggestedByRole: 'researcher' as const, carerId: null },
      'SUGGESTER_MISMATCH',
    ],
    [
      'a committee naming a carer',
      { suggestedByRole: 'committee' as const, carerId: 'c-8', organisationId: null },
      'SUGGESTER_MISMATCH',
    ],
    ['a carer named in plain text', { carerId: 'Lucia Neri' }, 'NOT_PSEUDONYMOUS'],
    ['an unknown role', { suggestedByRole: 'funder' as 'carer' }, 'NOT_ALLOWED'],
    ['an unknown topic', { topic: 'weather' as 'other' }, 'NOT_ALLOWED'],
    ['an empty description', { description: ' ' }, 'REQUIRED'],
  ])('refuses a suggestion by %s', (_title, change, reason) => {
    suggestion
      .given()
      .when({ type: 'MakeSuggestion', data: { ...make, ...change } })
      .thenFails(reason, 'invalid');
  });

  it('refuses a suggestion dated in the future', () => {
    suggestion
      .given()
      .when({ type: 'MakeSuggestion', data: make }, { occurredAt: new Date(NOW.getTime() + 1) })
      .thenFails('IN_THE_FUTURE', 'invalid');
  });

  it('is adopted with a note and the decision it led to', () => {
    suggestion
      .given(made)
      .when({ type: 'AdoptSuggestion', data: { suggestionId, note: 'Agreed at the committee', decisionId: 'd-7' } })
      .then(adopted);
  });

  it('is declined with a reason and a note', () => {
    suggestion
      .given(made)
      .when({
        type: 'DeclineSuggestion',
        data: { suggestionId, reason: 'not_feasible_budget', note: 'A TV slot costs more than the budget' },
      })
      .then(declined);
  });

  it('is adopted or declined only once', () => {
    suggestion
      .given(made, declined)
      .when({ type: 'AdoptSuggestion', data: { suggestionId, note: 'after all', decisionId: null } })
      .thenFails('SUGGESTION_ALREADY_ANSWERED', 'conflict');
    suggestion
      .given(made, adopted)
      .when({ type: 'DeclineSuggestion', data: { suggestionId, reason: 'duplicate', note: 'x' } })
      .thenFails('SUGGESTION_ALREADY_ANSWERED', 'conflict');
    suggestion
      .given(made, adopted)
      .when({ type: 'AdoptSuggestion', data: { suggestionId, note: 'again', decisionId: null } })
      .thenFails('SUGGESTION_ALREADY_ANSWERED', 'conflict');
  });

  it.each([
    ['an unknown reason', { reason: 'bored' as 'other' }, 'NOT_ALLOWED'],
    ['no note', { note: '' }, 'REQUIRED'],
  ])('refuses a decline with %s', (_title, change, reason) => {
    suggestion
      .given(made)
      .when({ type: 'DeclineSuggestion', data: { suggestionId, reason: 'other', note: 'n', ...change } })
      .thenFails(reason, 'invalid');
  });

  it('refuses an adoption without a note', () => {
    suggestion
      .given(made)
      .when({ type: 'AdoptSuggestion', data: { suggestionId, note: ' ', decisionId: null } })
      .thenFails('REQUIRED', 'invalid');
  });

  it('is implemented once, after being adopted', () => {
    const implemented = { type: 'SuggestionImplemented' as const, data: { suggestionId, projectId, note: null } };
    suggestion
      .given(made, adopted)
      .when({ type: 'ImplementSuggestion', data: { suggestionId, note: null } })
      .then(implemented);
    suggestion
      .given(made, adopted, implemented)
      .when({ type: 'ImplementSuggestion', data: { suggestionId, note: null } })
      .thenFails('SUGGESTION_ALREADY_IMPLEMENTED', 'conflict');
  });

  it('refuses to implement a suggestion that was not adopted', () => {
    suggestion
      .given(made)
      .when({ type: 'ImplementSuggestion', data: { suggestionId, note: null } })
      .thenFails('SUGGESTION_NOT_ADOPTED', 'conflict');
    suggestion
      .given(made, declined)
      .when({ type: 'ImplementSuggestion', data: { suggestionId, note: 'anyway' } })
      .thenFails('SUGGESTION_NOT_ADOPTED', 'conflict');
  });

  it('refuses commands on a suggestion that was never made', () => {
    suggestion
      .given()
      .when({ type: 'AdoptSuggestion', data: { suggestionId, note: 'n', decisionId: null } })
      .thenFails('SUGGESTION_NOT_FOUND', 'not_found');
    suggestion
      .given()
      .when({ type: 'ImplementSuggestion', data: { suggestionId, note: null } })
      .thenFails('SUGGESTION_NOT_FOUND', 'not_found');
  });
});
