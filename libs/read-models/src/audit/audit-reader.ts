import type { SqlExecutor } from '#database';
import type { GlobalPosition } from '#event-store';
import { requireId, validDate } from '../shared/index.js';
import { readSideError } from '../shared/read-side.reasons.js';
import { AUDIT_ENTRIES_TABLE } from './audit.projection.js';
import { auditError } from './audit.reasons.js';

export const DEFAULT_AUDIT_PAGE = 20;
/** The page-size cap of every list of the API (apps/api/src/read-side/pagination.ts, MAX_PAGE_SIZE). */
export const MAX_AUDIT_PAGE = 100;

/** Event types are names such as `ActivityCancelled` (the store allows at most 200 characters). */
export const AUDIT_EVENT_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]{0,199}$/;

/** Every field is optional; the fields given combine with AND. */
export interface AuditFilter {
  /** The acting user (metadata.actor.id). */
  readonly actorId?: string | null;
  /** The acting user's organisation (metadata.actor.organisationId). */
  readonly organisationId?: string | null;
  /** metadata.projectId: the project the event belongs to. */
  readonly projectId?: string | null;
  readonly eventType?: string | null;
  /** On occurredAt: the half-open window [from, to). */
  readonly from?: Date | null;
  readonly to?: Date | null;
}

export interface AuditPageRequest {
  /** How many entries, from 0 to MAX_AUDIT_PAGE (default DEFAULT_AUDIT_PAGE). */
  readonly first?: number | null;
  /** Entries recorded before this position (the position of the last entry of the previous page). */
  readonly after?: GlobalPosition | null;
}

/** Who did what and when: one recorded event, without its data. */
export interface AuditEntry {
  readonly position: GlobalPosition;
  readonly eventId: string;
  readonly eventType: string;
  readonly streamId: string;
  readonly actorId: string;
  readonly actorRole: string;
  readonly actorOrganisationId: string | null;
  readonly projectId: string | null;
  readonly territoryId: string | null;
  readonly commandId: string | null;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
}

export interface AuditPage {
  /** Newest first: in descending log position (the order the events were recorded in, reversed). */
  readonly entries: readonly AuditEntry[];
  readonly hasNextPage: boolean;
}

interface AuditRow {
  event_id: string;
  pos_commit: string;
  pos_prepare: string;
  event_type: string;
  stream_id: string;
  actor_id: string;
  actor_role: string;
  actor_organisation_id: string | null;
  project_id: string | null;
  territory_id: string | null;
  command_id: string | null;
  occurred_at: Date | string;
  recorded_at: Date | string;
}

const SELECT = `event_id::text as event_id, pos_commit::text as pos_commit, pos_prepare::text as pos_prepare,
  event_type, stream_id, actor_id, actor_role, actor_organisation_id, project_id, territory_id, command_id,
  occurred_at, recorded_at`;

function entryOf(row: AuditRow): AuditEntry {
  return {
    position: { commit: BigInt(row.pos_commit), prepare: BigInt(row.pos_prepare) },
    eventId: row.event_id,
    eventType: row.event_type,
    streamId: row.stream_id,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    actorOrganisationId: row.actor_organisation_id,
    projectId: row.project_id,
    territoryId: row.territory_id,
    commandId: row.command_id,
    occurredAt: new Date(row.occurred_at),
    recordedAt: new Date(row.recorded_at),
  };
}

/** An optional id of the filter: null when absent, refused (INVALID_ID) when malformed. */
function optionalId(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  requireId(field, value);
  return value;
}

/** Builds `$n` placeholders as values are added. */
class Params {
  readonly values: unknown[] = [];

  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/**
 * Reads the audit trail (rm_audit_entries), newest first, filtered by actor, the actor's
 * organisation, project, event type and a window on occurredAt. Pages are keyset pages on the
 * log position: a page read after a cursor never repeats or skips an entry, even while new events
 * arrive. Refuses bad input with typed errors (DomainError, invalid → BAD_USER_INPUT).
 */
export class AuditReader {
  constructor(private readonly database: SqlExecutor) {}

  async page(filter: AuditFilter, request: AuditPageRequest = {}): Promise<AuditPage> {
    const first = request.first ?? DEFAULT_AUDIT_PAGE;
    if (!Number.isInteger(first) || first < 0) throw readSideError('INVALID_PAGE_SIZE', 'first must be zero or more');
    if (first > MAX_AUDIT_PAGE) {
      throw readSideError('PAGE_SIZE_TOO_LARGE', `first must be at most ${MAX_AUDIT_PAGE} (got ${first})`);
    }
    const params = new Params();
    const conditions = this.conditions(filter, params);
    const after = request.after ?? null;
    if (after !== null) {
      conditions.push(
        `(a.pos_commit, a.pos_prepare) < (${params.add(after.commit.toString(), 'numeric')}, ${params.add(after.prepare.toString(), 'numeric')})`,
      );
    }
    const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
    const limit = params.add(first + 1, 'int');
    // Ordered by the table's numeric columns (a.*), not by the text the select list names alike:
    // an ORDER BY name would sort the output column, and "9" sorts after "10" as text.
    const rows = await this.database.query<AuditRow>(
      `select ${SELECT} from ${AUDIT_ENTRIES_TABLE} a ${where}
       order by a.pos_commit desc, a.pos_prepare desc limit ${limit}`,
      params.values,
    );
    return { entries: rows.slice(0, first).map(entryOf), hasNextPage: rows.length > first };
  }

  /** How many entries match the filter, over every page. */
  async count(filter: AuditFilter): Promise<number> {
    const params = new Params();
    const conditions = this.conditions(filter, params);
    const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
    const [row] = await this.database.query<{ n: number | string }>(
      `select count(*)::int as n from ${AUDIT_ENTRIES_TABLE} a ${where}`,
      params.values,
    );
    return Number(row?.n ?? 0);
  }

  /** Validates the filter and turns the fields given into SQL conditions. */
  private conditions(filter: AuditFilter, params: Params): string[] {
    const actorId = optionalId('actorId', filter.actorId);
    const organisationId = optionalId('organisationId', filter.organisationId);
    const projectId = optionalId('projectId', filter.projectId);
    const eventType = filter.eventType ?? null;
    if (eventType !== null && (typeof eventType !== 'string' || !AUDIT_EVENT_TYPE_PATTERN.test(eventType))) {
      throw auditError(
        'INVALID_EVENT_TYPE',
        'eventType must be an event type name such as ActivityCancelled (letters, digits, _ - . :)',
        { field: 'eventType' },
      );
    }
    const from = validDate('from', filter.from);
    const to = validDate('to', filter.to);
    if (from && to && !(from < to)) {
      throw readSideError(
        'INVALID_WINDOW',
        'from must be before to (the window is half-open [from, to) on occurredAt)',
        {
          from: from.toISOString(),
          to: to.toISOString(),
        },
      );
    }
    const conditions: string[] = [];
    if (actorId !== null) conditions.push(`a.actor_id = ${params.add(actorId, 'text')}`);
    if (organisationId !== null) conditions.push(`a.actor_organisation_id = ${params.add(organisationId, 'text')}`);
    if (projectId !== null) conditions.push(`a.project_id = ${params.add(projectId, 'text')}`);
    if (eventType !== null) conditions.push(`a.event_type = ${params.add(eventType, 'text')}`);
    if (from !== null) conditions.push(`a.occurred_at >= ${params.add(from.toISOString(), 'timestamptz')}`);
    if (to !== null) conditions.push(`a.occurred_at < ${params.add(to.toISOString(), 'timestamptz')}`);
    return conditions;
  }
}
