import { describe, it } from '@jest/globals';
import { NOW, scenario } from '../shared/given-when-then.js';
import type { RecordChannelReading } from './information-channel.commands.js';
import type {
  ChannelReadingRecorded,
  InformationChannelRegistered,
  InformationChannelRetired,
  NewPatientInformed,
  NewPatientsChecked,
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
  readingKind: 'increment',
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
    readingKind: 'increment',
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

  it('records an increment over its window, with null for counters the channel does not have', () => {
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
    ['an unknown reading kind', { readingKind: 'average' as 'increment' }, 'NOT_ALLOWED'],
  ])('refuses a reading with %s', (_title, change, reason) => {
    channel
      .given(registered)
      .when({ type: 'RecordChannelReading', data: { ...reading, ...change } })
      .thenFails(reason, 'invalid');
  });

  describe('running totals', () => {
    // The page's likes and shares since it opened on 1 December, read at the end of each month.
    const since = '2025-12-01T00:00:00.000Z';
    const total = (periodEnd: string, likes: number | null, shares: number | null): RecordChannelReading['data'] => ({
      channelId,
      periodStart: since,
      periodEnd,
      readingKind: 'running_total',
      likes,
      visits: null,
      downloads: null,
      shares,
    });
    const recorded = (data: RecordChannelReading['data']): ChannelReadingRecorded => ({
      type: 'ChannelReadingRecorded',
      data: {
        ...data,
        projectId,
        periodStart: new Date(data.periodStart).toISOString(),
        periodEnd: new Date(data.periodEnd).toISOString(),
      },
    });
    const january = total('2026-02-01T00:00:00.000Z', 300, 20);

    it('records a running total: the counters at the window’s end, counted since its start', () => {
      channel.given(registered).when({ type: 'RecordChannelReading', data: january }).then(recorded(january));
    });

    it('accepts a later total from the same start that did not decrease, a zero kept as zero', () => {
      const february = total('2026-03-01T00:00:00.000Z', 300, null);
      channel
        .given(registered, recorded(january))
        .when({ type: 'RecordChannelReading', data: february })
        .then(recorded(february));
      // Shares were left out in February: March is compared with January's 20.
      const march = total('2026-04-01T00:00:00.000Z', 310, 20);
      channel
        .given(registered, recorded(january), recorded(february))
        .when({ type: 'RecordChannelReading', data: march })
        .then(recorded(march));
      const fromZero = total('2026-02-01T00:00:00.000Z', 0, 0);
      channel.given(registered).when({ type: 'RecordChannelReading', data: fromZero }).then(recorded(fromZero));
    });

    it('refuses a total lower than the last one of the same counter, even across a reading that left it out', () => {
      channel
        .given(registered, recorded(january))
        .when({ type: 'RecordChannelReading', data: total('2026-03-01T00:00:00.000Z', 299, 20) })
        .thenFails('RUNNING_TOTAL_DECREASED', 'conflict');
      channel
        .given(registered, recorded(january), recorded(total('2026-03-01T00:00:00.000Z', 310, null)))
        .when({ type: 'RecordChannelReading', data: total('2026-04-01T00:00:00.000Z', null, 19) })
        .thenFails('RUNNING_TOTAL_DECREASED', 'conflict');
    });

    it('refuses a total read at or before the last one', () => {
      channel
        .given(registered, recorded(january))
        .when({ type: 'RecordChannelReading', data: total('2026-02-01T00:00:00.000Z', 320, 20) })
        .thenFails('RUNNING_TOTAL_NOT_AFTER_LAST', 'conflict');
      channel
        .given(registered, recorded(january))
        .when({ type: 'RecordChannelReading', data: total('2026-01-15T00:00:00.000Z', 320, 20) })
        .thenFails('RUNNING_TOTAL_NOT_AFTER_LAST', 'conflict');
    });

    it('refuses a total counted from another start', () => {
      channel
        .given(registered, recorded(january))
        .when({
          type: 'RecordChannelReading',
          data: { ...total('2026-03-01T00:00:00.000Z', 320, 20), periodStart: '2026-02-01' },
        })
        .thenFails('RUNNING_TOTAL_START_CHANGED', 'conflict');
    });

    it('refuses to mix increments and running totals on one channel', () => {
      channel
        .given(registered, recorded(january))
        .when({
          type: 'RecordChannelReading',
          data: { ...reading, periodStart: '2026-02-01', periodEnd: '2026-03-01' },
        })
        .thenFails('READING_KIND_CHANGED', 'conflict');
      channel
        .given(registered, readingRecorded)
        .when({ type: 'RecordChannelReading', data: total('2026-03-01T00:00:00.000Z', 320, 20) })
        .thenFails('READING_KIND_CHANGED', 'conflict');
    });

    it('refuses an empty window and a negative total like any reading', () => {
      channel
        .given(registered)
        .when({ type: 'RecordChannelReading', data: { ...january, periodEnd: since } })
        .thenFails('PERIOD_END_NOT_AFTER_START', 'invalid');
      channel
        .given(registered)
        .when({ type: 'RecordChannelReading', data: total('2026-02-01T00:00:00.000Z', -1, 0) })
        .thenFails('OUT_OF_RANGE', 'invalid');
    });
  });

  describe('new patients checked', () => {
    const check = { channelId, periodStart: '2026-01-01', periodEnd: '2026-02-01' };
    const checked: NewPatientsChecked = {
      type: 'NewPatientsChecked',
      data: {
        channelId,
        projectId,
        periodStart: '2026-01-01T00:00:00.000Z',
        periodEnd: '2026-02-01T00:00:00.000Z',
      },
    };

    it('records that every new patient informed through the channel in a window is recorded, maybe none', () => {
      channel.given(registered).when({ type: 'RecordNewPatientsChecked', data: check }).then(checked);
    });

    it('accepts a window checked again, or overlapping an earlier one (their union is what was checked)', () => {
      channel.given(registered, checked).when({ type: 'RecordNewPatientsChecked', data: check }).then(checked);
    });

    it.each([
      ['an end before its start', { periodStart: '2026-02-01', periodEnd: '2026-01-01' }, 'PERIOD_END_NOT_AFTER_START'],
      ['an empty window', { periodStart: '2026-02-01', periodEnd: '2026-02-01' }, 'PERIOD_END_NOT_AFTER_START'],
      ['an invalid start', { periodStart: 'January' }, 'INVALID_DATE'],
      ['an end in the future', { periodEnd: '2026-07-01' }, 'IN_THE_FUTURE'],
    ])('refuses a check with %s', (_title, change, reason) => {
      channel
        .given(registered)
        .when({ type: 'RecordNewPatientsChecked', data: { ...check, ...change } })
        .thenFails(reason, 'invalid');
    });

    it('refuses a check of a retired or unknown channel', () => {
      channel
        .given(registered, retired)
        .when({ type: 'RecordNewPatientsChecked', data: check })
        .thenFails('CHANNEL_RETIRED', 'conflict');
      channel
        .given()
        .when({ type: 'RecordNewPatientsChecked', data: check })
        .thenFails('CHANNEL_NOT_FOUND', 'not_found');
    });
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
