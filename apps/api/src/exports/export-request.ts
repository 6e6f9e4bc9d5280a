import { projectById } from '#read-models/directory';
import { toProject } from '../project/project.mappers.js';
import { SignalGranularity } from '../signals/signals.models.js';
import type { ExportArguments, ExportContext } from './dataset.js';
import { exportError } from './exports.reasons.js';

type Query = Readonly<Record<string, unknown>>;

const FRAMEWORK = /^([A-Za-z0-9][A-Za-z0-9._-]{0,99}):([1-9][0-9]{0,6})$/;

function single(query: Query, field: string): string | null {
  const value = query[field];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string')
    throw exportError('INVALID_EXPORT_ARGUMENT', `${field} may be given once, as text`, { field });
  return value;
}

function moment(query: Query, field: string): Date | null {
  const value = single(query, field);
  if (value === null) return null;
  // ISO 8601 dates or date-times only: Date.parse would also take "March 5".
  const date = /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()))
    throw exportError('INVALID_EXPORT_ARGUMENT', `${field} must be an ISO 8601 date or date-time (got "${value}")`, {
      field,
    });
  return date;
}

/** The query parameters every export takes; what a dataset does not take is refused by the controller. */
export function exportArguments(query: Query): ExportArguments {
  const granularity = single(query, 'granularity') ?? SignalGranularity.MONTH;
  if (granularity !== SignalGranularity.MONTH && granularity !== SignalGranularity.QUARTER)
    throw exportError('INVALID_EXPORT_ARGUMENT', 'granularity must be MONTH or QUARTER', { field: 'granularity' });
  const framework = single(query, 'framework');
  const match = framework === null ? null : FRAMEWORK.exec(framework);
  if (framework !== null && !match)
    throw exportError('INVALID_EXPORT_ARGUMENT', 'framework must be <id>:<version>, e.g. default:1', {
      field: 'framework',
    });
  return {
    asOf: moment(query, 'asOf'),
    knownAt: moment(query, 'knownAt'),
    from: moment(query, 'from'),
    to: moment(query, 'to'),
    granularity: granularity as SignalGranularity,
    framework: match ? { id: match[1]!, version: Number(match[2]) } : null,
  };
}

const monthStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
const addMonths = (date: Date, months: number) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));

/**
 * The series' [from, to) when not given: for a project its pilot months (from the month it starts,
 * through its pilot and extensions) up to the month of asOf (else now); for a territory the twelve
 * months up to then.
 */
export async function seriesWindow(context: ExportContext): Promise<{ from: Date; to: Date }> {
  const { args, scope, sources } = context;
  const end = addMonths(monthStart(args.asOf ?? new Date()), 1);
  let from = args.from;
  let to = args.to;
  if ((!from || !to) && 'projectId' in scope) {
    const project = await sources.loaders().one(projectById, toProject, scope.projectId);
    if (project) {
      const start = monthStart(new Date(project.startsOn));
      const pilotEnd = addMonths(start, project.pilotMonths + 1);
      from ??= start;
      to ??= pilotEnd < end ? pilotEnd : end;
      if (to <= from) to = addMonths(from, 1);
    }
  }
  to ??= end;
  from ??= addMonths(to, -12);
  return { from, to };
}
