import { describe, it } from '@jest/globals';
import { NOW, scenario } from '../shared/given-when-then.js';
import type { MakeCarerRequest } from './carer-request.commands.js';
import type { CarerRequestDeclined, CarerRequestMade, CarerRequestMet } from './carer-request.events.js';
import { carerRequestDecider } from './carer-request.decider.js';

const projectId = 'p-1';
const requestId = 'r-1';
const make: MakeCarerRequest['data'] = {
  requestId,
  projectId,
  carerId: 'c-8',
  category: 'substitute_care_hours',
  description: 'Four hours of substitute care on Thursday mornings to attend the course',
};
const made: CarerRequestMade = { type: 'CarerRequestMade', data: make };
const met: CarerRequestMet = { type: 'CarerRequestMet', data: { requestId, projectId, note: 'Volunteer found' } };
const declined: CarerRequestDeclined = {
  type: 'CarerRequestDeclined',
  data: {
    requestId,
    projectId,
    cannotMeetBecause: 'impossibility',
    explanation: 'The regional budget for substitute care is fixed for the year',
  },
};
const request = scenario(carerRequestDecider);

describe('CarerRequest', () => {
  it('is made by a carer, named by their pseudonymous id', () => {
    request.given().when({ type: 'MakeCarerRequest', data: make }).then(made);
  });

  it('is made once', () => {
    request
      .given(made)
      .when({ type: 'MakeCarerRequest', data: make })
      .thenFails('CARER_REQUEST_ALREADY_MADE', 'conflict');
  });

  it.each([
    ['a carer named in plain text', { carerId: 'Lucia Neri' }, 'NOT_PSEUDONYMOUS'],
    ['an unknown category', { category: 'money' as 'other' }, 'NOT_ALLOWED'],
    ['an empty description', { description: ' ' }, 'REQUIRED'],
  ])('refuses a request by %s', (_title, change, reason) => {
    request
      .given()
      .when({ type: 'MakeCarerRequest', data: { ...make, ...change } })
      .thenFails(reason, 'invalid');
  });

  it('refuses a request dated in the future', () => {
    request
      .given()
      .when({ type: 'MakeCarerRequest', data: make }, { occurredAt: new Date(NOW.getTime() + 1) })
      .thenFails('IN_THE_FUTURE', 'invalid');
  });

  it('is met, with an optional note', () => {
    request
      .given(made)
      .when({ type: 'MeetCarerRequest', data: { requestId, note: 'Volunteer found' } })
      .then(met);
    request
      .given(made)
      .when({ type: 'MeetCarerRequest', data: { requestId, note: null } })
      .then({ type: 'CarerRequestMet', data: { requestId, projectId, note: null } });
  });

  it('is declined as an impossibility or an inability, with an explanation', () => {
    request
      .given(made)
      .when({
        type: 'DeclineCarerRequest',
        data: {
          requestId,
          cannotMeetBecause: 'impossibility',
          explanation: 'The regional budget for substitute care is fixed for the year',
        },
      })
      .then(declined);
    request
      .given(made)
      .when({
        type: 'DeclineCarerRequest',
        data: { requestId, cannotMeetBecause: 'inability', explanation: 'No staff free on Thursdays' },
      })
      .then({
        type: 'CarerRequestDeclined',
        data: { requestId, projectId, cannotMeetBecause: 'inability', explanation: 'No staff free on Thursdays' },
      });
  });

  it.each([
    ['an unknown kind', { cannotMeetBecause: 'unwillingness' as 'inability' }, 'NOT_ALLOWED'],
    ['no explanation', { explanation: '' }, 'REQUIRED'],
  ])('refuses a decline with %s', (_title, change, reason) => {
    request
      .given(made)
      .when({
        type: 'DeclineCarerRequest',
        data: { requestId, cannotMeetBecause: 'inability', explanation: 'n', ...change },
      })
      .thenFails(reason, 'invalid');
  });

  it('is met or declined only once', () => {
    request
      .given(made, declined)
      .when({ type: 'MeetCarerRequest', data: { requestId, note: null } })
      .thenFails('CARER_REQUEST_ALREADY_ANSWERED', 'conflict');
    request
      .given(made, met)
      .when({ type: 'DeclineCarerRequest', data: { requestId, cannotMeetBecause: 'inability', explanation: 'x' } })
      .thenFails('CARER_REQUEST_ALREADY_ANSWERED', 'conflict');
  });

  it('is answered only once made', () => {
    request
      .given()
      .when({ type: 'MeetCarerRequest', data: { requestId, note: null } })
      .thenFails('CARER_REQUEST_NOT_FOUND', 'not_found');
  });
});
