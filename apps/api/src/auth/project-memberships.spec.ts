import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { partnershipStreamId, projectStreamId } from '#domain';
import type { EventStore, NewEvent } from '#event-store';
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
