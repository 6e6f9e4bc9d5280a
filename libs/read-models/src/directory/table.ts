import type { ReadModelTable } from '#projections';

/**
 * A read-model table described once: its DDL and the buffered writer that fills it are both
 * generated from the same column list, so they cannot disagree.
 */
export type ColumnType = 'text' | 'integer' | 'double precision' | 'boolean' | 'timestamptz' | 'jsonb';

export interface Column<T extends ColumnType = ColumnType, Required extends boolean = boolean> {
  readonly type: T;
  readonly notNull: Required;
  /** The value a new row takes when the event that creates it does not set the column. */
  readonly default: unknown;
}

export type Columns = Readonly<Record<string, Column>>;

type TsType<T extends ColumnType> = T extends 'text' | 'timestamptz'
  ? string
  : T extends 'integer' | 'double precision'
    ? number
    : T extends 'boolean'
      ? boolean
      : unknown;

/** The shape a writer hands over for a row: ISO strings for timestamps, plain JSON for jsonb. */
export type RowOf<C extends Columns> = {
  [K in keyof C]: TsType<C[K]['type']> | (C[K]['notNull'] extends true ? never : null);
};

export type NumericColumn<C extends Columns> = {
  [K in keyof C]: C[K]['type'] extends 'integer' | 'double precision' ? K : never;
}[keyof C] &
  string;

/** A column that every row must have (and that the creating event must set). */
export const required = <T extends ColumnType>(type: T): Column<T, true> => ({ type, notNull: true, default: null });
/** A nullable column, null until an event sets it. */
export const optional = <T extends ColumnType>(type: T): Column<T, false> => ({ type, notNull: false, default: null });
/** A non-null column with a default, e.g. a status that starts as `scheduled`. */
export const withDefault = <T extends ColumnType>(type: T, value: TsType<T>): Column<T, true> => ({
  type,
  notNull: true,
  default: value,
});
/** A counter that starts at zero and moves by increments. */
export const counter = (): Column<'integer', true> => withDefault('integer', 0);

export interface TableDef<
  C extends Columns = Columns,
  K extends keyof C & string = keyof C & string,
> extends ReadModelTable {
  readonly columns: C;
  /** Primary key; text columns only (ids). */
  readonly key: readonly K[];
}

function literal(column: Column): string {
  const value = column.default;
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return `'${JSON.stringify(value).replace(/'/g, "''")}'::jsonb`;
}

export function defineTable<C extends Columns, K extends keyof C & string>(spec: {
  readonly name: string;
  readonly columns: C;
  readonly key: readonly K[];
  /** Secondary indexes, each a column list; named after the physical table. */
  readonly indexes?: readonly (readonly (keyof C & string)[])[];
}): TableDef<C, K> {
  for (const key of spec.key) {
    if (spec.columns[key]?.type !== 'text') throw new Error(`${spec.name}: key column ${key} must be text`);
  }
  return {
    name: spec.name,
    columns: spec.columns,
    key: spec.key,
    create: (table) => {
      const columns = Object.entries(spec.columns).map(
        ([name, column]) =>
          `${name} ${column.type}${column.notNull ? ' not null' : ''}${column.default !== null ? ` default ${literal(column)}` : ''}`,
      );
      const indexes = (spec.indexes ?? []).map(
        (columns, index) => `create index ${table}_i${index} on ${table} (${columns.join(', ')});`,
      );
      return [`create table ${table} (${columns.join(', ')}, primary key (${spec.key.join(', ')}));`, ...indexes].join(
        '\n',
      );
    },
  };
}
