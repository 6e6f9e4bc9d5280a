import { isPostgresError, migrate, UNIQUE_VIOLATION, type SqlDatabase } from '#database';
import { EventIdConflictError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors.js';
import type { NewEvent, RecordedEvent } from '../events.js';
import type {
  AppendInFlight,
  AppendResult,
  EventFilter,
  EventStore,
  EventSubscription,
  ExpectedRevision,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  SubscribeOptions,
} from '../port.js';
import { comparePositions, START, type GlobalPosition } from '../position.js';
import { PollingSubscription } from '../polling-subscription.js';
import { assertValidAppend, assertValidLimit } from '../validation.js';
import { eventStoreMigrations } from './migrations.js';
import { EVENT_COLUMNS, prefixPatterns, toRecordedEvent, type EventRow } from './rows.js';

interface AppendRow {
  first_revision: string;
  last_revision: string;
  commit_position: string;
  prepare_position: string;
}

interface PageRow extends Partial<EventRow> {
  horizon: string;
  held_back: boolean;
}

export interface ReadAllPageWithHorizon extends ReadAllPage {
  /** Events exist that a still-running transaction holds back: read again shortly. */
  readonly heldBack: boolean;
}

/**
 * Appends committed through each PGlite database of this process (appendMark). Counted per
 * database, not per store: every store opened on it appends to the same log.
 */
const pgliteAppends = new WeakMap<SqlDatabase, { count: number }>();

/** The event store on PostgreSQL or PGlite: one schema, one SQL, one code path. */
export class SqlEventStore implements EventStore {
  readonly kind: 'postgres' | 'pglite';
  private channel = '';
  private notifyScheduled = false;

  private constructor(
    private readonly database: SqlDatabase,
    private readonly ownsDatabase: boolean,
  ) {
    this.kind = database.dialect;
    if (database.dialect === 'pglite' && !pgliteAppends.has(database)) pgliteAppends.set(database, { count: 0 });
  }

  /** PGlite only: one process holds the data directory, so every append goes through this process. */
  appendMark(): number | null {
    return pgliteAppends.get(this.database)?.count ?? null;
  }

  /** Applies the schema migrations, then returns a ready store. */
  static async open(database: SqlDatabase, options: { ownsDatabase?: boolean } = {}): Promise<SqlEventStore> {
    await migrate(database, 'event-store', eventStoreMigrations);
    const store = new SqlEventStore(database, options.ownsDatabase ?? true);
    const [row] = await database.query<{ schema: string }>('select current_schema() as schema');
    store.channel = `es_${row!.schema}`;
    return store;
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidAppend(streamId, events);
    const payload = JSON.stringify(
      events.map((event) => ({
        id: event.id,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        metadata: event.metadata,
        occurredAt: event.occurredAt.toISOString(),
      })),
    );
    try {
      const [row] = await this.database.query<AppendRow>('select * from es_append($1, $2, $3::jsonb)', [
        streamId,
        typeof expectedRevision === 'bigint' ? expectedRevision.toString() : expectedRevision,
        payload,
      ]);
      this.notifyFollowers();
      const appends = pgliteAppends.get(this.database);
      if (appends) appends.count += 1;
      return {
        streamId,
        firstRevision: BigInt(row!.first_revision),
        nextExpectedRevision: BigInt(row!.last_revision),
        position: { commit: BigInt(row!.commit_position), prepare: BigInt(row!.prepare_position) },
      };
    } catch (error) {
      throw this.translate(error, streamId, events, expectedRevision);
    }
  }

  /**
   * Wakes followers after a commit, outside the writing transaction. Appends completing in the
   * same tick share one NOTIFY. Should the process die between commit and notify, followers still
   * find the events at their idle re-check.
   */
  private notifyFollowers(): void {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    setImmediate(() => {
      this.notifyScheduled = false;
      this.database.query('select pg_notify($1, $2)', [this.channel, '']).catch(() => undefined);
    });
  }

  private translate(
    error: unknown,
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): unknown {
    if (!isPostgresError(error)) return error;
    if (error.code === 'ES001') {
      const actual = BigInt(error.detail ?? '-1');
      return new WrongExpectedRevisionError(streamId, expected, actual < 0n ? 'no_stream' : actual);
    }
    if (error.code === 'ES002' || (error.code === UNIQUE_VIOLATION && error.constraint === 'es_events_event_id')) {
      return new EventIdConflictError(
        streamId,
        events.map((event) => event.id),
      );
    }
    if (error.code?.startsWith('08') || error.code === '57P01') {
      return new EventStoreUnavailableError(`Event store connection failed: ${error.message}`, { cause: error });
    }
    return error;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidLimit(options.limit);
    const backwards = options.direction === 'backwards';
    const rows = await this.database.query<EventRow>(
      `select ${EVENT_COLUMNS} from es_events e
       where e.stream_id = $1 and ($2::bigint is null or e.revision ${backwards ? '<=' : '>='} $2::bigint)
       order by e.revision ${backwards ? 'desc' : 'asc'}
       limit $3`,
      [streamId, options.fromRevision?.toString() ?? null, options.limit ?? null],
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions): Promise<ReadAllPageWithHorizon> {
    assertValidLimit(options.limit);
    const after = options.after ?? START;
    const types = options.filter?.eventTypes?.length ? [...options.filter.eventTypes] : null;
    const prefixes = options.filter?.streamPrefixes?.length ? prefixPatterns(options.filter.streamPrefixes) : null;
    // The horizon comes first, in its own statement: an append in flight then has either
    // committed before the page is read (so the page sees it) or holds the horizon below itself.
    // Only appending transactions count; others, here or in other databases, never hold it back.
    const [below] = await this.database.query<{ horizon: string }>('select es_log_horizon()::text as horizon');
    const rows = await this.database.query<PageRow>(
      `select page.*, $6::text as horizon,
              coalesce((select w.transaction_id from es_events w
                        order by w.transaction_id desc, w.position desc limit 1) >= $6::text::xid8, false) as held_back
       from (select 1) one left join lateral (
         select ${EVENT_COLUMNS} from es_events e
         where (e.transaction_id, e.position) > ($1::text::xid8, $2::bigint)
           and e.transaction_id < $6::text::xid8
           and ($4::text[] is null or e.type = any($4::text[]))
           and ($5::text[] is null or e.stream_id like any($5::text[]))
         order by e.transaction_id, e.position
         limit $3
       ) page on true`,
      [after.commit.toString(), after.prepare.toString(), options.limit, types, prefixes, below!.horizon],
    );
    const first = rows[0]!;
    const events =
      first.event_id === null || first.event_id === undefined
        ? []
        : rows.map((row) => toRecordedEvent(row as EventRow));
    const full = events.length === options.limit;
    const horizon: GlobalPosition = { commit: BigInt(first.horizon), prepare: 0n };
    let resumeAfter = events.length > 0 ? events[events.length - 1]!.position : after;
    // A page that is not full has seen everything below the horizon.
    if (!full && comparePositions(horizon, resumeAfter) > 0) resumeAfter = horizon;
    return { events, resumeAfter, caughtUp: !full, heldBack: !full && first.held_back };
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    return new PollingSubscription({
      after: options.after ?? START,
      batchSize: options.batchSize ?? 500,
      filtered: Boolean(options.filter?.eventTypes?.length || options.filter?.streamPrefixes?.length),
      burstLingerMs: options.burstLingerMs ?? 0,
      readPage: (after, limit) => this.readAll({ after, limit, filter: options.filter }),
      listen: (wake) => this.database.listen(this.channel, wake, wake),
    });
  }

  async countAfter(after: GlobalPosition, filter?: EventFilter): Promise<number> {
    const types = filter?.eventTypes?.length ? [...filter.eventTypes] : null;
    const prefixes = filter?.streamPrefixes?.length ? prefixPatterns(filter.streamPrefixes) : null;
    const [row] = await this.database.query<{ count: string }>(
      `select count(*)::text as count from es_events e
       where (e.transaction_id, e.position) > ($1::text::xid8, $2::bigint)
         and ($3::text[] is null or e.type = any($3::text[]))
         and ($4::text[] is null or e.stream_id like any($4::text[]))`,
      [after.commit.toString(), after.prepare.toString(), types, prefixes],
    );
    return Number(row!.count);
  }

  async firstRecordedAfter(after: GlobalPosition, filter?: EventFilter): Promise<Date | null> {
    const types = filter?.eventTypes?.length ? [...filter.eventTypes] : null;
    const prefixes = filter?.streamPrefixes?.length ? prefixPatterns(filter.streamPrefixes) : null;
    // In log order, on the primary key: cheap even far behind, and past the horizon on purpose.
    const [row] = await this.database.query<{ recorded_at: Date | string }>(
      `select e.recorded_at from es_events e
       where (e.transaction_id, e.position) > ($1::text::xid8, $2::bigint)
         and ($3::text[] is null or e.type = any($3::text[]))
         and ($4::text[] is null or e.stream_id like any($4::text[]))
       order by e.transaction_id, e.position limit 1`,
      [after.commit.toString(), after.prepare.toString(), types, prefixes],
    );
    return row ? new Date(row.recorded_at) : null;
  }

  async oldestAppendInFlight(): Promise<AppendInFlight | null> {
    const [row] = await this.database.query<{ xid32: string; pid: number; xact_start: Date | string }>(
      `select xid32::text as xid32, pid, xact_start from es_appends_in_flight
       where pid <> pg_backend_pid() order by xact_start limit 1`,
    );
    return row ? { transactionId: row.xid32, pid: Number(row.pid), since: new Date(row.xact_start) } : null;
  }

  async lastPosition(): Promise<GlobalPosition | null> {
    const [row] = await this.database.query<{ commit_position: string; prepare_position: string }>(
      `select transaction_id::text as commit_position, position::text as prepare_position
       from es_events order by transaction_id desc, position desc limit 1`,
    );
    return row ? { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) } : null;
  }

  async streamCount(): Promise<number> {
    const [row] = await this.database.query<{ count: string }>('select count(*)::text as count from es_streams');
    return Number(row!.count);
  }

  async close(): Promise<void> {
    if (this.ownsDatabase) await this.database.close();
  }
}
