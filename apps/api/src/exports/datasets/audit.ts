import { MAX_AUDIT_PAGE } from '#read-models/audit';
import { AuditEntry } from '../../audit/audit.models.js';
import { requirePastMoment } from '../../time-travel/query-times.js';
import { inColumns, iso, type Column, type TableDataset } from '../dataset.js';

export const AUDIT_COLUMNS: readonly Column[] = [
  { name: 'position', description: "The event's position in the log (newest first)." },
  { name: 'event_id', description: 'The event.' },
  { name: 'event_type', description: 'What was done, e.g. ActivityCancelled.' },
  { name: 'stream_id', description: 'The record it was done to.' },
  { name: 'actor_id', description: 'Who did it (the token subject).' },
  { name: 'actor_role', description: 'Their role.' },
  { name: 'actor_organisation_id', description: 'Their organisation.' },
  { name: 'project_id', description: 'The project.' },
  { name: 'territory_id', description: 'The territory.' },
  { name: 'command_id', description: 'The command that wrote it, when the client sent one.' },
  { name: 'occurred_at', description: 'When it happened.' },
  { name: 'recorded_at', description: 'When the platform recorded it.' },
];

/**
 * The audit trail of a project, newest first, as `auditTrail(filter: { projectId })` lists it
 * (admins only, never the events' data). asOf keeps what occurred by then, knownAt what was
 * recorded by then.
 */
export const auditDataset: TableDataset = {
  name: 'audit',
  title: 'Audit trail (admins)',
  operation: 'auditTrail',
  scopes: ['project'],
  timeTravel: { asOf: true, knownAt: true },
  columns: AUDIT_COLUMNS,
  async *rows({ scope, args, sources }) {
    if (!('projectId' in scope)) return;
    requirePastMoment('asOf', args.asOf);
    requirePastMoment('knownAt', args.knownAt);
    // The filter's window is half-open: [.., asOf] is [.., asOf + 1 ms).
    const to = args.asOf ? new Date(args.asOf.getTime() + 1) : null;
    let after = null;
    for (;;) {
      const page = await sources.audit.page({ projectId: scope.projectId, to }, { first: MAX_AUDIT_PAGE, after });
      for (const view of page.entries) {
        if (args.knownAt && view.recordedAt > args.knownAt) continue;
        const entry = AuditEntry.of(view);
        yield inColumns(AUDIT_COLUMNS, {
          position: entry.position,
          event_id: entry.eventId,
          event_type: entry.eventType,
          stream_id: entry.streamId,
          actor_id: entry.actorId,
          actor_role: entry.actorRole,
          actor_organisation_id: entry.actorOrganisationId,
          project_id: entry.projectId,
          territory_id: entry.territoryId,
          command_id: entry.commandId,
          occurred_at: iso(entry.occurredAt),
          recorded_at: iso(entry.recordedAt),
        });
      }
      const last = page.entries[page.entries.length - 1];
      if (!page.hasNextPage || !last) return;
      after = last.position;
    }
  },
};
