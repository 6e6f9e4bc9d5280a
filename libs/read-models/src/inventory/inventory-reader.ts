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
import type { SqlExecutor } from '#database';
import { readSideError, requireId, validDate } from '../shared/index.js';
import { INVENTORY_FACTS_TABLE } from './inventory.projection.js';
import { inventoryTable, type InventoryEntry, type InventoryTable, type PeopleCount } from './inventory-table.js';

export interface DataInventoryRequest {
  readonly projectId: string;
  /** Only facts that occurred at or before this moment. */
  readonly asOf?: Date | null;
  /** Only facts recorded at or before this moment. */
  readonly knownAt?: Date | null;
}

export interface DataInventory extends InventoryTable {
  readonly projectId: string;
  readonly asOf: Date | null;
  readonly knownAt: Date | null;
}

interface FactRow {
  readonly kind: string;
  readonly subject_id: string;
  readonly method: string | null;
  readonly pilot_moment: string | null;
  readonly duration_minutes: number | string | null;
  readonly interview_mode: string | null;
  readonly person_role: string | null;
  readonly person_ref: string | null;
  readonly gender: string | null;
  readonly people: unknown;
  readonly occurred_at: Date | string;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
const countOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    : [];

/** A stored workshop turnout, read defensively: unknown roles are left out, odd counts read as 0 (invited as null). */
function peopleCounts(value: unknown): PeopleCount[] {
  return list(value).flatMap((item) => {
    const role = oneOf(PARTICIPANT_ROLES, typeof item.role === 'string' ? item.role : null);
    if (!role) return [];
    return [
      {
        role,
        invited: countOrNull(item.invited),
        tookPart: count(item.tookPart),
        female: count(item.female),
        male: count(item.male),
        other: count(item.other),
      },
    ];
  });
}

/** A fact row as an inventory entry, or null when it cannot be one (a method or person it does not know). */
function entryOf(row: FactRow): InventoryEntry | null {
  const method = oneOf<EvidenceKind>(EVIDENCE_KINDS, row.method);
  const pilotMoment = oneOf<PilotMoment>(PILOT_MOMENTS, row.pilot_moment);
  if (!method) return null;
  const at = new Date(row.occurred_at);
  const durationMinutes = row.duration_minutes === null ? null : Number(row.duration_minutes);
  switch (row.kind) {
    case 'interview':
    case 'reflexive_note': {
      const role = oneOf<ParticipantRole>(PARTICIPANT_ROLES, row.person_role);
      if (!role || row.person_ref === null) return null;
      return {
        kind: row.kind,
        method,
        pilotMoment,
        at,
        durationMinutes,
        mode: oneOf<InterviewMode>(INTERVIEW_MODES, row.interview_mode),
        role,
        ref: row.person_ref,
        gender: row.gender,
      };
    }
    case 'workshop':
      return { kind: 'workshop', method, pilotMoment, at, durationMinutes, turnout: peopleCounts(row.people) };
    case 'collection_round': {
      if (!pilotMoment) return null;
      const invited = list(row.people).flatMap((item) => {
        const role = oneOf(PARTICIPANT_ROLES, typeof item.role === 'string' ? item.role : null);
        return role ? [{ role, invited: count(item.invited) }] : [];
      });
      return { kind: 'collection_round', method, pilotMoment, invited };
    }
    default:
      return null;
  }
}

/**
 * A project's data inventory (docs/inventory.md): per method and moment of the pilot, how many
 * interviews, workshops or notes, who took part of how many invited with their genders, when, how
 * long; per method; and in total. Computed at query time from the inventory facts, every fact
 * obeying `asOf` (occurred by then) and `knownAt` (recorded by then), so an inventory as of T is
 * the inventory of the history truncated at T.
 */
export class DataInventoryReader {
  constructor(private readonly database: SqlExecutor) {}

  async inventory(request: DataInventoryRequest): Promise<DataInventory> {
    const projectId = request.projectId;
    requireId('projectId', projectId);
    const asOf = validDate('asOf', request.asOf);
    const knownAt = validDate('knownAt', request.knownAt);
    const rows = await this.database.query<FactRow>(
      `select kind, subject_id, method, pilot_moment, duration_minutes, interview_mode, person_role, person_ref,
              gender, people, occurred_at
         from ${INVENTORY_FACTS_TABLE}
        where project_id = $1
          and ($2::timestamptz is null or occurred_at <= $2::timestamptz)
          and ($3::timestamptz is null or recorded_at <= $3::timestamptz)
        order by occurred_at, pos_commit, pos_prepare`,
      [projectId, asOf?.toISOString() ?? null, knownAt?.toISOString() ?? null],
    );
    await this.requireLaunched(projectId);
    const carerGenders = new Map(
      rows.filter((row) => row.kind === 'carer_registered').map((row) => [row.subject_id, row.gender ?? 'undisclosed']),
    );
    const entries = rows.flatMap((row) => entryOf(row) ?? []);
    return { projectId, asOf, knownAt, ...inventoryTable(entries, carerGenders) };
  }

  /** A project never launched is unknown whatever asOf/knownAt say (before its launch it simply has no data). */
  private async requireLaunched(projectId: string): Promise<void> {
    const rows = await this.database.query(
      `select 1 from ${INVENTORY_FACTS_TABLE} where project_id = $1 and kind = 'project_launched' limit 1`,
      [projectId],
    );
    if (rows.length === 0) {
      throw readSideError('PROJECT_NOT_FOUND', `No project ${projectId} was launched`, { projectId });
    }
  }
}
