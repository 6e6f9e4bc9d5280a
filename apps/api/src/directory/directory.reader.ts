import type { SqlExecutor } from '#database';
import { encodeCursor, type Edge, type KeyType, type PageRequest } from './pagination.js';
import type { Row } from './directory.mappers.js';

/** Builds `$n` placeholders as values are added. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

export interface SortKey {
  /** Column of the row (as selected) that holds the value. */
  readonly column: string;
  readonly type: KeyType;
}

/**
 * A paginated list over a read-model view. Its sort key ends with a unique column so keyset
 * cursors are exact; `parent` partitions the list (e.g. per project) so one query serves many parents.
 */
export interface ListSpec<F, N> {
  /** Names the list in its cursors: a cursor of one list is refused by another. */
  readonly name: string;
  /** FROM clause; the main view is aliased `t`. */
  readonly from: string;
  readonly columns: string;
  /** Column of `t` the list belongs to (e.g. `project_id`), or null for a top-level list. */
  readonly parent: string | null;
  readonly order: readonly SortKey[];
  where(filter: F, params: SqlParams): string[];
  map(row: Row): N;
}

/** Rows looked up by a key (an id, or a composite key such as project and organisation). */
export interface KeyedSpec<N> {
  readonly from: string;
  readonly columns: string;
  /** Key columns of `t`. */
  readonly key: readonly string[];
  readonly orderBy: string;
  map(row: Row): N;
}

export interface PageOf<N> {
  readonly edges: Edge<N>[];
  readonly hasNextPage: boolean;
}

/** The key of a top-level list's only partition. */
export const NO_PARENT = '';

export const keyOf = (values: readonly unknown[]): string => JSON.stringify(values);

/**
 * The SQL behind the directory queries. Every method answers many parents or keys in one
 * statement, which is what lets the DataLoaders batch a whole level of a query into one round trip.
 */
export class DirectoryReader {
  constructor(private readonly sql: SqlExecutor) {}

  /** One page per parent: at most `first + 1` rows each (the extra row tells whether a next page exists). */
  async pages<F, N>(
    spec: ListSpec<F, N>,
    parents: readonly string[] | null,
    filter: F,
    request: PageRequest,
  ): Promise<Map<string, PageOf<N>>> {
    const params = new SqlParams();
    const conditions = [...spec.where(filter, params)];
    if (spec.parent !== null) conditions.push(`t.${spec.parent} = any(${params.add(parents ?? [], 'text[]')})`);
    if (request.after !== null) {
      const after = request.after;
      const values = spec.order.map((key, index) => params.add(after[index], key.type));
      conditions.push(`(${spec.order.map((key) => `t.${key.column}`).join(', ')}) > (${values.join(', ')})`);
    }
    const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
    const orderBy = spec.order.map((key) => `t.${key.column}`).join(', ');
    const limit = params.add(request.first + 1, 'int');
    const rows =
      spec.parent === null
        ? await this.sql.query<Row>(
            `select ${spec.columns} from ${spec.from} ${where} order by ${orderBy} limit ${limit}`,
            params.values,
          )
        : await this.sql.query<Row>(
            `select * from (
               select ${spec.columns}, t.${spec.parent} as _parent,
                      row_number() over (partition by t.${spec.parent} order by ${orderBy}) as _rn
               from ${spec.from} ${where}
             ) page where page._rn <= ${limit} order by page._parent, page._rn`,
            params.values,
          );
    const grouped = new Map<string, Row[]>();
    for (const row of rows) {
      const parent = spec.parent === null ? NO_PARENT : (row._parent as string);
      const list = grouped.get(parent) ?? [];
      list.push(row);
      grouped.set(parent, list);
    }
    const pages = new Map<string, PageOf<N>>();
    for (const parent of parents ?? [NO_PARENT]) {
      const list = grouped.get(parent) ?? [];
      pages.set(parent, {
        edges: list.slice(0, request.first).map((row) => ({
          cursor: encodeCursor(
            spec.name,
            spec.order.map((key) => row[key.column]),
          ),
          node: spec.map(row),
        })),
        hasNextPage: list.length > request.first,
      });
    }
    return pages;
  }

  /** How many rows match the filter, per parent. */
  async counts<F, N>(spec: ListSpec<F, N>, parents: readonly string[] | null, filter: F): Promise<Map<string, number>> {
    const params = new SqlParams();
    const conditions = [...spec.where(filter, params)];
    if (spec.parent !== null) conditions.push(`t.${spec.parent} = any(${params.add(parents ?? [], 'text[]')})`);
    const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
    const parent = spec.parent === null ? `''` : `t.${spec.parent}`;
    const rows = await this.sql.query<{ parent: string; n: number }>(
      `select ${parent} as parent, count(*)::int as n from ${spec.from} ${where} group by 1`,
      params.values,
    );
    const counts = new Map(rows.map((row) => [row.parent, Number(row.n)]));
    return new Map((parents ?? [NO_PARENT]).map((key) => [key, counts.get(key) ?? 0]));
  }

  /** Rows by key, grouped per key (in `orderBy` order); keys are `keyOf([...values])`. */
  async byKeys<N>(spec: KeyedSpec<N>, keys: readonly (readonly string[])[]): Promise<Map<string, N[]>> {
    const params = new SqlParams();
    const columns = spec.key.map((_, index) =>
      params.add(
        keys.map((key) => key[index]),
        'text[]',
      ),
    );
    const condition =
      spec.key.length === 1
        ? `t.${spec.key[0]} = any(${columns[0]})`
        : `(${spec.key.map((column) => `t.${column}`).join(', ')}) in (select * from unnest(${columns.join(', ')}))`;
    const keyColumns = spec.key.map((column, index) => `t.${column} as _k${index}`).join(', ');
    const rows = await this.sql.query<Row>(
      `select ${spec.columns}, ${keyColumns} from ${spec.from} where ${condition} order by ${spec.orderBy}`,
      params.values,
    );
    const grouped = new Map<string, N[]>();
    for (const row of rows) {
      const key = keyOf(spec.key.map((_, index) => row[`_k${index}`]));
      const list = grouped.get(key) ?? [];
      list.push(spec.map(row));
      grouped.set(key, list);
    }
    return grouped;
  }
}
