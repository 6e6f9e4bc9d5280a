/** The audit trail's filters as the form and the URL hold them (dates as days, `2025-03-01`). */
export interface AuditFields {
  readonly actorId: string;
  readonly organisationId: string;
  readonly projectId: string;
  readonly eventType: string;
  readonly from: string;
  readonly to: string;
}

export const EMPTY_FIELDS: AuditFields = {
  actorId: '',
  organisationId: '',
  projectId: '',
  eventType: '',
  from: '',
  to: '',
};

export const FIELD_KEYS = ['actorId', 'organisationId', 'projectId', 'eventType', 'from', 'to'] as const;

export const PAGE_SIZES = [20, 50, 100] as const;

export interface AuditParams {
  readonly fields: AuditFields;
  readonly first: number;
  /** The cursor the page starts after; null: the first page. */
  readonly after: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9_.:-]{1,100}$/;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

export function readAuditParams(params: URLSearchParams): AuditParams {
  const fields = Object.fromEntries(FIELD_KEYS.map((key) => [key, params.get(key)?.trim() ?? ''])) as Record<
    keyof AuditFields,
    string
  >;
  const first = Number(params.get('first'));
  return {
    fields,
    first: (PAGE_SIZES as readonly number[]).includes(first) ? first : 20,
    after: params.get('after') || null,
  };
}

/** The URL for these filters (and page size), on their first page. */
export function writeAuditParams(fields: AuditFields, first: number): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of FIELD_KEYS) {
    const value = fields[key].trim();
    if (value) next.set(key, value);
  }
  if (first !== 20) next.set('first', String(first));
  return next;
}

/** Problems the API would refuse the filters for, said before asking it. */
export function auditProblems(fields: AuditFields): string[] {
  const problems: string[] = [];
  const ids: Array<[keyof AuditFields, string]> = [
    ['actorId', 'Actor'],
    ['organisationId', 'Organisation'],
    ['projectId', 'Project'],
  ];
  for (const [key, label] of ids)
    if (fields[key].trim() && !ID.test(fields[key].trim()))
      problems.push(`${label}: an id is 1 to 100 letters, digits, _ - . or :.`);
  if (fields.eventType.trim() && !EVENT_TYPE.test(fields.eventType.trim()))
    problems.push('Event type: a name such as ActivityCancelled.');
  if (fields.from && !DAY.test(fields.from)) problems.push('From: a day, such as 2025-03-01.');
  if (fields.to && !DAY.test(fields.to)) problems.push('To: a day, such as 2025-03-31.');
  if (DAY.test(fields.from) && DAY.test(fields.to) && fields.from > fields.to) problems.push('From comes after To.');
  return problems;
}

export interface AuditFilterInput {
  actorId?: string;
  organisationId?: string;
  projectId?: string;
  eventType?: string;
  from?: string;
  to?: string;
}

/** The API's filter: the days as a half-open window, the last day included ([from 00:00, day after to 00:00)). */
export function auditFilterInput(fields: AuditFields): AuditFilterInput {
  const filter: AuditFilterInput = {};
  for (const key of ['actorId', 'organisationId', 'projectId', 'eventType'] as const) {
    const value = fields[key].trim();
    if (value) filter[key] = value;
  }
  if (DAY.test(fields.from)) filter.from = `${fields.from}T00:00:00.000Z`;
  if (DAY.test(fields.to)) {
    const end = new Date(`${fields.to}T00:00:00.000Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    filter.to = end.toISOString();
  }
  return filter;
}

export function hasFilters(fields: AuditFields): boolean {
  return FIELD_KEYS.some((key) => fields[key].trim() !== '');
}
