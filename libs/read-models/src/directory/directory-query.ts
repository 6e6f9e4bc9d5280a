/**
 * How the directory's lists and lookups are declared: SQL over the views of the directory's
 * tables, run by the DirectoryReader. Filters are optional and combine with AND.
 */

/** A row of a directory view, as the driver returns it (timestamps as Date, jsonb parsed). */
export type DirectoryRow = Readonly<Record<string, unknown>>;

/** The SQL type of a sort key's values (cursors carry them, and are checked against it). */
export type KeyType = 'text' | 'timestamptz' | 'integer';

export interface SortKey {
  /** Column of the row (as selected) that holds the value. */
  readonly column: string;
  readonly type: KeyType;
}

/** Builds `$n` placeholders as values are added. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

/**
 * A paginated list over a directory view. Its sort key ends with a unique column so keyset
 * cursors are exact; `parent` partitions the list (e.g. per project) so one query serves many parents.
 */
export interface DirectoryList<F> {
  /** Names the list in its cursors: a cursor of one list is refused by another. */
  readonly name: string;
  /** FROM clause; the main view is aliased `t`. */
  readonly from: string;
  readonly columns: string;
  /** Column of `t` the list belongs to (e.g. `project_id`), or null for a top-level list. */
  readonly parent: string | null;
  readonly order: readonly SortKey[];
  /** The SQL conditions of the filter's fields that are set. */
  where(filter: F, params: SqlParams): string[];
}

/** Rows looked up by a key (an id, or a composite key such as project and organisation). */
export interface DirectoryLookup {
  readonly from: string;
  readonly columns: string;
  /** Key columns of `t`. */
  readonly key: readonly string[];
  readonly orderBy: string;
}

/** One page of a list: at most `first` rows after the keyset values of `after` (null: from the start). */
export interface PageRequest {
  readonly first: number;
  readonly after: readonly (string | number)[] | null;
}

/** A lookup of the rows of `from` whose key columns equal the key asked for, in `orderBy` order. */
export const lookup = (from: string, key: readonly string[], orderBy: string, columns = 't.*'): DirectoryLookup => ({
  from,
  columns,
  key,
  orderBy,
});

/** The sort key values of a row of a list: what its cursor carries. */
export const sortKeyOf = <F>(list: DirectoryList<F>, row: DirectoryRow): unknown[] =>
  list.order.map((key) => row[key.column]);
