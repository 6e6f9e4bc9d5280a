import { MAX_WARNINGS_PAGE } from '#read-models/warnings';
import { requirePastMoment } from '../../time-travel/query-times.js';
import { withheldValuesFor } from '../../warnings/withheld-values.js';
import { Warning } from '../../warnings/warnings.models.js';
import { inColumns, iso, projectIdOf, territoryIdOf, type Column, type TableDataset } from '../dataset.js';

export const WARNING_COLUMNS: readonly Column[] = [
  { name: 'warning_id', description: 'The warning.' },
  { name: 'project_id', description: 'Its project.' },
  { name: 'territory_id', description: "The project's territory." },
  { name: 'rule', description: 'The rule that raised it (docs/warnings.md).' },
  { name: 'severity', description: 'notice, warning or critical.' },
  { name: 'subject_type', description: 'What it is about: project, activity, decision, barrier, signal…' },
  { name: 'subject_id', description: 'Which one.' },
  { name: 'related_ids', description: 'Other records it rests on, separated by spaces.' },
  { name: 'message', description: 'What it says.' },
  { name: 'details', description: 'Its details as JSON (signal values withheld for roles that may not see them).' },
  { name: 'raised_at', description: 'When the condition arose.' },
  { name: 'recorded_at', description: 'When the platform recorded the fact that raised it.' },
  { name: 'resolved_at', description: 'When it was resolved; empty while open.' },
  { name: 'open', description: 'true while not resolved (at asOf).' },
  { name: 'computed', description: 'true for warnings computed at asOf (else now) rather than stored.' },
];

/** The warnings of a project or territory, newest first, as `warnings(...)` answers this caller. */
export const warningsDataset: TableDataset = {
  name: 'warnings',
  title: 'Early warnings',
  operation: 'warnings',
  scopes: ['project', 'territory'],
  timeTravel: { asOf: true, knownAt: false },
  columns: WARNING_COLUMNS,
  async *rows({ actor, scope, args, sources }) {
    requirePastMoment('asOf', args.asOf);
    let after: string | null = null;
    for (;;) {
      const page = await sources.warnings.list({
        projectId: projectIdOf(scope),
        territoryId: territoryIdOf(scope),
        asOf: args.asOf,
        first: MAX_WARNINGS_PAGE,
        after,
      });
      for (const edge of page.edges) {
        const warning = Warning.of(withheldValuesFor(actor, edge.node));
        yield inColumns(WARNING_COLUMNS, {
          warning_id: warning.id,
          project_id: warning.projectId,
          territory_id: warning.territoryId,
          rule: warning.rule,
          severity: warning.severity,
          subject_type: warning.subjectType,
          subject_id: warning.subjectId,
          related_ids: warning.relatedIds.join(' '),
          message: warning.message,
          details: JSON.stringify(warning.details),
          raised_at: iso(warning.raisedAt),
          recorded_at: iso(warning.recordedAt),
          resolved_at: iso(warning.resolvedAt),
          open: warning.open,
          computed: warning.computed,
        });
      }
      const last = page.edges[page.edges.length - 1];
      if (!page.hasNextPage || !last) return;
      after = last.cursor;
    }
  },
};
