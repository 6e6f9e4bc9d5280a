import { afterEach, describe, expect, it } from '@jest/globals';
import { upcast } from '#domain';
import { physicalTable } from '#projections';
import { normalisedScore } from './fact-handlers.js';
import { factOf, SIGNAL_FACT_EVENT_TYPES } from './facts.js';
import { signalFactsProjection } from './signal-facts.projection.js';
import { fact, SignalsHarness, type HistoryEvent } from './testing/signals-harness.js';

const launch = (projectId: string, territoryId: string) =>
  fact(
    'ProjectLaunched',
    {
      projectId,
      programmeId: null,
      territoryId,
      name: 'p',
      eligibleCarers: 10,
      pilotMonths: 6,
      startsOn: '2025-01-01',
      targets: {
        reachShare: 0.5,
        trainingCoursesPerMonth: 1,
        peerMeetingsPerMonth: 1,
        committeeEveryMonths: 3,
        satisfactionThreshold: 0.75,
        understandingThreshold: 0.75,
      },
    },
    '2025-01-01',
  );

function atVersion1(history: HistoryEvent): HistoryEvent {
  return { ...history, event: { ...history.event, schemaVersion: 1 } };
}

const HISTORY: HistoryEvent[] = [
  launch('p1', 'north'),
  fact('CarerInvitationAccepted', { projectId: 'p1', carerId: 'c1', invitationId: 'i1', channel: 'gp' }, '2025-01-02'),
  fact('CarerRegistered', { projectId: 'p1', carerId: 'c1' }, '2025-01-02'),
  launch('p2', 'south'),
  fact(
    'CarerInvitationDeclined',
    { projectId: 'p2', carerId: 'c2', invitationId: 'i2', channel: 'tv', reason: 'mistrust', note: null },
    '2025-01-03',
  ),
  fact(
    'SatisfactionSurveyAnswered',
    {
      activityId: 'a1',
      projectId: 'p1',
      carerId: null,
      instrumentId: 's',
      itemIds: ['x', 'y'],
      scaleMin: 1,
      scaleMax: 4,
      answers: [4, 3],
    },
    '2025-01-04',
  ),
  fact(
    'CoordinationMeetingHeld',
    {
      projectId: 'p2',
      meetingId: 'm1',
      format: 'phone',
      attendingOrganisationIds: ['o1', 'o2'],
      attendingMemberIds: ['x'],
      durationMinutes: 30,
    },
    '2025-01-05',
  ),
  fact(
    'TerritorySignalFrameworkAdopted',
    { programmeId: 'prog', territoryId: 'south', frameworkId: 'f', version: 2 },
    '2025-01-06',
  ),
  // Stored at schema version 1: no decision-maker, no consultation recorded.
  atVersion1(
    fact('ActivityCancelled', { activityId: 'a2', projectId: 'p1', reason: 'Expected low turnout' }, '2025-01-07'),
  ),
  fact('CarerAttendedActivity', { activityId: 'a1', projectId: 'p1', carerId: 'c1' }, '2025-01-08'),
];

type Row = Record<string, unknown>;

describe('signal-facts projection', () => {
  let harness: SignalsHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const rows = async (h: SignalsHarness) =>
    h.database.query<Row>(
      `select event_id, project_id, territory_id, kind, subject_id, carer_id, activity_id, organisation_id, category, detail,
              flag, amount, total, occurred_at, data
       from rm_signal_facts order by occurred_at, kind`,
    );

  it('writes one fact per relevant event, carrying the territory of the project', async () => {
    harness = await SignalsHarness.open();
    await harness.append(HISTORY);
    await harness.project(3);
    const facts = await rows(harness);
    // CarerRegistered is not a signal fact.
    expect(facts.map((f) => f.kind)).toEqual([
      'project_launched',
      'project_launched',
      'invitation_answered',
      'invitation_answered',
      'survey_answered',
      'meeting_held',
      'framework_adopted',
      'activity_cancelled',
      'carer_attended',
    ]);
    expect(facts.find((f) => f.carer_id === 'c1')).toMatchObject({ territory_id: 'north', flag: true, category: 'gp' });
    expect(facts.find((f) => f.carer_id === 'c2')).toMatchObject({
      territory_id: 'south',
      flag: false,
      detail: 'mistrust',
    });
    // (4/4 + 3/4) / 2
    expect(facts.find((f) => f.kind === 'survey_answered')).toMatchObject({ amount: 0.875, total: 2, carer_id: null });
    expect(facts.find((f) => f.kind === 'meeting_held')!.data).toEqual({ organisations: ['o1', 'o2'] });
    expect(facts.find((f) => f.kind === 'framework_adopted')).toMatchObject({
      project_id: null,
      territory_id: 'south',
      subject_id: 'f',
      amount: 2,
    });
    // Upcast from v1: consultation unknown (null), never false.
    expect(facts.find((f) => f.kind === 'activity_cancelled')).toMatchObject({
      flag: null,
      category: 'unknown',
      detail: 'expected_low_turnout',
      territory_id: 'north',
    });
  });

  it('is idempotent and gives the same rows whatever the batch size', async () => {
    harness = await SignalsHarness.open();
    await harness.append(HISTORY);
    await harness.project(1);
    const oneByOne = await rows(harness);

    // Applying the whole log again in one batch writes nothing new.
    const events = (await harness.log()).map((event) => upcast(event));
    await harness.database.transaction((tx) =>
      signalFactsProjection.apply(events, { tx, table: (name) => physicalTable(name, 1) }),
    );
    expect(await rows(harness)).toEqual(oneByOne);

    const other = await SignalsHarness.open();
    try {
      await other.copy(await harness.log());
      await other.project(100);
      expect(await rows(other)).toEqual(oneByOne);
    } finally {
      await other.close();
    }
  });

  it('maps every subscribed event type', () => {
    expect(SIGNAL_FACT_EVENT_TYPES).toHaveLength(new Set(SIGNAL_FACT_EVENT_TYPES).size);
    expect(signalFactsProjection.eventTypes).toBe(SIGNAL_FACT_EVENT_TYPES);
    const unknown = factOf(
      {
        ...HISTORY[2]!.event,
        streamId: 's',
        revision: 0n,
        position: { commit: 1n, prepare: 1n },
        recordedAt: new Date(),
      },
      () => null,
    );
    expect(unknown).toBeNull();
  });

  it('normalises survey scores as answer / scale maximum', () => {
    expect(normalisedScore([3, 3, 2], 3)).toBeCloseTo(8 / 9, 12);
    expect(normalisedScore([], 3)).toBeNull();
    expect(normalisedScore([1], 0)).toBeNull();
  });
});
