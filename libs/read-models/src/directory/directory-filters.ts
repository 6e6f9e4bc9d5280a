import type { SqlParams } from './directory-query.js';

/** The SQL condition of each field of a filter, given the field's value (never null). */
export type FilterConditions<F> = {
  readonly [K in keyof F]-?: (value: NonNullable<F[K]>, params: SqlParams) => string;
};

/** Builds the WHERE conditions for the filter fields that are set, in the order `build` names them. */
export function conditions<F extends object>(
  filter: F | null | undefined,
  params: SqlParams,
  build: FilterConditions<F>,
): string[] {
  if (!filter) return [];
  return (Object.entries(build) as [keyof F, (value: unknown, params: SqlParams) => string][]).flatMap(
    ([field, condition]) => {
      const value = filter[field];
      return value === null || value === undefined ? [] : [condition(value, params)];
    },
  );
}

/** The column equals the value. */
export const equals =
  (column: string, cast = 'text') =>
  (value: unknown, params: SqlParams): string =>
    `t.${column} = ${params.add(value, cast)}`;

/** The column contains the text, ignoring case. */
export const containsText =
  (column: string) =>
  (value: string, params: SqlParams): string =>
    `strpos(lower(t.${column}), lower(${params.add(value, 'text')})) > 0`;

/** At or after an instant (`from` of a half-open window). */
export const atOrAfter =
  (column: string) =>
  (value: Date, params: SqlParams): string =>
    `t.${column} >= ${params.add(value.toISOString(), 'timestamptz')}`;

/** Before an instant (`to` of a half-open window). */
export const before =
  (column: string) =>
  (value: Date, params: SqlParams): string =>
    `t.${column} < ${params.add(value.toISOString(), 'timestamptz')}`;
