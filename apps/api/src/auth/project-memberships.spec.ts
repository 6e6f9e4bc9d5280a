import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { partnershipStreamId, projectStreamId } from '#domain';
import { openPgliteEventStore, type EventStore, type NewEvent } from '#event-store';
import { openTestEventStore } from '#event-store/testing';
import { ProjectMemberships } from './project-memberships.js';

const launcher = { id: 'coordinator-1', role: 'provider', organisationId: 'org-agency' };

function event(type: string, data: Record<string, string | null>): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    occurredAt: new Date('2025-01-02T09:00:00.000Z'),
    metadata: { actor: launcher, correlationId: randomUUID(), projectId: data.projectId! },
  };
}

describe('ProjectMemberships', () => {
  let store: EventStore;
  let memberships: ProjectMemberships;
  // One store for the block; each test is about a project of its own.
  let projectId: string;

  const join = (organisationId: string) =>
    event('OrganisationJoinedPartnership', { projectId, organisationId, partnerRole: 'service_provider' });
  const leave = (organisationId: string) =>
    event('OrganisationLeftPartnership', { projectId, organisationId, reason: null });

  beforeAll(async () => {
    store = await openTestEventStore('project_memberships');
  });
  afterAll(async () => store.close());
  beforeEach(() => {
    projectId = randomUUID();
    memberships = new ProjectMemberships(store);
  });

  it('knows no member of a project that was never launched, and sees its launch once it happens', async () => {
    expect(await memberships.of(projectId)).toEqual({ exists: false, launchedBy: null, partners: new Set() });
    await store.append(projectStreamId(projectId), [event('ProjectLaunched', { projectId })], 'no_stream');
    expect(await memberships.of(projectId)).toEqual({ exists: true, launchedBy: 'org-agency', partners: new Set() });
  });

  it('sees a join and a departure appended after it folded the partnership, without being told', async () => {
    await store.append(projectStreamId(projectId), [event('ProjectLaunched', { projectId })], 'no_stream');
    await store.append(partnershipStreamId(projectId), [join('org-agency'), join('org-uni')], 'no_stream');
    expect((await memberships.of(projectId)).partners).toEqual(new Set(['org-agency', 'org-uni']));

    await store.append(partnershipStreamId(projectId), [leave('org-uni'), join('org-facility')], 1n);
    expect((await memberships.of(projectId)).partners).toEqual(new Set(['org-agency', 'org-facility']));

    // A second instance (another replica) folding from scratch agrees with the incremental fold.
    expect((await new ProjectMemberships(store).of(projectId)).partners).toEqual(
      new Set(['org-agency', 'org-facility']),
    );
  });

  it('gives concurrent readers the same answer and keeps the furthest fold', async () => {
    await store.append(projectStreamId(projectId), [event('ProjectLaunched', { projectId })], 'no_stream');
    await store.append(partnershipStreamId(projectId), [join('org-agency')], 'no_stream');
    const answers = await Promise.all([1, 2, 3].map(() => memberships.of(projectId)));
    for (const answer of answers) expect(answer.partners).toEqual(new Set(['org-agency']));
    await store.append(partnershipStreamId(projectId), [leave('org-agency')], 0n);
    expect((await memberships.of(projectId)).partners).toEqual(new Set());
  });
});

// Given the embedded default: one process holds the PGlite data directory, so it is the log's only writer.
describe('ProjectMemberships on PGlite', () => {
  let store: EventStore;
  let reads: number;
  let counted: EventStore;

  beforeAll(async () => {
    store = await openPgliteEventStore();
    counted = Object.assign(Object.create(store) as EventStore, {
      readStream: (...args: Parameters<EventStore['readStream']>) => {
        reads += 1;
        return store.readStream(...args);
      },
      appendMark: () => store.appendMark!(),
    });
  });
  afterAll(async () => store.close());

  it('reads nothing while nothing was appended, and sees a join appended afterwards at once', async () => {
    const projectId = randomUUID();
    await store.append(projectStreamId(projectId), [event('ProjectLaunched', { projectId })], 'no_stream');
    const join = (organisationId: string) =>
      event('OrganisationJoinedPartnership', { projectId, organisationId, partnerRole: 'service_provider' });
    await store.append(partnershipStreamId(projectId), [join('org-agency')], 'no_stream');
    const memberships = new ProjectMemberships(counted);
    expect((await memberships.of(projectId)).partners).toEqual(new Set(['org-agency']));

    reads = 0;
    expect((await memberships.of(projectId)).partners).toEqual(new Set(['org-agency']));
    expect(reads).toBe(0);

    await store.append(partnershipStreamId(projectId), [join('org-uni')], 0n);
    expect((await memberships.of(projectId)).partners).toEqual(new Set(['org-agency', 'org-uni']));
    expect(reads).toBe(1);
  });
});
