import { validated } from '../command-side/validated.js';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { formatPosition, parsePosition } from '#event-store';
import { ConsistencyService } from '#read-models';
import { AUDIT_PROJECTION, AuditReader } from '#read-models/audit';
import {
  AFTER_ARG,
  AT_LEAST_POSITION_ARG,
  encodeCursor,
  FIRST_ARG,
  pageInfoOf,
  pageRequest,
  type ConnectionValue,
} from '../read-side/pagination.js';
import { queryError } from '../read-side/query.reasons.js';
import { AuditFilterInput } from './audit.inputs.js';
import { AuditEntry, AuditEntryConnection } from './audit.models.js';
import { requireQueryWindow } from '../time-travel/query-times.js';

/** Names the list in its cursors: a cursor of another list is refused. */
export const AUDIT_TRAIL_LIST = 'auditTrail';

/**
 * The admins' audit trail (docs/audit.md). Who may call it is decided by the central
 * authorisation policy, by root field name (`auditTrail`), not here.
 */
@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(
    private readonly reader: AuditReader,
    private readonly consistency: ConsistencyService,
  ) {}

  @Query(() => AuditEntryConnection, {
    description:
      'Who did what and when, newest first: one entry per recorded event, from its type and actor metadata (never its data). Filter by actor, organisation, project, event type and a window on occurredAt.',
  })
  async auditTrail(
    @Args('filter', { type: () => AuditFilterInput, nullable: true }, validated(AuditFilterInput))
    filter: AuditFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('atLeastPosition', AT_LEAST_POSITION_ARG) atLeastPosition: string | null,
  ): Promise<ConnectionValue<AuditEntry>> {
    requireQueryWindow('filter', filter);
    const request = pageRequest(first, after, AUDIT_TRAIL_LIST, ['text']);
    let afterPosition = null;
    if (request.after !== null) {
      afterPosition = parsePosition(String(request.after[0]));
      if (!afterPosition) throw queryError('INVALID_CURSOR', `"${after}" is not a cursor of this list`);
    }
    const criteria = {
      actorId: filter?.actorId ?? null,
      organisationId: filter?.organisationId ?? null,
      projectId: filter?.projectId ?? null,
      eventType: filter?.eventType ?? null,
      from: filter?.from ?? null,
      to: filter?.to ?? null,
    };
    await this.consistency.atLeast(atLeastPosition, [AUDIT_PROJECTION]);
    const page = await this.reader.page(criteria, { first: request.first, after: afterPosition });
    const edges = page.entries.map((entry) => ({
      cursor: encodeCursor(AUDIT_TRAIL_LIST, [formatPosition(entry.position)]),
      node: AuditEntry.of(entry),
    }));
    const reader = this.reader;
    return {
      edges,
      pageInfo: pageInfoOf(edges, page.hasNextPage, request.after),
      // Counted only when a client selects it.
      get totalCount() {
        return reader.count(criteria);
      },
    };
  }
}
