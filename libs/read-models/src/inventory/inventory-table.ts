import {
  EVIDENCE_KINDS,
  INTERVIEW_MODES,
  PARTICIPANT_ROLES,
  PILOT_MOMENTS,
  type EvidenceKind,
  type InterviewMode,
  type ParticipantRole,
  type PilotMoment,
} from '#domain';
import { round } from '../shared/index.js';

/**
 * The inventory table computed from the visible facts, in memory: a project's evidence is tens or
 * hundreds of rows. Every figure is defined in docs/inventory.md; the rules in brief:
 *
 * - people who took part: for interviews and reflexive notes, distinct people (by role and
 *   pseudonymous reference) within the line; for workshops, attendances (someone at two workshops
 *   counts twice), since a workshop records counts, not people;
 * - invited: the sum of what the line's rounds (interviews, notes) or workshops recorded; null as
 *   soon as a workshop did not record it for that role, or someone took part at a moment no round
 *   of that role covers: never a partial sum;
 * - genders: a registered carer's from their registration, else what the evidence disclosed; the
 *   rest `undisclosed` (not disclosed, or not recorded);
 * - durations: total and average over the interviews and workshops whose duration is recorded.
 */

/** An evidence fact or a round, as the reader hands it over. */
export type InventoryEntry =
  | {
      readonly kind: 'interview' | 'reflexive_note';
      readonly method: EvidenceKind;
      readonly pilotMoment: PilotMoment | null;
      readonly at: Date;
      readonly durationMinutes: number | null;
      readonly mode: InterviewMode | null;
      readonly role: ParticipantRole;
      readonly ref: string;
      readonly gender: string | null;
    }
  | {
      readonly kind: 'workshop';
      readonly method: EvidenceKind;
      readonly pilotMoment: PilotMoment | null;
      readonly at: Date;
      readonly durationMinutes: number | null;
      readonly turnout: readonly PeopleCount[];
    }
  | {
      readonly kind: 'collection_round';
      readonly method: EvidenceKind;
      readonly pilotMoment: PilotMoment;
      readonly invited: readonly { readonly role: ParticipantRole; readonly invited: number }[];
    };

export interface PeopleCount {
  readonly role: ParticipantRole;
  readonly invited: number | null;
  readonly tookPart: number;
  readonly female: number;
  readonly male: number;
  readonly other: number;
}

/** One role in one line: "took part of invited", with the genders of those who took part. */
export interface InventoryRoleLine {
  readonly role: ParticipantRole;
  /** Null when not recorded for every round or workshop of the line. */
  readonly invited: number | null;
  readonly tookPart: number;
  /** The genders below are null only when withheld (carers, small group: `withholdSmallCarerGroups`). */
  readonly female: number | null;
  readonly male: number | null;
  readonly other: number | null;
  /** Took part without a disclosed (or recorded) gender: `tookPart - female - male - other`. */
  readonly undisclosed: number | null;
  /** True when the genders were withheld. */
  readonly withheld: boolean;
}

export interface InventoryModeCount {
  readonly mode: InterviewMode;
  readonly interviews: number;
}

export interface InventoryLine {
  /** Null on the total line. */
  readonly method: EvidenceKind | null;
  /** On a row, null when the evidence did not record it; null on the method and total lines. */
  readonly pilotMoment: PilotMoment | null;
  /** Interviews, workshops (sessions) or notes. */
  readonly count: number;
  readonly firstOn: Date | null;
  readonly lastOn: Date | null;
  /** How many of `count` recorded a duration (notes never do). */
  readonly durationsRecorded: number;
  /** Null when no duration is recorded. */
  readonly totalMinutes: number | null;
  /** `totalMinutes / durationsRecorded`, to one decimal; null when no duration is recorded. */
  readonly averageMinutes: number | null;
  /** Interviews per mode, every mode listed (zeros on lines without interviews). */
  readonly modes: readonly InventoryModeCount[];
  /** Roles invited or taking part, in the domain's order of roles. */
  readonly roles: readonly InventoryRoleLine[];
  /** People who took part, every role (same counting as the roles). */
  readonly tookPart: number;
  /** Invited, every role; null when any role's invitations are not recorded. */
  readonly invited: number | null;
}

export interface InventoryTable {
  /** One row per method and moment of the pilot, in the order of EVIDENCE_KINDS then PILOT_MOMENTS (not recorded last). */
  readonly rows: readonly InventoryLine[];
  /** One line per method over every moment. */
  readonly methods: readonly InventoryLine[];
  readonly total: InventoryLine;
}

type Gender = 'female' | 'male' | 'other';
const genderOf = (value: string | null | undefined): Gender | null =>
  value === 'female' || value === 'male' || value === 'other' ? value : null;

interface RoleTally {
  invited: number | null;
  /** Whether some source of the line did not record the invitations (then `invited` is null). */
  invitedUnknown: boolean;
  attendances: number;
  female: number;
  male: number;
  other: number;
  /** Distinct people (interviews, notes) and their gender, by reference. */
  people: Map<string, Gender | null>;
}

function tallyFor(tallies: Map<ParticipantRole, RoleTally>, role: ParticipantRole): RoleTally {
  let tally = tallies.get(role);
  if (!tally) {
    tally = { invited: null, invitedUnknown: false, attendances: 0, female: 0, male: 0, other: 0, people: new Map() };
    tallies.set(role, tally);
  }
  return tally;
}

function addInvited(tally: RoleTally, invited: number | null): void {
  if (invited === null) tally.invitedUnknown = true;
  else tally.invited = (tally.invited ?? 0) + invited;
}

const roundKey = (method: EvidenceKind, moment: PilotMoment | null, role: ParticipantRole) =>
  `${method}|${moment}|${role}`;

/** For interviews and notes, the gender to count a person by: their registration's, else the evidence's. */
export type CarerGenders = ReadonlyMap<string, string>;

function line(
  method: EvidenceKind | null,
  pilotMoment: PilotMoment | null,
  entries: readonly InventoryEntry[],
  carerGenders: CarerGenders,
): InventoryLine {
  const tallies = new Map<ParticipantRole, RoleTally>();
  const modes = new Map<InterviewMode, number>(INTERVIEW_MODES.map((mode) => [mode, 0]));
  let count = 0;
  let durationsRecorded = 0;
  let totalMinutes = 0;
  let first: number | null = null;
  let last: number | null = null;
  // Which method, moment and role a round recorded invitations for: people interviewed (or writing
  // notes) at a moment no round covers were invited in a way nobody recorded.
  const rounds = new Set(
    entries.flatMap((entry) =>
      entry.kind === 'collection_round'
        ? entry.invited.map(({ role }) => roundKey(entry.method, entry.pilotMoment, role))
        : [],
    ),
  );
  for (const entry of entries) {
    if (entry.kind === 'collection_round') {
      for (const { role, invited } of entry.invited) addInvited(tallyFor(tallies, role), invited);
      continue;
    }
    count++;
    const time = entry.at.getTime();
    first = first === null ? time : Math.min(first, time);
    last = last === null ? time : Math.max(last, time);
    if (entry.durationMinutes !== null) {
      durationsRecorded++;
      totalMinutes += entry.durationMinutes;
    }
    if (entry.kind === 'workshop') {
      for (const people of entry.turnout) {
        const tally = tallyFor(tallies, people.role);
        addInvited(tally, people.invited);
        tally.attendances += people.tookPart;
        tally.female += people.female;
        tally.male += people.male;
        tally.other += people.other;
      }
      continue;
    }
    if (entry.mode !== null) modes.set(entry.mode, (modes.get(entry.mode) ?? 0) + 1);
    const tally = tallyFor(tallies, entry.role);
    if (!rounds.has(roundKey(entry.method, entry.pilotMoment, entry.role))) tally.invitedUnknown = true;
    const registered = entry.role === 'carer' ? carerGenders.get(entry.ref) : undefined;
    // A registered carer's gender is theirs; otherwise the latest the evidence disclosed.
    const gender = registered !== undefined ? genderOf(registered) : genderOf(entry.gender);
    const known = tally.people.get(entry.ref) ?? null;
    tally.people.set(entry.ref, registered !== undefined ? gender : (gender ?? known));
  }
  const roles = PARTICIPANT_ROLES.flatMap((role): InventoryRoleLine[] => {
    const tally = tallies.get(role);
    if (!tally) return [];
    const genders = [...tally.people.values()];
    const female = tally.female + genders.filter((g) => g === 'female').length;
    const male = tally.male + genders.filter((g) => g === 'male').length;
    const other = tally.other + genders.filter((g) => g === 'other').length;
    const tookPart = tally.attendances + tally.people.size;
    return [
      {
        role,
        invited: tally.invitedUnknown ? null : tally.invited,
        tookPart,
        female,
        male,
        other,
        undisclosed: tookPart - female - male - other,
        withheld: false,
      },
    ];
  });
  const invitedKnown = roles.every((role) => role.invited !== null);
  return {
    method,
    pilotMoment,
    count,
    firstOn: first === null ? null : new Date(first),
    lastOn: last === null ? null : new Date(last),
    durationsRecorded,
    totalMinutes: durationsRecorded > 0 ? totalMinutes : null,
    averageMinutes: durationsRecorded > 0 ? round(totalMinutes / durationsRecorded, 1) : null,
    modes: INTERVIEW_MODES.map((mode) => ({ mode, interviews: modes.get(mode) ?? 0 })),
    roles,
    tookPart: roles.reduce((sum, role) => sum + role.tookPart, 0),
    invited: invitedKnown && roles.length > 0 ? roles.reduce((sum, role) => sum + (role.invited ?? 0), 0) : null,
  };
}

const MOMENT_ORDER: readonly (PilotMoment | null)[] = [...PILOT_MOMENTS, null];

/** The inventory table of the entries of one project. */
export function inventoryTable(entries: readonly InventoryEntry[], carerGenders: CarerGenders): InventoryTable {
  const rows: InventoryLine[] = [];
  const methods: InventoryLine[] = [];
  for (const method of EVIDENCE_KINDS) {
    const ofMethod = entries.filter((entry) => entry.method === method);
    if (ofMethod.length === 0) continue;
    for (const moment of MOMENT_ORDER) {
      const ofMoment = ofMethod.filter((entry) => entry.pilotMoment === moment);
      if (ofMoment.length > 0) rows.push(line(method, moment, ofMoment, carerGenders));
    }
    methods.push(line(method, null, ofMethod, carerGenders));
  }
  return { rows, methods, total: line(null, null, entries, carerGenders) };
}

/**
 * For callers who may not identify carers: the carers' gender counts of a line are withheld (null)
 * when fewer than `minCarers` carers (but some) took part in it, since "1 male carer interviewed at
 * the end" may single a carer out. Counts of people stay: they are what the study reports.
 */
export function withholdSmallCarerGroups<T extends InventoryTable>(table: T, minCarers: number): T {
  const withhold = (line: InventoryLine): InventoryLine => ({
    ...line,
    roles: line.roles.map((role) =>
      role.role === 'carer' && role.tookPart > 0 && role.tookPart < minCarers
        ? { ...role, female: null, male: null, other: null, undisclosed: null, withheld: true }
        : role,
    ),
  });
  return {
    ...table,
    rows: table.rows.map(withhold),
    methods: table.methods.map(withhold),
    total: withhold(table.total),
  };
}
