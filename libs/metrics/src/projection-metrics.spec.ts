import { beforeEach, describe, expect, it } from '@jest/globals';
import { Registry } from 'prom-client';
import type { ProjectionStatus } from '#projections';
import { PlatformMetrics } from './platform-metrics.js';
import { samples, valueOf } from './testing/metric-values.js';

const at = { commit: 10n, prepare: 10n };

function status(name: string, overrides: Partial<ProjectionStatus> = {}): ProjectionStatus {
  return {
    name,
    generation: 1,
    version: 1,
    state: 'running',
    checkpoint: at,
    lagEvents: 0,
    lagSeconds: 0,
    eventsPerSecond: 0,
    eventsProcessed: 10,
    failure: null,
    rebuild: null,
    updatedAt: new Date(),
    logHeldBack: null,
    ...overrides,
  };
}

const failure = {
  eventId: 'e1',
  eventType: 'ProjectLaunched',
  streamId: 'project-1',
  position: at,
  error: 'boom',
  at: new Date(),
};

describe('projection gauges', () => {
  let registry: Registry;
  let metrics: PlatformMetrics;

  beforeEach(() => {
    registry = new Registry();
    metrics = new PlatformMetrics(registry, { defaultMetrics: false, timeoutMs: 200 });
  });

  const gauge = (name: string, labels: Record<string, string>) =>
    valueOf(registry, `coproduction_projection_${name}`, labels);

  it('reflect the status the source gives at scrape time', async () => {
    const statuses = [
      status('directory', { lagEvents: 42, lagSeconds: 3.5, eventsPerSecond: 120.5, eventsProcessed: 1000 }),
      status('audit', {
        generation: 3,
        state: 'rebuilding',
        rebuild: {
          generation: 4,
          checkpoint: at,
          eventsProcessed: 25,
          eventsRemaining: 75,
          progress: 0.25,
          failure: null,
        },
      }),
      status('warnings', { state: 'failed', failure }),
    ];
    metrics.projections.addSource(async () => statuses);

    expect(await gauge('lag_events', { projection: 'directory' })).toBe(42);
    expect(await gauge('lag_seconds', { projection: 'directory' })).toBe(3.5);
    expect(await gauge('events_per_second', { projection: 'directory' })).toBe(120.5);
    expect(await gauge('events_processed', { projection: 'directory' })).toBe(1000);
    expect(await gauge('generation', { projection: 'audit' })).toBe(3);
    expect(await gauge('rebuild_progress', { projection: 'audit' })).toBe(0.25);
    // No rebuild, no progress series.
    expect(await gauge('rebuild_progress', { projection: 'directory' })).toBeUndefined();
    expect(await gauge('failed', { projection: 'warnings' })).toBe(1);
    expect(await gauge('failed', { projection: 'directory' })).toBe(0);
    expect(await gauge('state', { projection: 'audit', state: 'rebuilding' })).toBe(1);
    expect(await gauge('state', { projection: 'audit', state: 'running' })).toBe(0);
    const warningStates = (await samples(registry, 'coproduction_projection_state')).filter(
      (s) => s.labels.projection === 'warnings',
    );
    expect(warningStates).toHaveLength(5);
    expect(warningStates.filter((s) => s.value === 1).map((s) => s.labels.state)).toEqual(['failed']);
    expect(await valueOf(registry, 'coproduction_projection_status_up', {})).toBe(1);
  });

  it('follow changes between scrapes, and drop the series of a projection no longer reported', async () => {
    let statuses = [status('directory', { lagEvents: 5 }), status('audit')];
    metrics.projections.addSource(async () => statuses);
    expect(await gauge('lag_events', { projection: 'directory' })).toBe(5);
    statuses = [status('directory', { lagEvents: 0, state: 'paused' })];
    expect(await gauge('lag_events', { projection: 'directory' })).toBe(0);
    expect(await gauge('lag_events', { projection: 'audit' })).toBeUndefined();
    expect(await gauge('state', { projection: 'directory', state: 'paused' })).toBe(1);
  });

  it('leave out a lag the store cannot count (KurrentDB)', async () => {
    metrics.projections.addSource(async () => [status('directory', { lagEvents: null })]);
    expect(await gauge('lag_events', { projection: 'directory' })).toBeUndefined();
    expect(await gauge('lag_seconds', { projection: 'directory' })).toBe(0);
  });

  it('report how long a stuck append has held the log back, and 0 when none has', async () => {
    const hold = { transactionId: '7781', pid: 4242, since: new Date(Date.now() - 90_000), seconds: 90 };
    let held: typeof hold | null = hold;
    metrics.projections.addSource(async () => [status('directory', { logHeldBack: held }), status('audit')]);
    expect(await valueOf(registry, 'coproduction_event_log_held_back_seconds', {})).toBe(90);
    held = null;
    expect(await valueOf(registry, 'coproduction_event_log_held_back_seconds', {})).toBe(0);
  });

  it('read the status once per scrape, whatever the number of gauges', async () => {
    let reads = 0;
    metrics = new PlatformMetrics((registry = new Registry()), { defaultMetrics: false });
    metrics.projections.addSource(async () => {
      reads++;
      return [status('directory')];
    });
    const text = await registry.metrics();
    expect(text).toContain('coproduction_projection_lag_events{projection="directory"} 0');
    expect(reads).toBe(1);
  });

  it('report status_up 0 and no projection series when the status cannot be read or takes too long', async () => {
    const remove = metrics.projections.addSource(async () => {
      throw new Error('database down');
    });
    expect(await valueOf(registry, 'coproduction_projection_status_up', {})).toBe(0);
    expect(await samples(registry, 'coproduction_projection_lag_events')).toEqual([]);
    remove();
    metrics.projections.addSource(() => new Promise(() => undefined));
    expect(await valueOf(registry, 'coproduction_projection_status_up', {})).toBe(0);
  });

  it('have no projection series in a process that runs no projections', async () => {
    const text = await registry.metrics();
    expect(text).not.toMatch(/^coproduction_projection_\w+\{/m);
    expect(text).toContain('# TYPE coproduction_projection_lag_events gauge');
    expect(text).toContain('coproduction_projection_status_up 1');
  });
});
