/**
 * The operations `bench:api` measures, built from what the seeded history holds: the project the
 * reads are about (the demo's first pilot, read by its agency's coordinator) and another project
 * the mutation mix writes into (read and written by that project's agency), so the writes of one
 * rate never change what the reads of the next rate read.
 */
import { randomUUID } from 'node:crypto';
import {
  ASSESSMENT_REPORT,
  DIRECTORY_PAGE,
  FLOOR,
  MAKE_SUGGESTION,
  PROJECT_CARERS,
  PROJECT_HELD_ACTIVITIES,
  RECORD_ATTENDANCE,
  RECORD_SATISFACTION,
  SIGNAL_SERIES,
  SIGNAL_SERIES_BREAKDOWNS,
  SIGNALS,
  SIGNALS_AS_OF,
  SURVEY_INSTRUMENTS,
} from './documents.js';
import { type GraphQLClient, graphqlFailure } from './graphql.js';
import type { FreshRequest, Operation } from './load.js';

export interface ReadProject {
  readonly projectId: string;
  readonly startsOn: string;
  readonly pilotMonths: number;
}

export interface WriteProject {
  readonly projectId: string;
  readonly agencyId: string;
  /** A token of the agency's staff (a provider of agencyId). */
  readonly token: string;
}

const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1));

/**
 * The calendar months of a pilot as [from, to), as the dashboard computes them
 * (apps/web/src/app/periods.ts): from the month it starts to the month it ends, not past now.
 */
export function pilotWindow(startsOn: string, pilotMonths: number, now = new Date()): { from: string; to: string } {
  const start = new Date(`${startsOn.slice(0, 10)}T00:00:00Z`);
  const end = monthStart(start.getUTCFullYear(), start.getUTCMonth() + pilotMonths);
  const untilNow = monthStart(now.getUTCFullYear(), now.getUTCMonth() + 1);
  const to = end < untilNow ? end : untilNow;
  return { from: monthStart(start.getUTCFullYear(), start.getUTCMonth()).toISOString(), to: to.toISOString() };
}

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

const read = (name: string, requestBody: string | (() => FreshRequest)): Operation => ({
  name,
  body: requestBody,
  check: graphqlFailure,
});

/**
 * `signals` reads the pilot's last three calendar months: the framework's default window
 * (defaultWindowMonths) as the plain call returns it on a running pilot in its last month. The
 * demo pilot ended before today, so the plain call's own default window (ending now) would be
 * empty. `signalSeries` reads every month of the pilot, as the dashboard's signals view does (the
 * values), and again with every month's breakdown (`signal_series_breakdowns`).
 */
export function readOperations(project: ReadProject): Operation[] {
  const window = pilotWindow(project.startsOn, project.pilotMonths);
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const end = new Date(to);
  const lastQuarter = {
    from: monthStart(end.getUTCFullYear(), end.getUTCMonth() - 3).toISOString(),
    to: window.to,
  };
  // A new moment for every request, spread over the pilot in a scrambled order (as bench:replay
  // does): no two requests ask the same question, so none is answered from the API's kept results
  // (READ_RESULTS_KEPT) and this row measures the computation itself. `signals`, asked again and
  // again as a dashboard's viewers do, measures the kept path.
  const series = { projectId: project.projectId, from: window.from, to: window.to, granularity: 'MONTH' };
  let moment = 0;
  const asOf = (): FreshRequest => {
    const n = moment++;
    const at = from + ((to - from) * ((n * 7919) % 100_003)) / 100_003 + (n % 1000);
    return { body: body(SIGNALS_AS_OF, { projectId: project.projectId, asOf: new Date(at).toISOString() }) };
  };
  return [
    read('floor', body(FLOOR, {})),
    read('signals', body(SIGNALS, { projectId: project.projectId, window: lastQuarter })),
    read('signals_as_of', asOf),
    read('signal_series', body(SIGNAL_SERIES, series)),
    read('signal_series_breakdowns', body(SIGNAL_SERIES_BREAKDOWNS, series)),
    read('assessment_report', body(ASSESSMENT_REPORT, { projectId: project.projectId })),
    read('directory', body(DIRECTORY_PAGE, { projectId: project.projectId, first: 100 })),
  ];
}

interface HeldActivity {
  id: string;
  kind: string;
  attendance: { carers: { carerId: string }[] };
}
interface CarerNode {
  id: string;
  participationStatus: string;
}
interface Instrument {
  id: string;
  itemCount: number;
  measures: string;
  status: string;
  scale: { minimum: number; maximum: number };
}

export interface MutationMix {
  readonly operation: Operation;
  /** What the mix sends, for the report. */
  readonly description: string;
}

/** One write project's pools: its held activities and the attendances not recorded yet. */
interface WritePool {
  readonly project: WriteProject;
  readonly held: readonly HeldActivity[];
  readonly pairs: ReadonlyArray<{ activityId: string; carerId: string }>;
  nextPair: number;
  nextActivity: number;
}

async function writePool(client: GraphQLClient, project: WriteProject): Promise<WritePool> {
  const held = await client.all<{ project: { activities: never } }, HeldActivity>(
    PROJECT_HELD_ACTIVITIES,
    { projectId: project.projectId },
    (data) => data.project.activities,
  );
  const carers = (
    await client.all<{ project: { carers: never } }, CarerNode>(
      PROJECT_CARERS,
      { projectId: project.projectId },
      (data) => data.project.carers,
    )
  ).filter((carer) => carer.participationStatus !== 'withdrawn');
  if (held.length === 0) throw new Error(`project ${project.projectId} has no held activity`);
  // Carers outer, activities inner: consecutive attendances land on different activity streams.
  const pairs: Array<{ activityId: string; carerId: string }> = [];
  for (const carer of carers)
    for (const activity of held)
      if (!activity.attendance.carers.some((c) => c.carerId === carer.id))
        pairs.push({ activityId: activity.id, carerId: carer.id });
  return { project, held, pairs, nextPair: 0, nextActivity: 0 };
}

/**
 * A round-robin of three cheap, valid commands, each with a fresh commandId (so none is replayed
 * or refused), spread over the write projects, each sent by its own agency's staff: a provider's
 * suggestion (a new stream each time), an anonymous satisfaction response to a held activity
 * (rotating over the project's held activities) and a carer's attendance at a held activity they
 * did not attend (each pair once; when a project's pairs run out that turn sends a suggestion).
 * Every answer must carry a position and `replayed: false`. Spreading the writes keeps the bench
 * from making a hot spot of a few activity streams: commands on one stream that overlap are
 * decided again on the fresh state, up to 5 times, then refused (CONCURRENT_MODIFICATION).
 */
export async function mutationMix(client: GraphQLClient, projects: readonly WriteProject[]): Promise<MutationMix> {
  const instruments = await client.all<{ surveyInstruments: never }, Instrument>(
    SURVEY_INSTRUMENTS,
    {},
    (data) => data.surveyInstruments,
  );
  const instrument = instruments
    .filter((i) => i.measures === 'satisfaction' && i.status === 'active')
    .sort((a, b) => a.itemCount - b.itemCount)[0];
  if (!instrument) throw new Error('no active satisfaction instrument');
  const pools: WritePool[] = [];
  for (const project of projects) pools.push(await writePool(client.as(project.token), project));
  const answers = Array.from({ length: instrument.itemCount }, (_, i) =>
    Math.min(instrument.scale.maximum, instrument.scale.minimum + (i % 3)),
  );

  const suggestion = (pool: WritePool): FreshRequest => ({
    token: pool.project.token,
    body: body(MAKE_SUGGESTION, {
      input: {
        commandId: randomUUID(),
        projectId: pool.project.projectId,
        suggestedByRole: 'provider',
        organisationId: pool.project.agencyId,
        topic: 'scheduling',
        description: 'Move the Thursday peer meeting to the morning so more carers can come (bench:api).',
      },
    }),
  });
  const satisfaction = (pool: WritePool): FreshRequest => ({
    token: pool.project.token,
    body: body(RECORD_SATISFACTION, {
      input: {
        commandId: randomUUID(),
        activityId: pool.held[pool.nextActivity++ % pool.held.length]!.id,
        instrumentId: instrument.id,
        answers,
      },
    }),
  });
  const attendance = (pool: WritePool): FreshRequest => {
    const pair = pool.pairs[pool.nextPair++];
    if (!pair) return suggestion(pool);
    return {
      token: pool.project.token,
      body: body(RECORD_ATTENDANCE, { input: { commandId: randomUUID(), ...pair } }),
    };
  };
  const kinds = [suggestion, satisfaction, attendance];
  let turn = 0;

  return {
    operation: {
      name: 'mutations',
      body: () => {
        const pool = pools[turn % pools.length]!;
        const kind = kinds[Math.floor(turn / pools.length) % kinds.length]!;
        turn++;
        return kind(pool);
      },
      check(status, responseBody) {
        const failure = graphqlFailure(status, responseBody);
        if (failure) return failure;
        if (!responseBody.includes('"position":"') || !responseBody.includes('"replayed":false'))
          return `unexpected mutation result: ${responseBody.slice(0, 200)}`;
        return null;
      },
    },
    description:
      `makeSuggestion, recordSatisfactionResponse (anonymous, ${instrument.itemCount}-item instrument) and ` +
      `recordCarerAttendance in turn over ${pools.length} project${pools.length === 1 ? '' : 's'}, each by its own agency ` +
      `(${pools.reduce((n, p) => n + p.held.length, 0)} held activities, ` +
      `${pools.reduce((n, p) => n + p.pairs.length, 0)} unused carer/activity pairs)`,
  };
}
