import { informationChannelAggregate, type InformationChannelKind } from '#domain';
import { addDays, addMonths, atTime, between } from '../calendar.js';
import { checkingProject } from '../plan.js';
import type { Random } from '../random.js';
import type { PilotWorld } from '../world.js';

/**
 * Project and service information: a social media page, a website and a printed brochure (also
 * downloadable), each read once a month. Through them some fifteen new patients of the agency
 * heard of the service.
 */
interface ChannelShape {
  readonly key: string;
  readonly kind: InformationChannelKind;
  readonly name: string;
  /** This month's counters; null where the channel has no such counter. */
  counters(
    month: number,
    r: Random,
  ): { likes: number | null; visits: number | null; downloads: number | null; shares: number | null };
  /** Share of the new patients informed through it. */
  readonly patients: number;
}

const around = (r: Random, mean: number) => Math.max(0, Math.round(r.normal(mean, mean * 0.25)));

const CHANNELS: readonly ChannelShape[] = [
  {
    key: 'social-media',
    kind: 'social_media_page',
    name: 'Project page on social media',
    // Many likes at launch, then a slow trickle.
    counters: (month, r) => ({
      likes: around(r, 8 + 45 * Math.exp(-month / 3)),
      visits: null,
      downloads: null,
      shares: around(r, 3 + 10 * Math.exp(-month / 4)),
    }),
    patients: 0.3,
  },
  {
    key: 'website',
    kind: 'website',
    name: 'Project website',
    counters: (month, r) => ({
      likes: null,
      visits: around(r, 90 + 120 * Math.exp(-month / 5)),
      downloads: around(r, 12),
      shares: null,
    }),
    patients: 0.3,
  },
  {
    key: 'brochure',
    kind: 'brochure',
    name: 'Printed brochure for families (also as PDF)',
    counters: (_month, r) => ({ likes: null, visits: null, downloads: around(r, 25), shares: null }),
    patients: 0.4,
  },
];

export function planChannels(world: PilotWorld): void {
  const rng = world.rng.fork('channels');
  const { plan, timeline, cast, projectId } = world;
  const agency = cast.agencyCoordinator.actor;
  const opened = atTime(addDays(timeline.launch, 14), 10);
  const channelIds = new Map<string, string>();

  CHANNELS.forEach((channel, index) => {
    const channelId = world.ids.uuid(`channel:${channel.key}`);
    channelIds.set(channel.key, channelId);
    plan.add(
      informationChannelAggregate,
      addDays(opened, index),
      agency,
      `channel:${channel.key}`,
      checkingProject(projectId, {
        type: 'RegisterInformationChannel',
        data: { channelId, projectId, kind: channel.kind, name: channel.name },
      }),
    );
    // Monthly readings over half-open periods, entered a few days after each period ends.
    const r = rng.fork(channel.key);
    for (let month = 0; ; month++) {
      const periodStart = addMonths(opened, month);
      const periodEnd = addMonths(opened, month + 1);
      const recordedAt = atTime(addDays(periodEnd, r.int(1, 4)), 9);
      if (recordedAt.getTime() > timeline.end.getTime()) break;
      plan.add(informationChannelAggregate, recordedAt, agency, `channel:${channel.key}:reading:${month}`, {
        type: 'RecordChannelReading',
        data: {
          channelId,
          periodStart: periodStart.toISOString(),
          periodEnd: periodEnd.toISOString(),
          readingKind: 'increment',
          ...channel.counters(month, r),
        },
      });
    }
  });

  // New patients of the agency who say they heard of the service through a channel.
  const r = rng.fork('patients');
  const patients = Math.max(3, Math.round(15 * (timeline.pilotMonths / 20) + r.normal(0, 1.5)));
  for (let n = 1; n <= patients; n++) {
    const channel = r.weighted(CHANNELS.map((c) => [c, c.patients] as const));
    const at = atTime(between(timeline.pilotStart, timeline.pilotEnd, r.next()), r.int(8, 17), r.int(0, 59));
    plan.add(informationChannelAggregate, at, agency, `patient:${n}`, {
      type: 'RecordNewPatientInformed',
      data: {
        channelId: channelIds.get(channel.key)!,
        providerOrganisationId: cast.agency.id,
        // The agency's own pseudonymous reference, never a name.
        patientRef: `pt-${world.ids.tag(`patient:${n}`)}`,
      },
    });
  }
}
