import type { SqlExecutor } from '#database';
import { requireId, validDate } from '../shared/index.js';
import { readSideError } from '../shared/read-side.reasons.js';
import { addMonths, SIGNAL_FACTS_TABLE, startOfMonth, type SignalReader, type Window } from '../signals/index.js';
import {
  barrierWarning,
  DEFAULT_WARNING_THRESHOLDS,
  MAX_SIGNAL_DROP_MONTHS,
  pilotDropRange,
  SignalDropEvaluator,
  WARNING_RULES,
  type WarningRule,
  type WarningThresholds,
} from './rules/index.js';
import { iso, warningId } from './warning-record.js';
import { warningsError } from './warnings.reasons.js';
import { WARNING_SELECT, warningFromRow } from './warning-rows.js';
import { WARNING_BARRIERS_TABLE, WARNING_PROJECTS_TABLE, WARNINGS_TABLE } from './warning-tables.js';
import { compareNewestFirst, viewOfRecord, type WarningSequence, type WarningView } from './warning-view.js';

export const DEFAULT_WARNINGS_PAGE = 20;
export const MAX_WARNINGS_PAGE = 100;

const CURSOR_LIST = 'warnings';

export interface WarningsQuery {
  readonly projectId?: string | null;
  readonly territoryId?: string | null;
  readonly rule?: WarningRule | null;
  /** true: open only; false: resolved only; null: both. */
  readonly open?: boolean | null;
  /** On raisedAt: [from, to). */
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly first?: number | null;
  readonly after?: string | null;
  /**
   * The warnings as they stood at this moment (on `occurredAt`, like the signals' `asOf`): those
   * raised by then, open if not resolved by then; barriers judged overdue at this moment; signal
   * drops over the facts that occurred by then. Default: the clock (`now`).
   */
  readonly asOf?: Date | null;
  /** The clock for computed warnings (defaults to now). */
  readonly now?: Date;
}

export interface WarningsPage {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: WarningView }>;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly totalCount: number;
}

interface Scope {
  readonly projectId: string | null;
  readonly territoryId: string | null;
}

interface ScopedProject {
  readonly projectId: string;
  readonly territoryId: string | null;
  readonly startsOn: Date | null;
  readonly pilotMonths: number | null;
}

interface StoredFilters {
  readonly scope: Scope;
  readonly rule: WarningRule | null;
  readonly open: boolean | null;
  readonly from: Date | null;
  readonly to: Date | null;
  readonly asOf: Date | null;
}

export function encodeWarningCursor(warning: Pick<WarningView, 'raisedAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([CURSOR_LIST, warning.raisedAt.toISOString(), warning.id]), 'utf8').toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): { raisedAt: Date; id: string } {
  const refuse = () => warningsError('INVALID_CURSOR', `"${cursor}" is not a cursor of this list`);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 3 ||
    decoded[0] !== CURSOR_LIST ||
    typeof decoded[1] !== 'string' ||
    Number.isNaN(Date.parse(decoded[1])) ||
    typeof decoded[2] !== 'string' ||
    !/^[0-9a-f-]{36}$/.test(decoded[2])
  ) {
    throw refuse();
  }
  return { raisedAt: new Date(decoded[1]), id: decoded[2] };
}

/**
 * Reads warnings: those the projection stored (rm_warnings) merged with those computed at query
 * time — signal drops (rule 3) and barriers open too long as of now in projects where nothing
 * happened since (rule 4) — newest first, as one connection.
 */
export class WarningsReader {
  private readonly drops: SignalDropEvaluator;

  constructor(
    private readonly database: SqlExecutor,
    signals: Pick<SignalReader, 'series'>,
    private readonly thresholds: WarningThresholds = DEFAULT_WARNING_THRESHOLDS,
  ) {
    this.drops = new SignalDropEvaluator(database, signals, thresholds);
  }

  /**
   * One page of the list. Stored warnings over the project's whole history (no default window);
   * computed ones judged at `asOf`, else now: barriers overdue at that moment, signal drops over the
   * months of [from, to), by default the project's pilot months up to that moment.
   */
  async list(query: WarningsQuery): Promise<WarningsPage> {
    const asOf = validDate('asOf', query.asOf);
    // Every computed warning is judged at this moment: asOf when given (never the clock), else now.
    const now = asOf ?? query.now ?? new Date();
    const scope = this.scope(query);
    const rule = query.rule ?? null;
    if (rule !== null && !(WARNING_RULES as readonly string[]).includes(rule)) {
      throw warningsError('INVALID_RULE', `rule must be one of ${WARNING_RULES.join(', ')}`);
    }
    const from = validDate('from', query.from);
    const to = validDate('to', query.to);
    if (from && to && !(from < to)) {
      throw readSideError('INVALID_WINDOW', 'from must be before to (the window is half-open [from, to) on raisedAt)', {
        from: from.toISOString(),
        to: to.toISOString(),
      });
    }
    const first = query.first ?? DEFAULT_WARNINGS_PAGE;
    if (!Number.isInteger(first) || first < 0) throw readSideError('INVALID_PAGE_SIZE', 'first must be zero or more');
    if (first > MAX_WARNINGS_PAGE) {
      throw readSideError('PAGE_SIZE_TOO_LARGE', `first must be at most ${MAX_WARNINGS_PAGE} (got ${first})`);
    }
    const after = query.after ? decodeCursor(query.after) : null;
    const wantsDrops = rule === null || rule === 'signal_drop';
    // With from, the months of [from, to); without, each project's pilot months (below).
    const dropRange = from ? SignalDropEvaluator.range(from, to, now) : null;
    if (wantsDrops && dropRange && SignalDropEvaluator.months(dropRange) > MAX_SIGNAL_DROP_MONTHS) {
      throw warningsError(
        'SIGNAL_WINDOW_TOO_LONG',
        `Signal drops are evaluated over at most ${MAX_SIGNAL_DROP_MONTHS} months: pass a later from (or an earlier to), or a rule other than SIGNAL_DROP`,
        { months: SignalDropEvaluator.months(dropRange) },
      );
    }
    const projects = await this.projectsOf(scope);

    const filters: StoredFilters = { scope, rule, open: query.open ?? null, from, to, asOf };
    const stored = (await this.stored(filters, after, first + 1)).map((warning) => asOfView(warning, asOf));
    const storedCount = await this.storedCount(filters);

    const computed: WarningView[] = [];
    if ((rule === null || rule === 'barrier_open_too_long') && query.open !== false) {
      computed.push(...(await this.overdueBarriers(scope, now, asOf)));
    }
    if (wantsDrops) {
      for (const project of projects) {
        const range = dropRange ?? this.defaultDropRange(project, to, now);
        if (!range) continue;
        computed.push(...(await this.drops.forProject(project.projectId, project.territoryId, range, now, asOf)));
      }
    }
    const matching = computed.filter(
      (warning) =>
        (rule === null || warning.rule === rule) &&
        (query.open === null || query.open === undefined || (warning.resolvedAt === null) === query.open) &&
        (!from || warning.raisedAt >= from) &&
        (!to || warning.raisedAt < to),
    );
    const beyondCursor = after ? matching.filter((warning) => compareNewestFirst(warning, after) > 0) : matching;
    const merged = [...stored, ...beyondCursor].sort(compareNewestFirst);
    const page = merged.slice(0, first);
    return {
      edges: page.map((node) => ({ cursor: encodeWarningCursor(node), node })),
      hasNextPage: merged.length > first,
      hasPreviousPage: after !== null,
      totalCount: storedCount + matching.length,
    };
  }

  /** The position after which `warningRaised` starts when given none: the project's latest stored warning. */
  async latestSequence(projectId: string): Promise<WarningSequence | null> {
    const [row] = await this.database.query<{ pos_commit: string; pos_prepare: string; ordinal: number }>(
      // Order by the table's numeric columns (w.), not the text aliases: "9" > "10" as text.
      `select pos_commit::text as pos_commit, pos_prepare::text as pos_prepare, ordinal from ${WARNINGS_TABLE} w
       where project_id = $1 order by w.pos_commit desc, w.pos_prepare desc, w.ordinal desc limit 1`,
      [projectId],
    );
    return row
      ? { commit: BigInt(row.pos_commit), prepare: BigInt(row.pos_prepare), ordinal: Number(row.ordinal) }
      : null;
  }

  /** Stored warnings of a project raised after `sequence`, in log order. */
  async raisedAfter(projectId: string, sequence: WarningSequence | null, limit = 100): Promise<WarningView[]> {
    const rows = await this.database.query<Record<string, unknown>>(
      `select ${WARNING_SELECT} from ${WARNINGS_TABLE} w
       where project_id = $1
         and ($2::numeric is null or (w.pos_commit, w.pos_prepare, w.ordinal) > ($2::numeric, $3::numeric, $4::int))
       order by w.pos_commit, w.pos_prepare, w.ordinal limit $5`,
      [
        projectId,
        sequence ? sequence.commit.toString() : null,
        sequence ? sequence.prepare.toString() : null,
        sequence ? sequence.ordinal : null,
        limit,
      ],
    );
    return rows.map((row) => viewOfRecord(warningFromRow(row)));
  }

  /** Warnings computed as of `now` for one project: barriers open too long (no stored warning yet). */
  async computedNow(projectId: string, now: Date): Promise<WarningView[]> {
    return this.overdueBarriers({ projectId, territoryId: null }, now);
  }

  /** Signal drops of a project over the calendar months of [from, to) (to: at most the end of the current month). */
  async signalDrops(projectId: string, from: Date, now: Date): Promise<WarningView[]> {
    // The project may not have reached this projection yet (a subscription right after the launch).
    const [project] = await this.database.query<{ territory_id: string | null }>(
      `select territory_id from ${WARNING_PROJECTS_TABLE} where project_id = $1`,
      [projectId],
    );
    const end = SignalDropEvaluator.range(now, null, now).to;
    const earliest = addMonths(end, -MAX_SIGNAL_DROP_MONTHS);
    const range = SignalDropEvaluator.range(from < earliest ? earliest : from, null, now);
    return this.drops.forProject(projectId, project?.territory_id ?? null, range, now);
  }

  /** The latest signal fact position of a project, and the months of the facts recorded after a position. */
  async signalFactMonthsAfter(
    projectId: string,
    after: { commit: bigint; prepare: bigint } | null,
  ): Promise<{ latest: { commit: bigint; prepare: bigint } | null; earliestMonth: Date | null }> {
    const [row] = await this.database.query<{
      commit: string | null;
      prepare: string | null;
      earliest: Date | string | null;
    }>(
      `select max(pos_commit)::text as commit,
              (array_agg(pos_prepare::text order by pos_commit desc, pos_prepare desc))[1] as prepare,
              min(occurred_at) as earliest
       from ${SIGNAL_FACTS_TABLE}
       where project_id = $1
         and ($2::numeric is null or (pos_commit, pos_prepare) > ($2::numeric, $3::numeric))`,
      [projectId, after ? after.commit.toString() : null, after ? after.prepare.toString() : null],
    );
    if (!row || row.commit === null || row.prepare === null) return { latest: after, earliestMonth: null };
    return {
      latest: { commit: BigInt(row.commit), prepare: BigInt(row.prepare) },
      earliestMonth: row.earliest === null ? null : startOfMonth(new Date(row.earliest)),
    };
  }

  // ------------------------------------------------------------------ internals

  private scope(query: WarningsQuery): Scope {
    const projectId = query.projectId ?? null;
    const territoryId = query.territoryId ?? null;
    if ((projectId === null) === (territoryId === null)) {
      throw readSideError('INVALID_SCOPE', 'name exactly one of projectId or territoryId');
    }
    if (projectId !== null) requireId('projectId', projectId);
    if (territoryId !== null) requireId('territoryId', territoryId);
    return { projectId, territoryId };
  }

  /** Without `from`: the project's pilot months, up to `to` (when given) and the moment judged at. */
  private defaultDropRange(project: ScopedProject, to: Date | null, now: Date): Window | null {
    const pilot = pilotDropRange(project.startsOn, project.pilotMonths, now);
    if (!pilot || !to) return pilot;
    const upper = to < pilot.to ? SignalDropEvaluator.range(pilot.from, to, now).to : pilot.to;
    return pilot.from < upper ? { from: pilot.from, to: upper } : null;
  }

  private async projectsOf(scope: Scope): Promise<ScopedProject[]> {
    const rows = await this.database.query<{
      project_id: string;
      territory_id: string | null;
      starts_on: Date | string | null;
      pilot_months: number | string | null;
    }>(
      `select project_id, territory_id, starts_on, pilot_months from ${WARNING_PROJECTS_TABLE}
       where starts_on is not null and (project_id = $1 or ($1::text is null and territory_id = $2))
       order by project_id`,
      [scope.projectId, scope.territoryId],
    );
    if (rows.length === 0) {
      if (scope.projectId) throw readSideError('PROJECT_NOT_FOUND', `No project ${scope.projectId} was launched`);
      throw readSideError('TERRITORY_NOT_FOUND', `No project was launched in territory ${scope.territoryId}`);
    }
    return rows.map((row) => ({
      projectId: row.project_id,
      territoryId: row.territory_id,
      startsOn: row.starts_on === null ? null : new Date(row.starts_on),
      pilotMonths: row.pilot_months === null ? null : Number(row.pilot_months),
    }));
  }

  /** With `asOf` ($7): raised by then, and open unless resolved by then. */
  private storedConditions(filters: StoredFilters): { where: string; params: unknown[] } {
    return {
      where: `(w.project_id = $1 or ($1::text is null and w.project_id in (
                select p.project_id from ${WARNING_PROJECTS_TABLE} p where p.territory_id = $2)))
              and ($3::text is null or w.rule = $3)
              and ($4::boolean is null
                   or (w.resolved_at is null or ($7::timestamptz is not null and w.resolved_at > $7)) = $4)
              and ($5::timestamptz is null or w.raised_at >= $5)
              and ($6::timestamptz is null or w.raised_at < $6)
              and ($7::timestamptz is null or w.raised_at <= $7)`,
      params: [
        filters.scope.projectId,
        filters.scope.territoryId,
        filters.rule,
        filters.open,
        filters.from?.toISOString() ?? null,
        filters.to?.toISOString() ?? null,
        filters.asOf?.toISOString() ?? null,
      ],
    };
  }

  private async stored(
    filters: StoredFilters,
    after: { raisedAt: Date; id: string } | null,
    limit: number,
  ): Promise<WarningView[]> {
    const { where, params } = this.storedConditions(filters);
    const rows = await this.database.query<Record<string, unknown>>(
      `select ${WARNING_SELECT} from ${WARNINGS_TABLE} w
       where ${where}
         and ($8::timestamptz is null or (w.raised_at, w.id) < ($8::timestamptz, $9::uuid))
       order by w.raised_at desc, w.id desc limit $10`,
      [...params, after?.raisedAt.toISOString() ?? null, after?.id ?? null, limit],
    );
    return rows.map((row) => viewOfRecord(warningFromRow(row)));
  }

  private async storedCount(filters: StoredFilters): Promise<number> {
    const { where, params } = this.storedConditions(filters);
    const [row] = await this.database.query<{ n: number }>(
      `select count(*)::int as n from ${WARNINGS_TABLE} w where ${where}`,
      params,
    );
    return Number(row?.n ?? 0);
  }

  /**
   * Rule 4 as of `now` (the query's `asOf`, else the clock): open barriers whose open spell passed
   * the threshold by then, in projects where no later event has yet made the projection store the
   * warning. Same id as the stored one will have. With `asOf`, only spells begun by then count.
   */
  private async overdueBarriers(scope: Scope, now: Date, asOf: Date | null = null): Promise<WarningView[]> {
    const days = this.thresholds.barrierOpenDays;
    const rows = await this.database.query<{
      barrier_id: string;
      project_id: string;
      territory_id: string | null;
      code: string | null;
      open_since: Date | string;
    }>(
      `select b.barrier_id, b.project_id, p.territory_id, b.code, b.open_since
       from ${WARNING_BARRIERS_TABLE} b left join ${WARNING_PROJECTS_TABLE} p on p.project_id = b.project_id
       where (b.project_id = $1 or ($1::text is null and p.territory_id = $2))
         and b.open and b.open_since is not null
         and b.open_since + make_interval(days => $3::int) <= $4::timestamptz
         and ($5::timestamptz is null or b.open_since <= $5)
         and not exists (
           select 1 from ${WARNINGS_TABLE} w
           where w.project_id = b.project_id and w.rule = 'barrier_open_too_long' and w.subject_type = 'barrier'
             and w.subject_id = b.barrier_id and w.resolved_at is null)`,
      [scope.projectId, scope.territoryId, days, now.toISOString(), asOf?.toISOString() ?? null],
    );
    return rows.map((row) => {
      const openSince = new Date(row.open_since).getTime();
      const spec = barrierWarning(row.barrier_id, { code: row.code, openSince }, days, openSince + days * 86_400_000);
      return {
        id: warningId(row.project_id, spec.rule, spec.subjectType, spec.subjectId, spec.instance),
        projectId: row.project_id,
        territoryId: row.territory_id,
        rule: spec.rule,
        severity: spec.severity,
        subjectType: spec.subjectType,
        subjectId: spec.subjectId,
        relatedIds: spec.relatedIds,
        message: spec.message,
        details: { ...spec.details, computedAt: iso(now.getTime()) },
        raisedAt: new Date(spec.raisedAt),
        recordedAt: now,
        resolvedAt: null,
        resolvedRecordedAt: null,
        eventId: null,
        position: null,
        sequence: null,
        computed: true,
      };
    });
  }
}

/** A stored warning as it stood at `asOf`: a resolution that came later is not known yet. */
function asOfView(warning: WarningView, asOf: Date | null): WarningView {
  if (!asOf || warning.resolvedAt === null || warning.resolvedAt <= asOf) return warning;
  return { ...warning, resolvedAt: null, resolvedRecordedAt: null };
}
