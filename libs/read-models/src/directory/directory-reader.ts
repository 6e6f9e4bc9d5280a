import type { SqlExecutor } from '#database';
import type { DirectoryList, DirectoryLookup, DirectoryRow, PageRequest } from './directory-query.js';
import { SqlParams } from './directory-query.js';

/** One parent's page of a list: its rows (at most `first`) and whether more follow. */
export interface RowPage {
  readonly rows: readonly DirectoryRow[];
  readonly hasNextPage: boolean;
}

/** The key of a top-level list's only partition. */
export const NO_PARENT = '';

/** How a lookup key (its values, in the order of the lookup's key columns) is named in the maps the reader returns. */
export const keyOf = (values: readonly unknown[]): string => JSON.stringify(values);

/**
 * The SQL behind the directory queries. Every method answers many parents or keys in one
 * statement, which is what lets a caller batch a whole level of a query into one round trip.
 */
export class DirectoryReader {
  constructor(private readonly sql: SqlExecutor) {}

  /** One page per parent: at most `first + 1` rows each (the extra row tells whether a next page exists). */
  async pages<F>(
    list: DirectoryList<F>,
    parents: readonly string[] | null,
    filter: F,
    request: PageRequest,
  ): Promise<Map<string, RowPage>> {
    const params = new SqlParams();
    const conditions = [...list.where(filter, params)];
    if (list.parent !== null) conditions.push(`t.${list.parent} = any(${params.add(parents ?? [], 'text[]')})`);
    if (request.after !== null) {
      const after = request.after;
      const values = list.order.map((key, index) => params.add(after[index], key.type));
      conditions.push(`(${list.order.map((key) => `t.${key.column}`).join(', ')}) > (${values.join(', ')})`);
    }
    const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
    const orderBy = list.order.map((key) => `t.${key.column}`).join(', ');
    const limit = params.add(request.first + 1, 'int');
    const rows =
      list.parent === null
        ? await this.sql.query<DirectoryRow>(
            `select ${list.columns} from ${list.from} ${where} order by ${orderBy} limit ${limit}`,
            params.values,
          )
        : await this.sql.query<DirectoryRow>(
            `select * from (
               select ${list.columns}, t.${list.parent} as _parent,
                      row_number() over (partition by t.${list.parent} order by ${orderBy}) as _rn
               from ${list.from} ${where}
             ) page where page._rn <= ${limit} order by page._parent, page._rn`,
            params.values,
          );
    const grouped = new Map<string, DirectoryRow[]>();
    for (const row of rows) {
      const parent = list.parent === null ? NO_PARENT : (row._parent as string);
      const group = grouped.get(parent) ?? [];
      group.push(row);
      grouped.set(parent, group);
    }
    const pages = new Map<string, RowPage>();
    for (const parent of parents ?? [NO_PARENT]) {
      const group = grouped.get(parent) ?? [];
      pages.set(parent, { rows: group.slice(0, request.first), hasNextPage: group.length > request.first });
    }
    return pages;
  }

  /** How many rows match the filter, per parent. */
  async counts<F>(list: DirectoryList<F>, parents: readonly string[] | null, filter: F): Promise<Map<string, number>> {
    const params = new SqlParams();
    const conditions = [...list.where(filter, params)];
    if (list.parent !== null) conditions.push(`t.${list.parent} = any(${params.add(parents ?? [], 'text[]')})`);
    const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
    const parent = list.parent === null ? `''` : `t.${list.parent}`;
    const rows = await this.sql.query<{ parent: string; n: number }>(
      `select ${parent} as parent, count(*)::int as n from ${list.from} ${where} group by 1`,
      params.values,
    );
    const counts = new Map(rows.map((row) => [row.parent, Number(row.n)]));
    return new Map((parents ?? [NO_PARENT]).map((key) => [key, counts.get(key) ?? 0]));
  }

  /** Rows by key, grouped per key (in `orderBy` order); keys are `keyOf([...values])`. */
  async byKeys(lookup: DirectoryLookup, keys: readonly (readonly string[])[]): Promise<Map<string, DirectoryRow[]>> {
    const params = new SqlParams();
    const columns = lookup.key.map((_, index) =>
      params.add(
        keys.map((key) => key[index]),
        'text[]',
      ),
    );
    const condition =
      lookup.key.length === 1
        ? `t.${lookup.key[0]} = any(${columns[0]})`
        : `(${lookup.key.map((column) => `t.${column}`).join(', ')}) in (select * from unnest(${columns.join(', ')}))`;
    const keyColumns = lookup.key.map((column, index) => `t.${column} as _k${index}`).join(', ');
    const rows = await this.sql.query<DirectoryRow>(
      `select ${lookup.columns}, ${keyColumns} from ${lookup.from} where ${condition} order by ${lookup.orderBy}`,
      params.values,
    );
    const grouped = new Map<string, DirectoryRow[]>();
    for (const row of rows) {
      const key = keyOf(lookup.key.map((_, index) => row[`_k${index}`]));
      const group = grouped.get(key) ?? [];
      group.push(row);
      grouped.set(key, group);
    }
    return grouped;
  }
}
