import { describe, expect, it } from '@jest/globals';
import { PLATFORM_EVENT_TYPES } from '#domain';
import type { RecordedEvent } from '#event-store';
import { factHandlers } from './fact-handlers.js';
import { FACT_KINDS } from './fact-kinds.js';
import { factColumnsOf, factOf, SIGNAL_FACT_EVENT_TYPES, territoryProjectOf } from './facts.js';
import { signalFactsProjection } from './signal-facts.projection.js';

const recorded = (type: string, data: Record<string, unknown>, territoryId?: string): RecordedEvent =>
  ({
    id: '00000000-0000-4000-8000-000000000001',
    type,
    data,
    metadata: { actor: { id: 'a', role: 'researcher' }, correlationId: 'c', ...(territoryId ? { territoryId } : {}) },
    schemaVersion: 1,
    occurredAt: new Date('2025-03-01T12:00:00Z'),
    streamId: 's',
    revision: 0n,
    position: { commit: 5n, prepare: 4n },
    recordedAt: new Date('2025-03-02T12:00:00Z'),
  }) as unknown as RecordedEvent;

const territories = (projectId: string) => (projectId === 'p-known' ? 'north' : null);

describe('signal fact handlers', () => {
  it('subscribe the projection to exactly the domain event types they handle', () => {
    expect(signalFactsProjection.eventTypes).toBe(factHandlers.eventTypes);
    expect(SIGNAL_FACT_EVENT_TYPES).toBe(factHandlers.eventTypes);
    expect(new Set(SIGNAL_FACT_EVENT_TYPES).size).toBe(SIGNAL_FACT_EVENT_TYPES.length);
    const domain = new Set<string>(PLATFORM_EVENT_TYPES);
    expect(SIGNAL_FACT_EVENT_TYPES.filter((type) => !domain.has(type))).toEqual([]);
    for (const type of PLATFORM_EVENT_TYPES) {
      expect(factColumnsOf(recorded(type, {})) !== null).toBe(SIGNAL_FACT_EVENT_TYPES.includes(type));
    }
  });

  it('write every fact kind of FACT_KINDS, and no other', () => {
    const kinds = new Set(SIGNAL_FACT_EVENT_TYPES.map((type) => factColumnsOf(recorded(type, {}))!.kind));
    expect([...kinds].sort()).toEqual(Object.keys(FACT_KINDS).sort());
  });

  it("take a launch's and a territory's own events' territory from the event, the others' from their project", () => {
    const launch = recorded('ProjectLaunched', { projectId: 'p-known', territoryId: 'south' }, 'meta');
    expect(factOf(launch, territories)).toMatchObject({ project_id: 'p-known', territory_id: 'south' });
    expect(territoryProjectOf(launch, factColumnsOf(launch)!)).toBeNull();

    const adopted = recorded('TerritorySignalFrameworkAdopted', { territoryId: 'east', frameworkId: 'f', version: 2 });
    expect(factOf(adopted, territories)).toMatchObject({ project_id: null, territory_id: 'east', amount: 2 });

    const invited = recorded('CarerInvited', { projectId: 'p-known', invitationId: 'i1', carerId: 'c1' }, 'meta');
    expect(territoryProjectOf(invited, factColumnsOf(invited)!)).toBe('p-known');
    expect(factOf(invited, territories)).toMatchObject({ territory_id: 'north', subject_id: 'i1', carer_id: 'c1' });
    // A project the projection has not seen launched: the event's own metadata, else none.
    const stray = recorded('CarerInvited', { projectId: 'p-unknown', invitationId: 'i2' }, 'meta');
    expect(factOf(stray, territories)?.territory_id).toBe('meta');
    expect(factOf(recorded('CarerInvited', { projectId: 'p-unknown', invitationId: 'i3' }), territories)).toMatchObject(
      { territory_id: null },
    );
  });

  it('read stored data defensively: a field of the wrong type becomes null', () => {
    const fact = factOf(
      recorded('ActivityCancelled', {
        activityId: 'a1',
        projectId: 'p-known',
        reason: 7,
        decidedByRole: 'unknown',
        carersConsulted: 'yes',
      }),
      territories,
    );
    expect(fact).toMatchObject({ kind: 'activity_cancelled', detail: null, category: 'unknown', flag: null });
    expect(fact).toMatchObject({ event_id: '00000000-0000-4000-8000-000000000001', pos_commit: '5', pos_prepare: '4' });
    expect(fact).toMatchObject({ occurred_at: '2025-03-01T12:00:00.000Z', recorded_at: '2025-03-02T12:00:00.000Z' });
  });

  it('write nothing for an event type without a handler', () => {
    expect(factOf(recorded('CarerRegistered', { projectId: 'p-known', carerId: 'c1' }), territories)).toBeNull();
  });
});
