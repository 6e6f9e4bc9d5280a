import { beforeAll, describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '#event-store';
import {
  applyWarningEvent,
  CLOCK_RULES,
  DEFAULT_WARNING_THRESHOLDS,
  DUE_RULES,
  ProjectState,
  type StateRule,
  type Trigger,
  type WarningRecord,
} from '#read-models/warnings';
import { InMemoryCommandPath } from '../bench/replay/in-memory-path.js';
import { planScenario } from '../apps/seed/src/scenario/pilot.js';
import { schedule } from '../apps/seed/src/scheduler.js';

/**
 * The warnings projection judges a rule of the project's state again only when the clock or a part
 * of the state it declares (`StateRule.reads`) changed. Over the demo generator's pilots (three,
 * eighteen months, late entries included), that must give exactly the warnings that judging every
 * rule on every event gives, and no rule may read a part it does not declare.
 */

/** Judges every rule on every event, as the projection did before it skipped unchanged ones. */
class JudgingEveryEvent extends ProjectState {
  override judgeOnChange(rule: StateRule, trigger: Trigger): void {
    this.judge(rule.check(this, trigger), trigger);
  }
}

/** What every rule reads is constant for a project (its id, thresholds) or tracked apart (open warnings). */
const ALWAYS_READABLE = new Set(['projectId', 'thresholds', 'open']);

/** Records, per rule, the parts of the state it touched, then judges it as the projection does. */
class RecordingReads extends ProjectState {
  readonly reads = new Map<StateRule, Set<string>>();
  override judgeOnChange(rule: StateRule, trigger: Trigger): void {
    const touched = this.reads.get(rule) ?? new Set<string>();
    this.reads.set(rule, touched);
    const view = new Proxy(this, {
      get: (target, property, receiver) => {
        if (typeof property === 'string') touched.add(property);
        return Reflect.get(target, property, receiver);
      },
    });
    rule.check(view, trigger);
    super.judgeOnChange(rule, trigger);
  }
}

type Unplaced = Omit<RecordedEvent, 'position'>;

/** The demo generator's pilots: three, eighteen months, their steps in time order, decided in memory. */
function demoPilots() {
  return {
    path: new InMemoryCommandPath(),
    steps: schedule(planScenario({ seed: 20261207, projects: 3, months: 18 }).plans),
  };
}

/** The events as the store hands them back, at the positions of their order. */
const inLogOrder = (events: readonly Unplaced[]): RecordedEvent[] =>
  events.map((event, index) => ({ ...event, position: { commit: BigInt(index + 1), prepare: BigInt(index + 1) } }));

/** What the path decided since it was last drained, recorded at `recordedAt`. */
const drained = (path: InMemoryCommandPath, recordedAt: Date): Unplaced[] =>
  path
    .drain()
    .flatMap(({ streamId, events }) => events.map((event) => ({ ...event, streamId, revision: 0n, recordedAt })));

/**
 * The pilots as the benchmark appends them: their events in flushes of `flush` events, one append
 * per stream per flush, so a project's events reach the log in an order of streams, not of time.
 */
async function flushedLog(flush: number): Promise<RecordedEvent[]> {
  const { path, steps } = demoPilots();
  const recordedAt = new Date('2026-12-07T00:00:00Z');
  const log: Unplaced[] = [];
  for (const step of steps) {
    await path.execute(step);
    if (path.pendingEvents >= flush) log.push(...drained(path, recordedAt));
  }
  log.push(...drained(path, recordedAt));
  return inLogOrder(log);
}

/** The pilots as a log: each step's events, in the order the pilots' teams recorded them. */
async function demoLog(): Promise<RecordedEvent[]> {
  const { path, steps } = demoPilots();
  const recorded: Array<{ knownSince: number; events: Unplaced[] }> = [];
  for (const step of steps) {
    await path.execute(step);
    recorded.push({ knownSince: step.knownSince.getTime(), events: drained(path, step.knownSince) });
  }
  // A stable sort: the late entries come where the team entered them, after what happened since.
  recorded.sort((a, b) => a.knownSince - b.knownSince);
  return inLogOrder(recorded.flatMap(({ events }) => events));
}

function fold<S extends ProjectState>(log: readonly RecordedEvent[], create: (projectId: string) => S) {
  const states = new Map<string, S>();
  const warnings = new Map<string, WarningRecord>();
  for (const event of log) {
    const projectId = (event.data as { projectId?: unknown }).projectId;
    if (typeof projectId !== 'string') continue;
    let state = states.get(projectId);
    if (!state) states.set(projectId, (state = create(projectId)));
    applyWarningEvent(state, event);
    // Each record as it stands once written, as the projection's table holds it.
    for (const record of state.written.values()) warnings.set(record.id, structuredClone(record));
    state.markSaved();
  }
  return { states, warnings };
}

describe('warnings rules judged on change', () => {
  let log: RecordedEvent[];
  beforeAll(async () => {
    log = await demoLog();
  });

  it('raise and resolve exactly the warnings that judging every rule on every event does', async () => {
    const thresholds = DEFAULT_WARNING_THRESHOLDS;
    const everyEvent = fold(log, (projectId) => new JudgingEveryEvent(projectId, thresholds));
    const onChange = fold(log, (projectId) => new ProjectState(projectId, thresholds));

    expect(onChange.states.size).toBe(3);
    expect([...onChange.warnings.values()]).toEqual([...everyEvent.warnings.values()]);
    // The demo must exercise the rules for the comparison to mean something.
    const rules = new Set([...everyEvent.warnings.values()].map((warning) => warning.rule));
    expect(rules.size).toBeGreaterThanOrEqual(6);
    expect([...everyEvent.warnings.values()].some((warning) => warning.resolved_at !== null)).toBe(true);
  });

  it("raise and resolve the same warnings when the log holds each project's events out of time order", async () => {
    const flushed = await flushedLog(500);
    const thresholds = DEFAULT_WARNING_THRESHOLDS;
    const everyEvent = fold(flushed, (projectId) => new JudgingEveryEvent(projectId, thresholds));
    const onChange = fold(flushed, (projectId) => new ProjectState(projectId, thresholds));
    expect([...onChange.warnings.values()]).toEqual([...everyEvent.warnings.values()]);
  });

  it('read no part of the state a rule does not declare', () => {
    const { states } = fold(log, (projectId) => new RecordingReads(projectId, DEFAULT_WARNING_THRESHOLDS));
    const undeclared: string[] = [];
    for (const rule of new Set([...DUE_RULES, ...CLOCK_RULES])) {
      const touched = new Set([...states.values()].flatMap((state) => [...(state.reads.get(rule) ?? [])]));
      expect(touched.size).toBeGreaterThan(0);
      for (const part of touched) {
        if (!ALWAYS_READABLE.has(part) && !(rule.reads as readonly string[]).includes(part)) {
          undeclared.push(`${rule.check.name || 'a cadence rule'} reads ${part}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });
});
