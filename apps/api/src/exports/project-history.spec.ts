import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, type PlatformEventType } from '#domain';
import type { EventStore, JsonObject } from '#event-store';
import { openTestEventStore } from '#event-store/testing';
import { SAMPLES } from './history/testing/history-samples.js';
import type { HistoryLine } from './history/history-line.js';
import { projectHistoryLines, type HistoryWindow } from './project-history.js';

const ADMIN = { id: 'admin-1', role: 'admin' } as const;
const ALL_TIME: HistoryWindow = { asOf: null, knownAt: null };

/**
 * Given a log holding two programmes, three territories, three organisations and two projects,
 * when one project's history is exported, then it holds that project's commands and exactly the
 * set-up they stand on, in log order.
 */
describe('a project history: the commands of one project and what they stand on', () => {
  let store: EventStore;
  const ids = {
    programme: randomUUID(),
    otherProgramme: randomUUID(),
    project: randomUUID(),
    otherProject: randomUUID(),
    partner: randomUUID(),
    otherPartner: randomUUID(),
    unrelated: randomUUID(),
  };
  let day = 0;

  async function record(type: PlatformEventType, data: Record<string, unknown>, projectId?: string) {
    day += 1;
    await store.append(
      `${type}-${randomUUID()}`,
      [
        {
          id: randomUUID(),
          type,
          schemaVersion: type === 'ActivityCancelled' && !('decidedByRole' in data) ? 1 : 2,
          data: { ...(SAMPLES[type] as object), ...data } as JsonObject,
          metadata: { actor: ADMIN, correlationId: randomUUID(), ...(projectId ? { projectId } : {}) },
          occurredAt: new Date(Date.UTC(2024, 0, day)),
        },
      ],
      'any',
    );
  }

  async function lines(projectId: string, window = ALL_TIME): Promise<HistoryLine[]> {
    const all: HistoryLine[] = [];
    for await (const line of await projectHistoryLines(store, projectId, window)) all.push(line);
    return all;
  }

  const launch = (projectId: string, territoryId: string, programmeId: string) =>
    record('ProjectLaunched', { projectId, territoryId, programmeId }, projectId);

  beforeAll(async () => {
    store = await openTestEventStore('project_history');
    await record('ProgrammeLaunched', { programmeId: ids.programme });
    await record('TerritoryAdded', { programmeId: ids.programme, territoryId: 'valley' });
    await record('TerritoryAdded', { programmeId: ids.programme, territoryId: 'pine-valley' });
    await record('ProgrammeLaunched', { programmeId: ids.otherProgramme });
    await record('TerritoryAdded', { programmeId: ids.otherProgramme, territoryId: 'coast' });
    for (const organisationId of [ids.partner, ids.otherPartner, ids.unrelated])
      await record('OrganisationRegistered', { organisationId });
    await launch(ids.project, 'valley', ids.programme);
    await launch(ids.otherProject, 'pine-valley', ids.programme);
    await record('OrganisationJoinedPartnership', { projectId: ids.project, organisationId: ids.partner }, ids.project);
    await record(
      'OrganisationJoinedPartnership',
      { projectId: ids.otherProject, organisationId: ids.otherPartner },
      ids.otherProject,
    );
    // After the territory's set-up, a framework adoption of the project's territory and of another.
    await record('TerritorySignalFrameworkAdopted', { programmeId: ids.programme, territoryId: 'valley' });
    await record('TerritorySignalFrameworkAdopted', { programmeId: ids.programme, territoryId: 'pine-valley' });
  });
  afterAll(() => store.close());

  it('holds its programme, its territory, its partners and its own commands, nothing of the others', async () => {
    const exported = await lines(ids.project);
    expect(exported.map((line) => [line.mutation, Object.values(line.input)[0]])).toEqual([
      ['launchProgramme', ids.programme],
      ['addTerritory', ids.programme],
      ['registerOrganisation', ids.partner],
      ['launchProject', ids.project],
      ['joinPartnership', ids.project],
      ['adoptTerritorySignalFramework', ids.programme],
    ]);
    expect(exported[1]!.input.territoryId).toBe('valley');
    expect(exported[5]!.input.territoryId).toBe('valley');
  });

  it('keeps only what had happened by asOf, and the set-up that much of it names', async () => {
    const exported = await lines(ids.project, { asOf: new Date(Date.UTC(2024, 0, 10)), knownAt: null });
    // The partner joined after asOf: by then the project did not name it yet.
    expect(exported.map((line) => line.mutation)).toEqual(['launchProgramme', 'addTerritory', 'launchProject']);
  });

  it('refuses, before the first line, a history holding an event no mutation can record again', async () => {
    const activityId = randomUUID();
    // Stored before the decision-maker was recorded: the upcast says `unknown`, which no mutation takes.
    await record('ActivityCancelled', { activityId, projectId: ids.otherProject, reason: 'weather' }, ids.otherProject);
    const refusal = await projectHistoryLines(store, ids.otherProject, ALL_TIME).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ reason: 'HISTORY_NOT_REPLAYABLE', details: { count: 1 } });
    expect((refusal as DomainError).details!.events).toContain('ActivityCancelled.decidedByRole');
    // The other project's history is untouched by it.
    expect(await lines(ids.project)).toHaveLength(6);
  });
});
