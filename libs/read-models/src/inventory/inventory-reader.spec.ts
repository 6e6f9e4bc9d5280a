import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CarerGender, PilotMoment, QuoteGender, RoleTurnout, WorkshopKind } from '#domain';
import {
  domainFact,
  fact,
  pilot,
  ReadModelHarness,
  readModelTestDatabases,
  type HistoryEvent,
} from '../testing/index.js';
import { inventoryProjection } from './inventory.projection.js';
import { DataInventoryReader } from './inventory-reader.js';
import { withholdSmallCarerGroups } from './inventory-table.js';

/*
 * A hand-made history of one project's evidence, and its inventory worked out by hand below. Every
 * date is noon UTC. Two events are stored at schema version 1 (before the inventory facts existed):
 * they read with their moment, duration and turnout not recorded.
 */
const projectId = 'inv-p';
const day = (at: string) => new Date(`${at}T12:00:00.000Z`);

const carer = (carerId: string, gender: CarerGender, at: string) =>
  domainFact(
    'CarerRegistered',
    {
      carerId,
      projectId,
      pseudonym: carerId,
      registeredByOrganisationId: 'org-a',
      personalData: null,
      gender,
      ageBand: 'undisclosed',
      weeklyCareHours: null,
      stressLevel: 'undisclosed',
      area: null,
      relationship: 'undisclosed',
    },
    at,
  );
const round = (
  roundId: string,
  method: 'interview' | 'reflexive_note',
  pilotMoment: PilotMoment,
  invited: Record<string, number>,
  at: string,
) =>
  domainFact(
    'CollectionRoundRecorded',
    {
      roundId,
      projectId,
      method,
      pilotMoment,
      invited: Object.entries(invited).map(([role, count]) => ({ role: role as 'carer', invited: count })),
    },
    at,
  );
const interview = (
  evidenceId: string,
  role: 'carer' | 'provider',
  ref: string,
  minutes: number,
  mode: 'face_to_face' | 'telephone' | 'video_call',
  pilotMoment: PilotMoment,
  gender: QuoteGender | null,
  at: string,
) =>
  domainFact(
    'InterviewRecorded',
    {
      evidenceId,
      projectId,
      intervieweeRole: role,
      intervieweeRef: ref,
      durationMinutes: minutes,
      mode,
      phase: 'pilot',
      pilotMoment,
      intervieweeGender: gender,
    },
    at,
  );
const workshop = (
  evidenceId: string,
  workshopKind: WorkshopKind,
  minutes: number,
  pilotMoment: PilotMoment,
  turnout: RoleTurnout[],
  at: string,
) => {
  const took = (role: string) => turnout.find((line) => line.role === role)?.tookPart ?? 0;
  return domainFact(
    'WorkshopRecorded',
    {
      evidenceId,
      projectId,
      workshopKind,
      participants: { carers: took('carer'), providers: took('provider'), researchers: took('researcher') },
      audioRecorded: false,
      durationMinutes: minutes,
      pilotMoment,
      turnout,
    },
    at,
  );
};
const note = (evidenceId: string, author: string, pilotMoment: PilotMoment, gender: QuoteGender | null, at: string) =>
  domainFact(
    'ReflexiveNoteRecorded',
    {
      evidenceId,
      projectId,
      authorMemberId: author,
      phase: 'pilot',
      text: 'A note.',
      pilotMoment,
      authorGender: gender,
    },
    at,
  );
/** An event as a release before the inventory stored it. */
const version1 = (event: HistoryEvent): HistoryEvent => ({ ...event, event: { ...event.event, schemaVersion: 1 } });
const turnout = (role: RoleTurnout['role'], invited: number | null, tookPart: number, f = 0, m = 0, o = 0) => ({
  role,
  invited,
  tookPart,
  female: f,
  male: m,
  other: o,
});

const history: HistoryEvent[] = [
  pilot(projectId).launch('2025-01-01'),
  carer('c1', 'female', '2025-01-02'),
  carer('c2', 'female', '2025-01-02'),
  carer('c3', 'male', '2025-01-02'),
  carer('c4', 'undisclosed', '2025-01-02'),
  // A v1 co-design workshop: participants only.
  version1(
    fact(
      'WorkshopRecorded',
      {
        evidenceId: 'w3',
        projectId,
        workshopKind: 'co_design_workshop',
        participants: { carers: 5, providers: 2, researchers: 3 },
        audioRecorded: false,
      },
      '2025-01-10',
    ),
  ),
  round('r3', 'reflexive_note', 'middle', { researcher: 8 }, '2025-02-01'),
  note('n1', 'm-42', 'middle', 'female', '2025-02-10'),
  round('r1', 'interview', 'middle', { carer: 10, provider: 3 }, '2025-03-01'),
  note('n2', 'm-42', 'middle', null, '2025-03-05'),
  interview('i1', 'carer', 'c1', 40, 'face_to_face', 'middle', null, '2025-03-10'),
  // c3 registered as male: the registration's gender wins over what the interview says.
  interview('i2', 'carer', 'c3', 50, 'telephone', 'middle', 'female', '2025-03-12'),
  interview('i3', 'provider', 'm-1', 60, 'video_call', 'middle', 'female', '2025-03-15'),
  workshop(
    'w1',
    'co_assessment_workshop',
    120,
    'middle',
    [turnout('carer', 26, 9, 7, 2), turnout('provider', 4, 3, 3), turnout('researcher', 8, 2, 1, 1)],
    '2025-03-20',
  ),
  note('n3', 'm-43', 'middle', 'male', '2025-03-25'),
  // A v1 interview: no moment of the pilot, no gender (c2 is registered as female).
  version1(
    fact(
      'InterviewRecorded',
      {
        evidenceId: 'i7',
        projectId,
        intervieweeRole: 'carer',
        intervieweeRef: 'c2',
        durationMinutes: 20,
        mode: 'face_to_face',
        phase: 'pilot',
      },
      '2025-04-01',
    ),
  ),
  round('r2', 'interview', 'end', { carer: 12 }, '2025-06-01'),
  interview('i4', 'carer', 'c1', 30, 'telephone', 'end', null, '2025-06-10'),
  interview('i5', 'carer', 'c4', 45, 'face_to_face', 'end', null, '2025-06-11'),
  // Not a registered carer: the interview's gender is all there is.
  interview('i6', 'carer', 'x-9', 35, 'telephone', 'end', 'male', '2025-06-12'),
  workshop(
    'w2',
    'co_assessment_workshop',
    90,
    'end',
    [
      turnout('carer', 20, 6, 4, 1),
      turnout('provider', 4, 2, 1, 1),
      turnout('researcher', 8, 3, 2),
      turnout('practitioner', 2, 1, 0, 1),
    ],
    '2025-06-20',
  ),
  // No round for the notes at the end: how many were invited is not recorded.
  note('n4', 'm-44', 'end', null, '2025-06-25'),
];

const modes = (faceToFace: number, telephone: number, videoCall: number) => [
  { mode: 'face_to_face', interviews: faceToFace },
  { mode: 'telephone', interviews: telephone },
  { mode: 'video_call', interviews: videoCall },
];
const role = (
  name: string,
  invited: number | null,
  tookPart: number,
  female: number,
  male: number,
  other: number,
  undisclosed: number,
) => ({ role: name, invited, tookPart, female, male, other, undisclosed, withheld: false });

// The reader's SQL and the jsonb turnout read back alike on both engines.
describe.each(readModelTestDatabases('inventory'))('the data inventory on %s', (_engine, database) => {
  let harness: ReadModelHarness;
  let reader: DataInventoryReader;

  beforeAll(async () => {
    harness = await ReadModelHarness.open({ projections: [inventoryProjection], database });
    await harness.append(history);
    await harness.project();
    reader = new DataInventoryReader(harness.database);
  });

  afterAll(async () => {
    await harness.close();
  });

  it('prints one row per method and moment of the pilot, worked out by hand', async () => {
    const inventory = await reader.inventory({ projectId });
    expect(inventory.rows).toEqual([
      {
        // i1 (c1, registered female), i2 (c3, registered male), i3 (a provider, female); round r1.
        method: 'interview',
        pilotMoment: 'middle',
        count: 3,
        firstOn: day('2025-03-10'),
        lastOn: day('2025-03-15'),
        durationsRecorded: 3,
        totalMinutes: 150, // 40 + 50 + 60
        averageMinutes: 50,
        modes: modes(1, 1, 1),
        roles: [role('carer', 10, 2, 1, 1, 0, 0), role('provider', 3, 1, 1, 0, 0, 0)],
        tookPart: 3,
        invited: 13,
      },
      {
        // i4 (c1 again: female), i5 (c4: undisclosed at registration), i6 (not registered: male); round r2.
        method: 'interview',
        pilotMoment: 'end',
        count: 3,
        firstOn: day('2025-06-10'),
        lastOn: day('2025-06-12'),
        durationsRecorded: 3,
        totalMinutes: 110, // 30 + 45 + 35
        averageMinutes: 36.7, // 110 / 3 = 36.67
        modes: modes(1, 2, 0),
        roles: [role('carer', 12, 3, 1, 1, 0, 1)],
        tookPart: 3,
        invited: 12,
      },
      {
        // i7, stored at v1: no moment, no round covers it.
        method: 'interview',
        pilotMoment: null,
        count: 1,
        firstOn: day('2025-04-01'),
        lastOn: day('2025-04-01'),
        durationsRecorded: 1,
        totalMinutes: 20,
        averageMinutes: 20,
        modes: modes(1, 0, 0),
        roles: [role('carer', null, 1, 1, 0, 0, 0)],
        tookPart: 1,
        invited: null,
      },
      {
        // w3, stored at v1: its participants, nothing else.
        method: 'co_design_workshop',
        pilotMoment: null,
        count: 1,
        firstOn: day('2025-01-10'),
        lastOn: day('2025-01-10'),
        durationsRecorded: 0,
        totalMinutes: null,
        averageMinutes: null,
        modes: modes(0, 0, 0),
        roles: [
          role('carer', null, 5, 0, 0, 0, 5),
          role('provider', null, 2, 0, 0, 0, 2),
          role('researcher', null, 3, 0, 0, 0, 3),
        ],
        tookPart: 10,
        invited: null,
      },
      {
        method: 'co_assessment_workshop',
        pilotMoment: 'middle',
        count: 1,
        firstOn: day('2025-03-20'),
        lastOn: day('2025-03-20'),
        durationsRecorded: 1,
        totalMinutes: 120,
        averageMinutes: 120,
        modes: modes(0, 0, 0),
        roles: [
          role('carer', 26, 9, 7, 2, 0, 0),
          role('provider', 4, 3, 3, 0, 0, 0),
          role('researcher', 8, 2, 1, 1, 0, 0),
        ],
        tookPart: 14,
        invited: 38,
      },
      {
        method: 'co_assessment_workshop',
        pilotMoment: 'end',
        count: 1,
        firstOn: day('2025-06-20'),
        lastOn: day('2025-06-20'),
        durationsRecorded: 1,
        totalMinutes: 90,
        averageMinutes: 90,
        modes: modes(0, 0, 0),
        roles: [
          role('carer', 20, 6, 4, 1, 0, 1),
          role('provider', 4, 2, 1, 1, 0, 0),
          role('researcher', 8, 3, 2, 0, 0, 1),
          role('practitioner', 2, 1, 0, 1, 0, 0),
        ],
        tookPart: 12,
        invited: 34,
      },
      {
        // n1, n2 by m-42 (female, given once), n3 by m-43 (male): 2 researchers out of 8 (round r3).
        method: 'reflexive_note',
        pilotMoment: 'middle',
        count: 3,
        firstOn: day('2025-02-10'),
        lastOn: day('2025-03-25'),
        durationsRecorded: 0,
        totalMinutes: null,
        averageMinutes: null,
        modes: modes(0, 0, 0),
        roles: [role('researcher', 8, 2, 1, 1, 0, 0)],
        tookPart: 2,
        invited: 8,
      },
      {
        method: 'reflexive_note',
        pilotMoment: 'end',
        count: 1,
        firstOn: day('2025-06-25'),
        lastOn: day('2025-06-25'),
        durationsRecorded: 0,
        totalMinutes: null,
        averageMinutes: null,
        modes: modes(0, 0, 0),
        roles: [role('researcher', null, 1, 0, 0, 0, 1)],
        tookPart: 1,
        invited: null,
      },
    ]);
  });

  it('sums each method over its moments, people once per method, workshops per attendance', async () => {
    const { methods } = await reader.inventory({ projectId });
    expect(methods.map((line) => [line.method, line.pilotMoment, line.count])).toEqual([
      ['interview', null, 7],
      ['co_design_workshop', null, 1],
      ['co_assessment_workshop', null, 2],
      ['reflexive_note', null, 4],
    ]);
    const [interviews, , workshops, notes] = methods;
    expect(interviews).toMatchObject({
      firstOn: day('2025-03-10'),
      lastOn: day('2025-06-12'),
      durationsRecorded: 7,
      totalMinutes: 280, // 150 + 110 + 20
      averageMinutes: 40,
      modes: modes(3, 3, 1),
      // c1 was interviewed twice: five carers (c1, c3, c2 female/male/female; c4 undisclosed; x-9 male).
      // i7 is covered by no round, so the carers' invitations are not known for the method.
      roles: [role('carer', null, 5, 2, 2, 0, 1), role('provider', 3, 1, 1, 0, 0, 0)],
      tookPart: 6,
      invited: null,
    });
    expect(workshops).toMatchObject({
      totalMinutes: 210,
      averageMinutes: 105,
      roles: [
        role('carer', 46, 15, 11, 3, 0, 1),
        role('provider', 8, 5, 4, 1, 0, 0),
        role('researcher', 16, 5, 3, 1, 0, 1),
        role('practitioner', 2, 1, 0, 1, 0, 0),
      ],
      tookPart: 26,
      invited: 72,
    });
    expect(notes).toMatchObject({ roles: [role('researcher', null, 3, 1, 1, 0, 1)], tookPart: 3, invited: null });
  });

  it('totals every method', async () => {
    const { total } = await reader.inventory({ projectId });
    expect(total).toEqual({
      method: null,
      pilotMoment: null,
      count: 14, // 7 interviews, 3 workshops, 4 notes
      firstOn: day('2025-01-10'),
      lastOn: day('2025-06-25'),
      durationsRecorded: 9, // the interviews and w1, w2
      totalMinutes: 490, // 280 + 120 + 90
      averageMinutes: 54.4, // 490 / 9 = 54.44
      modes: modes(3, 3, 1),
      roles: [
        // Attendances 5 + 9 + 6 (7 + 4 female, 2 + 1 male) and the five carers interviewed (2 female, 2 male).
        role('carer', null, 25, 13, 5, 0, 7),
        // Attendances 2 + 3 + 2 (3 + 1 female, 1 male) and m-1 (female).
        role('provider', null, 8, 5, 1, 0, 2),
        // Attendances 3 + 2 + 3 (1 + 2 female, 1 male) and the authors m-42 (female), m-43 (male), m-44.
        role('researcher', null, 11, 4, 2, 0, 5),
        role('practitioner', 2, 1, 0, 1, 0, 0),
      ],
      tookPart: 45,
      invited: null,
    });
  });

  it('travels in time: as of the end of March, only what had happened by then', async () => {
    const inventory = await reader.inventory({ projectId, asOf: new Date('2025-03-31T00:00:00.000Z') });
    expect(inventory.rows.map((line) => [line.method, line.pilotMoment, line.count, line.tookPart])).toEqual([
      ['interview', 'middle', 3, 3],
      ['co_design_workshop', null, 1, 10],
      ['co_assessment_workshop', 'middle', 1, 14],
      ['reflexive_note', 'middle', 3, 2],
    ]);
    expect(inventory.total).toMatchObject({ count: 8, totalMinutes: 270, averageMinutes: 67.5 }); // 150 + 120 over 4
    // Nothing was recorded yet at the epoch: an empty inventory of a known project.
    const known = await reader.inventory({ projectId, knownAt: new Date(0) });
    expect(known).toMatchObject({ rows: [], methods: [], total: { count: 0, roles: [], invited: null, tookPart: 0 } });
  });

  it('refuses a project never launched and a malformed id', async () => {
    await expect(reader.inventory({ projectId: 'nowhere' })).rejects.toMatchObject({ reason: 'PROJECT_NOT_FOUND' });
    await expect(reader.inventory({ projectId: 'a b' })).rejects.toMatchObject({ reason: 'INVALID_ID' });
    await expect(reader.inventory({ projectId, asOf: new Date('x') })).rejects.toMatchObject({
      reason: 'INVALID_DATE',
    });
  });
});

describe('withholding small groups of carers', () => {
  const line = (carers: number, female: number) => ({
    method: null,
    pilotMoment: null,
    count: 1,
    firstOn: null,
    lastOn: null,
    durationsRecorded: 0,
    totalMinutes: null,
    averageMinutes: null,
    modes: [],
    roles: [
      {
        role: 'carer' as const,
        invited: 9,
        tookPart: carers,
        female,
        male: 0,
        other: 0,
        undisclosed: carers - female,
        withheld: false,
      },
      {
        role: 'provider' as const,
        invited: 2,
        tookPart: 1,
        female: 1,
        male: 0,
        other: 0,
        undisclosed: 0,
        withheld: false,
      },
    ],
    tookPart: carers + 1,
    invited: 11,
  });

  it("withholds the carers' genders of a line with fewer carers than the threshold, and nothing else", () => {
    const table = { rows: [line(4, 3), line(5, 3)], methods: [line(0, 0)], total: line(9, 6) };
    const withheld = withholdSmallCarerGroups(table, 5);
    expect(withheld.rows[0]!.roles).toEqual([
      {
        role: 'carer',
        invited: 9,
        tookPart: 4,
        female: null,
        male: null,
        other: null,
        undisclosed: null,
        withheld: true,
      },
      table.rows[0]!.roles[1],
    ]);
    expect(withheld.rows[1]).toEqual(table.rows[1]);
    expect(withheld.methods).toEqual(table.methods); // nobody took part: nothing to single out
    expect(withheld.total).toEqual(table.total);
  });
});
