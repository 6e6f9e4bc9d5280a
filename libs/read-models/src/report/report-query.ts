import { SIGNAL_FACTS_TABLE } from '../signals/index.js';
import { REPORT_FACTS_TABLE } from './report-facts.projection.js';

/**
 * What every query of the report shares: the two fact tables, the time-travel visibility and the
 * bound parameters. Every fact read obeys `asOf` (occurred by then) and `knownAt` (recorded by
 * then), so a report as of T equals the report of the history truncated at T.
 */
export const SIGNALS = SIGNAL_FACTS_TABLE;
export const REPORT = REPORT_FACTS_TABLE;

/** $1 = the project, $2 = asOf, $3 = knownAt (ISO strings, null when not asked). */
export type Travel = readonly [projectId: string, asOf: string | null, knownAt: string | null];
/** The travel parameters, then $4 = the window's end. */
export type AtWindowEnd = readonly [...Travel, to: string];
/** The travel parameters, then $4/$5 = the window's half-open [from, to). */
export type InWindow = readonly [...Travel, from: string, to: string];

/** `occurred_at <= asOf and recorded_at <= knownAt` on the alias; $2 = asOf, $3 = knownAt. */
export const VISIBLE = (alias: string) =>
  `($2::timestamptz is null or ${alias}.occurred_at <= $2::timestamptz) and ($3::timestamptz is null or ${alias}.recorded_at <= $3::timestamptz)`;
/** Log order, for "the first" of an aggregate. */
export const ORDER = 'order by occurred_at, pos_commit, pos_prepare';
/** Reverse log order, for "the latest" of an aggregate. */
export const LATEST = 'order by occurred_at desc, pos_commit desc, pos_prepare desc';

/** A timestamptz as the drivers return it (PGlite a Date, pg a Date or a string). */
export type Timestamp = Date | string | null;
export const toDate = (value: Timestamp): Date | null => (value === null ? null : new Date(value));
export const toNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
