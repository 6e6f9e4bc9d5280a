import { describe, it } from '@jest/globals';
import { NOW, scenario } from '../shared/given-when-then.js';
import type { RecordChannelReading } from './information-channel.commands.js';
import type {
  ChannelReadingRecorded,
  InformationChannelRegistered,
  InformationChannelRetired,
  NewPatientInformed,
} from './information-channel.events.js';
import { informationChannelDecider } from './information-channel.decider.js';

const projectId = 'p-1';
const channelId = 'ch-facebook';
const registered: InformationChannelRegistered = {
  type: 'InformationChannelRegistered',
  data: { channelId, projectId, kind: 'social_media_page', name: 'Carers of the valley' },
};
const reading: RecordChannelReading['data'] = {
  channelId,
  periodStart: '2026-01-01',
  periodEnd: '2026-02-01',
  likes: 120,
  visits: null,
  downloads: null,
  shares: 14,
};
const readingRecorded: ChannelReadingRecorded = {
  type: 'ChannelReadingRecorded',
  data: {
    channelId,
    projectId,
    periodStart: '2026-01-01T00:00:00.000Z',
    periodEnd: '2026-02-01T00:00:00.000Z',
    likes: 120,
    visits: null,
    downloads: null,
    shares: 14,
  },
};
const informedOn = new Date('2026-03-10T09:00:00.000Z');
const informed: NewPatientInformed = {
  type: 'NewPatientInformed',
  data: {
    channelId,
    projectId,
    providerOrganisationId: 'org-homecare',
    patientRef: 'PT-0012',
    informedOn: informedOn.toISOString(),
  },
};
const retired: InformationChannelRetired = {
  type: 'InformationChannelRetired',
  data: { channelId, projectId, reason: 'Page closed at the end of the pilot' },
};
const channel = scenario(informationChannelDecider);

describe('InformationChannel', () => {
  it('registers a channel of a project', () => {
    channel
      .given()
      .when({
        type: 'RegisterInformationChannel',
        data: { channelId, projectId, kind: 'social_media_page', name: ' Carers of the valley ' },
      })
      .then(registered);
  });

  it('registers a channel once', () => {
    channel
      .given(registered)
      .when({ type: 'RegisterInformationChannel', data: registered.data })
      .thenFails('CHANNEL_ALREADY_REGISTERED', 'conflict');
  });

  it.each([
    ['an unknown kind', { ...registered.data, kind: 'billboard' as 'other' }, 'NOT_ALLOWED'],
    ['an empty name', { ...registered.data, name: '' }, 'REQUIRED'],
    ['a name that is too long', { ...registered.data, name: 'x'.repeat(201) }, 'TOO_LONG'],
  ])('refuses a channel with %s', (_title, data, reason) => {
    channel.given().when({ type: 'RegisterInformationChannel', data }).thenFails(reason, 'invalid');
  });

  it('records a reading for a period, with null for counters the channel does not have', () => {
    channel.given(registered).when({ type: 'RecordChannelReading', data: reading }).then(readingRecorded);
  });

  it('accepts a reading that starts where the last one ended', () => {
    channel
      .given(registered, readingRecorded)
      .when({
        type: 'RecordChannelReading',
        data: { ...reading, periodStart: '2026-02-01', periodEnd: '2026-03-01', likes: 0 },
      })
      .then({
        type: 'ChannelReadingRecorded',
        data: {
          ...readingRecorded.data,
          periodStart: '2026-02-01T00:00:00.000Z',
          periodEnd: '2026-03-01T00:00:00.000Z',
          likes: 0,
        },
      });
  });

  it('refuses a reading that starts before the last one ended', () => {
    channel
      .given(registered, readingRecorded)
      .when({ type: 'RecordChannelReading', data: { ...reading, periodStart: '2026-01-31', periodEnd: '2026-03-01' } })
      .thenFails('PERIOD_OVERLAPS', 'conflict');
  });

  it('refuses a reading that ends in the future', () => {
    channel
      .given(registered)
      .when({ type: 'RecordChannelReading', data: { ...reading, periodStart: '2026-06-01', periodEnd: '2026-07-01' } })
      .thenFails('IN_THE_FUTURE', 'invalid');
  });

  it.each([
    ['an end before its start', { periodStart: '2026-02-01', periodEnd: '2026-01-01' }, 'PERIOD_END_NOT_AFTER_START'],
    ['an empty period', { periodStart: '2026-02-01', periodEnd: '2026-02-01' }, 'PERIOD_END_NOT_AFTER_START'],
    ['an invalid start', { periodStart: 'January' }, 'INVALID_DATE'],
    ['an invalid end', { periodEnd: 'soon' }, 'INVALID_DATE'],
    ['a negative counter', { visits: -1 }, 'OUT_OF_RANGE'],
    ['a fractional counter', { downloads: 2.5 }, 'OUT_OF_RANGE'],
    ['no counter at all', { likes: null, shares: null }, 'NO_COUNTERS'],
  ])('refuses a reading with %s', (_title, change, reason) => {
    channel
      .given(registered)
      .when({ type: 'RecordChannelReading', data: { ...reading, ...change } })
      .thenFails(reason, 'invalid');
  });

  it('records a new patient of a provider informed through the channel, dated by occurredAt', () => {
    channel
      .given(registered)
      .when(
        {
          type: 'RecordNewPatientInformed',
          data: { channelId, providerOrganisationId: 'org-homecare', patientRef: 'PT-0012' },
        },
        { occurredAt: informedOn },
      )
      .then(informed);
  });

  it('counts a patient once per provider and channel', () => {
    channel
      .given(registered, informed)
      .when({
        type: 'RecordNewPatientInformed',
        data: { channelId, providerOrganisationId: 'org-homecare', patientRef: 'PT-0012' },
      })
      .thenFails('PATIENT_ALREADY_INFORMED', 'conflict');
  });

  it('refuses a patient reference that looks like a name', () => {
    channel
      .given(registered)
      .when({
        type: 'RecordNewPatientInformed',
        data: { channelId, providerOrganisationId: 'org-homecare', patientRef: 'Giuseppe Verdi' },
      })
      .thenFails('NOT_PSEUDONYMOUS', 'invalid');
  });

  it('refuses a patient informed in the future', () => {
    channel
      .given(registered)
      .when(
        {
          type: 'RecordNewPatientInformed',
          data: { channelId, providerOrganisationId: 'org-homecare', patientRef: 'PT-1' },
        },
        { occurredAt: new Date(NOW.getTime() + 1) },
      )
      .thenFails('IN_THE_FUTURE', 'invalid');
  });

  it('retires a channel, which then takes no readings or patients', () => {
    channel
      .given(registered)
      .when({ type: 'RetireInformationChannel', data: { channelId, reason: 'Page closed at the end of the pilot' } })
      .then(retired);
    channel
      .given(registered, retired)
      .when({ type: 'RecordChannelReading', data: reading })
      .thenFails('CHANNEL_RETIRED', 'conflict');
    channel
      .given(registered, retired)
      .when({ type: 'RecordNewPatientInformed', data: { channelId, providerOrganisationId: 'o', patientRef: 'PT-2' } })
      .thenFails('CHANNEL_RETIRED', 'conflict');
    channel
      .given(registered, retired)
      .when({ type: 'RetireInformationChannel', data: { channelId, reason: null } })
      .thenFails('CHANNEL_RETIRED', 'conflict');
  });

  it('refuses commands on a channel that was never registered', () => {
    channel.given().when({ type: 'RecordChannelReading', data: reading }).thenFails('CHANNEL_NOT_FOUND', 'not_found');
    channel
      .given()
      .when({ type: 'RetireInformationChannel', data: { channelId, reason: null } })
      .thenFails('CHANNEL_NOT_FOUND', 'not_found');
  });
});
