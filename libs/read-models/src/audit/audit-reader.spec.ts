import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DomainError } from '#domain';
import type { RecordedEvent } from '#event-store';
import { projectionTestDatabase } from '../testing/index.js';
import { auditProjection } from './audit.projection.js';
import { AuditReader, MAX_AUDIT_PAGE, type AuditEntry, type AuditFilter } from './audit-reader.js';
import { applyAudit, auditTestDatabases, recorded } from './testing/audit-testing.js';

const ADMIN = { id: 'admin-1', role: 'admin' };
const PROVIDER = { id: 'provider-3', role: 'provider', organisationId: 'org-home-care' };
const NURSE = { id: 'nurse-9', role: 'provider', organisationId: 'org-home-care' };
const RESEARCHER = { id: 'researcher-7', role: 'researcher', organisationId: 'org-university' };

/**
 * A small log, in recorded order (e1 first). Positions are (commit, prepare) pairs: e4 and e5
 * were written in one transaction (same commit), and e6's prepare is lower than e5's although it
 * committed later (a sequence number alone is not commit-ordered). e7 was entered after the fact:
 * recorded last, it happened in January.
 */
const LOG = {
  e1: recorded('ProgrammeLaunched', {
    position: { commit: 10n, prepare: 1n },
    actor: ADMIN,
    occurredAt: '2025-01-02T09:00:00.000Z',
  }),
  e2: recorded('ProjectLaunched', {
    position: { commit: 11n, prepare: 2n },
    actor: PROVIDER,
    projectId: 'p1',
    territoryId: 'valley',
    occurredAt: '2025-01-10T10:00:00.000Z',
  }),
  e3: recorded('ProjectLaunched', {
    position: { commit: 12n, prepare: 3n },
    actor: RESEARCHER,
    projectId: 'p2',
    territoryId: 'hills',
    occurredAt: '2025-02-01T00:00:00.000Z',
  }),
  e4: recorded('ActivityScheduled', {
    position: { commit: 13n, prepare: 4n },
    actor: NURSE,
    projectId: 'p1',
    occurredAt: '2025-02-15T12:00:00.000Z',
  }),
  e5: recorded('ActivityCancelled', {
    position: { commit: 13n, prepare: 6n },
    actor: NURSE,
    projectId: 'p1',
    occurredAt: '2025-02-15T12:00:00.000Z',
  }),
  e6: recorded('DecisionTaken', {
    position: { commit: 14n, prepare: 5n },
    actor: PROVIDER,
    projectId: 'p1',
    occurredAt: '2025-03-01T00:00:00.000Z',
  }),
  e7: recorded('ActivityHeld', {
    position: { commit: 15n, prepare: 7n },
    actor: RESEARCHER,
    projectId: 'p2',
    occurredAt: '2025-01-20T08:00:00.000Z',
    recordedAt: '2025-03-05T08:00:00.000Z',
  }),
} satisfies Record<string, RecordedEvent>;

type Name = keyof typeof LOG;
const nameOf = new Map<string, Name>(Object.entries(LOG).map(([name, event]) => [event.id, name as Name]));
const names = (entries: readonly AuditEntry[]) => entries.map((entry) => nameOf.get(entry.eventId) ?? entry.eventId);

/** Newest first: descending (commit, prepare). */
const ALL_NEWEST_FIRST: Name[] = ['e7', 'e6', 'e5', 'e4', 'e3', 'e2', 'e1'];

function rejection(reason: string) {
  return expect.objectContaining({ category: 'invalid', reason });
}

describe.each(auditTestDatabases())('audit reader on %s', (_target, open) => {
  const audit = projectionTestDatabase(open, auditProjection);
  let reader: AuditReader;

  beforeAll(() => {
    reader = new AuditReader(audit.database);
  });
  beforeEach(async () => {
    await applyAudit(audit.database, [Object.values(LOG)]);
  });

  const list = async (filter: AuditFilter, first = MAX_AUDIT_PAGE) =>
    names((await reader.page(filter, { first })).entries);

  it('lists every entry newest first, in recorded order (commit, then prepare), with what each one says', async () => {
    const page = await reader.page({});
    expect(names(page.entries)).toEqual(ALL_NEWEST_FIRST);
    expect(page.hasNextPage).toBe(false);
    expect(page.entries.find((entry) => entry.eventId === LOG.e2.id)).toEqual({
      position: { commit: 11n, prepare: 2n },
      eventId: LOG.e2.id,
      eventType: 'ProjectLaunched',
      streamId: 'stream-ProjectLaunched',
      actorId: 'provider-3',
      actorRole: 'provider',
      actorOrganisationId: 'org-home-care',
      projectId: 'p1',
      territoryId: 'valley',
      commandId: null,
      occurredAt: new Date('2025-01-10T10:00:00.000Z'),
      recordedAt: new Date('2025-01-10T10:00:00.000Z'),
    });
    expect(page.entries[0]!.recordedAt).toEqual(new Date('2025-03-05T08:00:00.000Z'));
    expect(await reader.count({})).toBe(7);
  });

  it('filters by actor, by the actor’s organisation, by project and by event type', async () => {
    expect(await list({ actorId: 'provider-3' })).toEqual(['e6', 'e2']);
    expect(await list({ actorId: 'admin-1' })).toEqual(['e1']);
    expect(await list({ organisationId: 'org-home-care' })).toEqual(['e6', 'e5', 'e4', 'e2']);
    expect(await list({ organisationId: 'org-university' })).toEqual(['e7', 'e3']);
    expect(await list({ projectId: 'p1' })).toEqual(['e6', 'e5', 'e4', 'e2']);
    expect(await list({ projectId: 'p2' })).toEqual(['e7', 'e3']);
    expect(await list({ eventType: 'ProjectLaunched' })).toEqual(['e3', 'e2']);
    // Nothing matches: an empty page, not an error.
    expect(await list({ actorId: 'nobody' })).toEqual([]);
    expect(await list({ eventType: 'NoSuchEvent' })).toEqual([]);
    expect(await reader.count({ organisationId: 'org-home-care' })).toBe(4);
    expect(await reader.count({ actorId: 'nobody' })).toBe(0);
  });

  it('combines filters with AND', async () => {
    expect(await list({ organisationId: 'org-home-care', projectId: 'p1', actorId: 'nurse-9' })).toEqual(['e5', 'e4']);
    expect(await list({ organisationId: 'org-home-care', eventType: 'DecisionTaken' })).toEqual(['e6']);
    expect(await list({ actorId: 'provider-3', projectId: 'p2' })).toEqual([]);
    expect(
      await list({
        projectId: 'p1',
        from: new Date('2025-02-01T00:00:00.000Z'),
        to: new Date('2025-03-01T00:00:00.000Z'),
      }),
    ).toEqual(['e5', 'e4']);
    expect(await reader.count({ projectId: 'p1', actorId: 'nurse-9' })).toBe(2);
  });

  it('filters time on occurredAt, over the half-open window [from, to), and keeps recorded order', async () => {
    // e3 happened exactly at 1 February: in [1 Feb, …), not in [… , 1 Feb).
    const february = new Date('2025-02-01T00:00:00.000Z');
    expect(await list({ from: february })).toEqual(['e6', 'e5', 'e4', 'e3']);
    expect(await list({ to: february })).toEqual(['e7', 'e2', 'e1']);
    // January by occurredAt holds e7, entered in March after the fact; it still comes first (recorded last).
    expect(await list({ from: new Date('2025-01-01T00:00:00.000Z'), to: february })).toEqual(['e7', 'e2', 'e1']);
    // The same instant twice is an empty window, refused (see below); a one-millisecond window is fine.
    expect(
      await list({ from: new Date('2025-03-01T00:00:00.000Z'), to: new Date('2025-03-01T00:00:00.001Z') }),
    ).toEqual(['e6']);
    expect(await reader.count({ from: february })).toBe(4);
  });

  it('pages newest first with keyset cursors: every entry once, in order, whatever the page size', async () => {
    for (const size of [1, 2, 3, 7]) {
      const seen: Name[] = [];
      let after: AuditEntry['position'] | null = null;
      let pages = 0;
      for (;;) {
        const page = await reader.page({}, { first: size, after });
        pages += 1;
        seen.push(...(names(page.entries) as Name[]));
        if (!page.hasNextPage) break;
        expect(page.entries).toHaveLength(size);
        after = page.entries[page.entries.length - 1]!.position;
      }
      expect(seen).toEqual(ALL_NEWEST_FIRST);
      expect(pages).toBe(Math.ceil(7 / size));
    }
  });

  it('pages a filtered list, and the count ignores the cursor', async () => {
    const first = await reader.page({ organisationId: 'org-home-care' }, { first: 3 });
    expect(names(first.entries)).toEqual(['e6', 'e5', 'e4']);
    expect(first.hasNextPage).toBe(true);
    const second = await reader.page(
      { organisationId: 'org-home-care' },
      { first: 3, after: first.entries[2]!.position },
    );
    expect(names(second.entries)).toEqual(['e2']);
    expect(second.hasNextPage).toBe(false);
    expect(await reader.count({ organisationId: 'org-home-care' })).toBe(4);
  });

  it('keeps a cursor stable while new events arrive: the next page neither repeats nor skips', async () => {
    const first = await reader.page({}, { first: 3 });
    expect(names(first.entries)).toEqual(['e7', 'e6', 'e5']);
    // Newer events are recorded meanwhile; they belong before the first page, not in the next one.
    await applyAudit(audit.database, [
      [
        recorded('SuggestionMade', { position: { commit: 16n, prepare: 8n }, actor: ADMIN }),
        recorded('SuggestionAdopted', { position: { commit: 17n, prepare: 9n }, actor: ADMIN }),
      ],
    ]);
    const second = await reader.page({}, { first: 3, after: first.entries[2]!.position });
    expect(names(second.entries)).toEqual(['e4', 'e3', 'e2']);
    const fresh = await reader.page({}, { first: 2 });
    expect(fresh.entries.map((entry) => entry.eventType)).toEqual(['SuggestionAdopted', 'SuggestionMade']);
  });

  it('orders positions numerically, beyond 2^53 too (KurrentDB positions are 64-bit)', async () => {
    await applyAudit(audit.database, [
      [
        recorded('ActivityHeld', { position: { commit: 9_007_199_254_740_993n, prepare: 1n }, actor: ADMIN }),
        recorded('ActivityHeld', { position: { commit: 18_446_744_073_709_551_615n, prepare: 2n }, actor: ADMIN }),
        recorded('ActivityHeld', { position: { commit: 100n, prepare: 3n }, actor: ADMIN }),
      ],
    ]);
    const page = await reader.page({ actorId: 'admin-1' }, { first: 2 });
    expect(page.entries.map((entry) => entry.position.commit)).toEqual([
      18_446_744_073_709_551_615n,
      9_007_199_254_740_993n,
    ]);
    const next = await reader.page({ actorId: 'admin-1' }, { first: 10, after: page.entries[1]!.position });
    expect(next.entries.map((entry) => entry.position.commit)).toEqual([100n, 10n]);
  });

  it(`caps a page at ${MAX_AUDIT_PAGE} entries; 20 by default; 0 reads whether any exist`, async () => {
    const many = Array.from({ length: 150 }, (_, index) =>
      recorded('ChannelReadingRecorded', { position: { commit: 1_000n + BigInt(index), prepare: 0n }, actor: NURSE }),
    );
    await applyAudit(audit.database, [many]);
    const full = await reader.page({}, { first: MAX_AUDIT_PAGE });
    expect(full.entries).toHaveLength(MAX_AUDIT_PAGE);
    expect(full.hasNextPage).toBe(true);
    expect((await reader.page({})).entries).toHaveLength(20);
    const none = await reader.page({}, { first: 0 });
    expect(none).toEqual({ entries: [], hasNextPage: true });
    expect(await reader.count({})).toBe(157);

    await expect(reader.page({}, { first: MAX_AUDIT_PAGE + 1 })).rejects.toEqual(rejection('PAGE_SIZE_TOO_LARGE'));
    await expect(reader.page({}, { first: -1 })).rejects.toEqual(rejection('INVALID_PAGE_SIZE'));
    await expect(reader.page({}, { first: 2.5 })).rejects.toEqual(rejection('INVALID_PAGE_SIZE'));
  });

  it('refuses bad filters with typed errors (invalid → BAD_USER_INPUT), before reading anything', async () => {
    const refused = async (filter: AuditFilter, reason: string, field?: string) => {
      const error = await reader.page(filter).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toEqual(rejection(reason));
      if (field) expect((error as DomainError).details).toMatchObject({ field });
      // count validates the same way.
      await expect(reader.count(filter)).rejects.toEqual(rejection(reason));
    };
    await refused({ actorId: "x' or '1'='1" }, 'INVALID_ID', 'actorId');
    await refused({ actorId: '' }, 'INVALID_ID', 'actorId');
    await refused({ organisationId: 'a'.repeat(101) }, 'INVALID_ID', 'organisationId');
    await refused({ projectId: 'p 1' }, 'INVALID_ID', 'projectId');
    await refused({ eventType: 'Project Launched' }, 'INVALID_EVENT_TYPE', 'eventType');
    await refused({ eventType: '1Launched' }, 'INVALID_EVENT_TYPE', 'eventType');
    await refused({ from: new Date('not a date') }, 'INVALID_DATE', 'from');
    await refused({ to: new Date(Number.NaN) }, 'INVALID_DATE', 'to');
    const instant = new Date('2025-02-01T00:00:00.000Z');
    await refused({ from: instant, to: instant }, 'INVALID_WINDOW');
    await refused({ from: instant, to: new Date('2025-01-01T00:00:00.000Z') }, 'INVALID_WINDOW');
  });

  it('accepts every id the API accepts (letters, digits, _ - . :, up to 100)', async () => {
    for (const id of ['a', 'org:home-care_1.2', 'A'.repeat(100), '0b0f4c55-3a8e-4a53-9d0e-5c4c9f1d2a01']) {
      await expect(reader.page({ actorId: id, organisationId: id, projectId: id })).resolves.toEqual({
        entries: [],
        hasNextPage: false,
      });
    }
  });
});
