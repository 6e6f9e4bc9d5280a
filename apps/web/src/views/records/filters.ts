/**
 * The filters of the records lists, kept in the URL's search parameters so that a link shows the
 * same list: which fields a list offers, how the URL reads as a GraphQL filter input, and back.
 * Pure: no React, no DOM.
 */

export type FilterField =
  /** One value of a GraphQL enum; the URL holds the enum value itself. */
  | { readonly type: 'enum'; readonly name: string; readonly label: string; readonly options: readonly string[] }
  /** A Boolean filter: the URL holds `yes` or `no`. */
  | { readonly type: 'boolean'; readonly name: string; readonly label: string }
  /** A day (YYYY-MM-DD) sent as the start of that day, UTC: "on or after". */
  | { readonly type: 'from-day'; readonly name: string; readonly label: string }
  /** A day sent as the start of the day after, UTC: the filter's bound is exclusive, the day is included. */
  | { readonly type: 'to-day'; readonly name: string; readonly label: string }
  /** Free text, e.g. a taxonomy code. */
  | { readonly type: 'text'; readonly name: string; readonly label: string; readonly pattern?: RegExp };

/** Rows per page the lists offer; the API takes 0 to 100. */
export const PAGE_SIZES = [5, 10, 20, 50] as const;
export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZE_PARAM = 'size';

/** Parameters that belong to the whole dashboard (time travel) and survive a change of list. */
export const KEPT_PARAMS = ['asOf', 'knownAt', PAGE_SIZE_PARAM] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string | null | undefined): value is string {
  if (!value || !DAY.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** `2024-03-01` → `2024-03-01T00:00:00.000Z`. */
export function startOfDay(day: string): string {
  return new Date(`${day}T00:00:00.000Z`).toISOString();
}

/** `2024-03-31` → `2024-04-01T00:00:00.000Z`: the exclusive bound that keeps the whole day. */
export function startOfNextDay(day: string): string {
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/** The value of one field in the URL, or null when absent or not a value the field accepts. */
export function fieldValue(field: FilterField, params: URLSearchParams): string | null {
  const raw = params.get(field.name)?.trim();
  if (!raw) return null;
  switch (field.type) {
    case 'enum':
      return field.options.includes(raw) ? raw : null;
    case 'boolean':
      return raw === 'yes' || raw === 'no' ? raw : null;
    case 'from-day':
    case 'to-day':
      return isDay(raw) ? raw : null;
    case 'text':
      return raw.length <= 100 && (!field.pattern || field.pattern.test(raw)) ? raw : null;
  }
}

/** The GraphQL filter input the URL describes, or null when no filter is set. */
export function filterInput(
  fields: readonly FilterField[],
  params: URLSearchParams,
): Record<string, string | boolean> | null {
  const input: Record<string, string | boolean> = {};
  for (const field of fields) {
    const value = fieldValue(field, params);
    if (value === null) continue;
    if (field.type === 'boolean') input[field.name] = value === 'yes';
    else if (field.type === 'from-day') input[field.name] = startOfDay(value);
    else if (field.type === 'to-day') input[field.name] = startOfNextDay(value);
    else input[field.name] = value;
  }
  return Object.keys(input).length > 0 ? input : null;
}

/** What the form shows: every field, '' when not set. */
export function formValues(fields: readonly FilterField[], params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.name, fieldValue(field, params) ?? '']));
}

/** Parameters of the URL the form was submitted with: the list's filters replaced, the rest kept. */
export function withFilters(
  fields: readonly FilterField[],
  values: Readonly<Record<string, string>>,
  current: URLSearchParams,
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const field of fields) {
    next.delete(field.name);
    const value = values[field.name]?.trim();
    if (value) next.set(field.name, value);
  }
  return next;
}

/** Parameters without any of the list's filters. */
export function withoutFilters(fields: readonly FilterField[], current: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const field of fields) next.delete(field.name);
  return next;
}

/** Only the parameters that follow the reader from one list to another. */
export function keptParams(current: URLSearchParams): string {
  const next = new URLSearchParams();
  for (const name of KEPT_PARAMS) {
    const value = current.get(name);
    if (value) next.set(name, value);
  }
  const text = next.toString();
  return text ? `?${text}` : '';
}

export function pageSize(params: URLSearchParams): number {
  const raw = Number(params.get(PAGE_SIZE_PARAM));
  return (PAGE_SIZES as readonly number[]).includes(raw) ? raw : DEFAULT_PAGE_SIZE;
}

/** Enum values as words: `co_design_workshop` → "co design workshop". */
export function enumWords(value: string): string {
  return value.replace(/_/g, ' ').toLowerCase();
}

/** The filters in force, said in words for the table's caption (and the printed page). */
export function describeFilters(
  fields: readonly FilterField[],
  params: URLSearchParams,
  formatDay: (day: string) => string = (day) => day,
): string | null {
  const parts: string[] = [];
  for (const field of fields) {
    const value = fieldValue(field, params);
    if (value === null) continue;
    const label = field.label.toLowerCase();
    if (field.type === 'enum') parts.push(`${label}: ${enumWords(value)}`);
    else if (field.type === 'boolean') parts.push(`${label}: ${value}`);
    else if (field.type === 'text') parts.push(`${label}: ${value}`);
    else parts.push(`${label} ${formatDay(value)}`);
  }
  return parts.length > 0 ? parts.join('; ') : null;
}

/** A stable key of a filter (or any JSON value) so that a list starts again from page one when it changes. */
export function stableKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableKey(entry)}`).join(',')}}`;
}

/** "Showing 20 of 50 activities." */
export function showing(
  shown: number,
  total: number,
  noun: { one: string; many: string },
  format: (n: number) => string,
) {
  const name = total === 1 ? noun.one : noun.many;
  if (shown >= total) return `${format(total)} ${name}.`;
  return `Showing ${format(shown)} of ${format(total)} ${name}.`;
}

/** Every value of a GraphQL enum, checked against its generated type: a value the schema adds fails the typecheck. */
export function enumValues<T extends string>(all: Record<T, true>): readonly T[] {
  return Object.keys(all) as T[];
}
