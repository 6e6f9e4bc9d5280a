import { count, dateTime, decimal, period, words } from '../../ui/format';

/** Why a warning was raised (GraphQL `WarningRule`), in the order the filter offers them. */
export const RULES = [
  'CARERS_NOT_CONSULTED',
  'CANCELLATIONS_IN_A_ROW',
  'SIGNAL_DROP',
  'BARRIER_OPEN_TOO_LONG',
  'REACH_OUT_OF_REACH',
  'CADENCE_OUT_OF_REACH',
  'SATISFACTION_BELOW_TARGET',
  'UNDERSTANDING_BELOW_TARGET',
  'DECISIONS_CONTESTED',
  'COORDINATION_MEETINGS_MISSED_IN_A_ROW',
  'SUGGESTIONS_DECLINED_NOT_FEASIBLE',
  'ROLES_UNCLARIFIED',
  'MISTRUST_REFUSALS',
  'NEWCOMERS_ONLY_BY_WORD_OF_MOUTH',
  'MEETING_FORMAT_CONCERNS_UNRESOLVED',
  'CARER_REQUESTS_NOT_MET',
] as const;
export type RuleName = (typeof RULES)[number];

const RULE_LABELS: Record<RuleName, string> = {
  CARERS_NOT_CONSULTED: 'Carers not consulted',
  CANCELLATIONS_IN_A_ROW: 'Sessions cancelled in a row',
  SIGNAL_DROP: 'Signal drop',
  BARRIER_OPEN_TOO_LONG: 'Barrier open too long',
  REACH_OUT_OF_REACH: 'Reach target out of reach',
  CADENCE_OUT_OF_REACH: 'Activity cadence out of reach',
  SATISFACTION_BELOW_TARGET: 'Satisfaction below target',
  UNDERSTANDING_BELOW_TARGET: 'Understanding below target',
  DECISIONS_CONTESTED: 'Decision contested by carers',
  COORDINATION_MEETINGS_MISSED_IN_A_ROW: 'Coordination meetings missed in a row',
  SUGGESTIONS_DECLINED_NOT_FEASIBLE: "Carers' suggestions declined as not feasible",
  ROLES_UNCLARIFIED: 'Partner roles unclarified',
  MISTRUST_REFUSALS: 'Invitations refused for mistrust',
  NEWCOMERS_ONLY_BY_WORD_OF_MOUTH: 'Newcomers only by word of mouth',
  MEETING_FORMAT_CONCERNS_UNRESOLVED: "Concerns about the meetings' format unresolved",
  CARER_REQUESTS_NOT_MET: "Carers' requests not met",
};

export function ruleLabel(rule: string): string {
  return RULE_LABELS[rule as RuleName] ?? sentence(words(rule));
}

export function severityLabel(severity: string): string {
  return severity === 'CRITICAL' ? 'Critical' : severity === 'WARNING' ? 'Warning' : sentence(words(severity));
}

const SIGNALS: Record<string, string> = {
  trust: 'trust',
  engagement: 'engagement',
  partnershipCohesion: 'partnership cohesion',
  coCreationBalance: 'co-creation balance',
};

const TARGETS: Record<string, string> = {
  reach: 'the reach target',
  satisfaction: 'the satisfaction target',
  understanding: 'the understanding target',
};

/** What a warning is about, in words: "decision 1b54…", "signal: trust", "kind: peer meeting". */
export function subjectLabel(subjectType: string, subjectId: string): string {
  switch (subjectType) {
    case 'PROJECT':
      return 'the project';
    case 'SIGNAL':
      return `the ${SIGNALS[subjectId] ?? words(subjectId)} signal`;
    case 'TARGET':
      return TARGETS[subjectId] ?? `the ${words(subjectId)} target`;
    case 'ACTIVITY_KIND':
      return `${words(subjectId.replace(/^activity_kind:/, ''))} sessions`;
    case 'PARTNER':
      return `partner ${subjectId}`;
    case 'CONCERN':
      return `coordination concern ${subjectId}`;
    default:
      return `${words(subjectType)} ${subjectId}`;
  }
}

function sentence(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** Labels of the details' keys, per docs/warnings.md; others are spelled out from their camelCase. */
const DETAIL_LABELS: Record<string, string> = {
  // carers not consulted
  decisionId: 'Decision id',
  activityId: 'Activity id',
  kind: 'Kind',
  reason: 'Reason',
  decidedByRole: 'Decided by',
  decidedByOrganisationId: 'Deciding organisation',
  // cancellations in a row
  count: 'Cancelled in a row',
  activityIds: 'Activities',
  // signal drop
  signal: 'Signal',
  month: 'Month',
  previousValue: 'Previous month',
  drop: 'Drop',
  warnBelow: 'Critical below',
  partialMonth: 'Month still running',
  recoveredIn: 'Recovered in',
  framework: 'Signal framework',
  valuesWithheld: 'Values withheld for your role',
  // barrier
  barrierId: 'Barrier id',
  code: 'Barrier',
  openSince: 'Open since',
  dueAt: 'Due by',
  thresholdDays: 'Allowed open (days)',
  // reach and cadence
  target: 'Target (carers)',
  reached: 'Carers reached',
  eligibleCarers: 'Eligible carers',
  reachShare: 'Reach share target',
  bestMonthlyRate: 'Best monthly rate',
  monthsLeft: 'Months left',
  projected: 'Projected',
  pilotEndsOn: 'Pilot ends on',
  held: 'Held',
  expected: 'Expected',
  perMonth: 'Target per month',
  monthsElapsed: 'Months elapsed',
  shortfall: 'Shortfall',
  canMakeUp: 'Can still make up',
  catchUp: 'Catch-up factor',
  // satisfaction and understanding
  value: 'Value',
  threshold: 'Threshold',
  responses: 'Responses',
  numerator: 'Numerator',
  denominator: 'Denominator',
  from: 'First response',
  to: 'Latest response',
};

/** Keys whose null means something worth saying. */
const NULL_WORDS: Record<string, string> = { recoveredIn: 'not yet' };

export interface DetailEntry {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** Ids the value stands for (e.g. the cancelled sessions of a run), to list them. */
  readonly ids?: readonly string[];
}

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MONTH = /^\d{4}-\d{2}$/;

function formatValue(key: string, value: unknown): Omit<DetailEntry, 'key' | 'label'> {
  if (typeof value === 'boolean') return { value: value ? 'yes' : 'no' };
  if (typeof value === 'number') return { value: Number.isInteger(value) ? count(value) : decimal(value, 2) };
  if (typeof value === 'string') {
    if (ISO_MOMENT.test(value)) return { value: dateTime(value) };
    if (MONTH.test(value)) return { value: period(`${value}-01T00:00:00.000Z`, 'MONTH') };
    if (key === 'signal') return { value: SIGNALS[value] ?? words(value) };
    if (key === 'kind' || key === 'code' || key === 'reason' || key === 'decidedByRole') return { value: words(value) };
    return { value };
  }
  if (Array.isArray(value)) {
    const ids = value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
    return { value: `${count(ids.length)} record${ids.length === 1 ? '' : 's'}`, ids };
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (typeof object.id === 'string' && object.version !== undefined) {
      const source = typeof object.source === 'string' ? ` (${words(object.source)})` : '';
      return { value: `${object.id} v${String(object.version)}${source}` };
    }
    return {
      value: Object.entries(object)
        .map(([inner, innerValue]) => `${sentence(spelled(inner))}: ${formatValue(inner, innerValue).value}`)
        .join('; '),
    };
  }
  return { value: String(value) };
}

function spelled(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * A warning's numbers (the `details` JSON) as label/value pairs, formatted for the reader: counts,
 * two-decimal values, dates and months; ids listed; nulls left out unless the null says something.
 */
export function detailEntries(details: unknown): DetailEntry[] {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return [];
  const entries: DetailEntry[] = [];
  for (const [key, value] of Object.entries(details as Record<string, unknown>)) {
    if (value === null || value === undefined) {
      if (NULL_WORDS[key]) entries.push({ key, label: DETAIL_LABELS[key]!, value: NULL_WORDS[key]! });
      continue;
    }
    entries.push({ key, label: DETAIL_LABELS[key] ?? sentence(spelled(key)), ...formatValue(key, value) });
  }
  return entries;
}

export interface WarningLike {
  readonly id: string;
  readonly rule: string;
  readonly open: boolean;
  readonly position?: string | null;
}

export interface WarningFilter {
  readonly rule: string | null;
  /** true: open only; false: resolved only; null: both. */
  readonly open: boolean | null;
}

export function matchesFilter(warning: WarningLike, filter: WarningFilter): boolean {
  return (
    (filter.rule === null || warning.rule === filter.rule) && (filter.open === null || warning.open === filter.open)
  );
}

/**
 * The list as shown: warnings pushed live since the page opened (newest first, matching the
 * filters, not already listed) on top, then the listed pages, each replaced by its live version
 * when one arrived (a live push is the fresher copy).
 */
export function combineLive<W extends WarningLike>(
  live: readonly W[],
  listed: readonly W[],
  filter: WarningFilter,
): { fresh: W[]; listed: W[] } {
  const listedIds = new Set(listed.map((warning) => warning.id));
  const latestLive = new Map<string, W>();
  for (const warning of live) if (!latestLive.has(warning.id)) latestLive.set(warning.id, warning);
  const fresh = [...latestLive.values()].filter(
    (warning) => !listedIds.has(warning.id) && matchesFilter(warning, filter),
  );
  return { fresh, listed: listed.map((warning) => latestLive.get(warning.id) ?? warning) };
}

/** Appends a page to what is listed, dropping anything already there (pages never repeat an id). */
export function appendPage<W extends { id: string }>(listed: readonly W[], page: readonly W[]): W[] {
  const ids = new Set(listed.map((warning) => warning.id));
  return [...listed, ...page.filter((warning) => !ids.has(warning.id))];
}

/** Signal drops are evaluated over at most 36 months (the API refuses longer ranges). */
export const SIGNAL_DROP_MONTHS = 36;

/**
 * The default "raised from" day: the first day of the pilot's first month, so the pilot's signal
 * drops are listed (the API only evaluates the last 6 months without one), but never more than
 * 36 months back from the current month.
 */
export function defaultFromDay(startsOn: string | null | undefined, now: Date): string | null {
  if (!startsOn) return null;
  const start = new Date(`${startsOn.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(start.getTime())) return null;
  const pilot = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1);
  const earliest = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (SIGNAL_DROP_MONTHS - 1), 1);
  return new Date(Math.max(pilot, earliest)).toISOString().slice(0, 10);
}

/** A day the reader picked (`2025-03-01`) as the start of that day, UTC. */
export function startOfDay(day: string): string {
  return `${day}T00:00:00.000Z`;
}

/** "Raised on or before" a day: the API's `to` is exclusive, so the start of the next day. */
export function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/** What the polite live region says when a warning arrives. */
export function announcement(warning: { rule: string; severity: string; message: string }, shown: boolean): string {
  const base = `New ${severityLabel(warning.severity).toLowerCase()}: ${ruleLabel(warning.rule)}. ${warning.message}`;
  return shown ? base : `${base} (hidden by the filters)`;
}
