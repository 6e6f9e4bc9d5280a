import { DomainError } from '#domain';
import type { CommandPath } from './command-path.js';
import type { Plan, Step } from './plan.js';
import type { Progress } from './progress.js';

/**
 * Orders every plan's commands by the moment their fact happened, so the log reads as the pilot
 * unfolded and each command finds the state it needs (an activity is held before attendance is
 * taken). Ties keep the order the plan made them in, so the order, and the log, is reproducible.
 */
export function schedule(plans: readonly Plan[]): Step[] {
  return plans
    .flatMap((plan) => plan.steps)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.planIndex - b.planIndex || a.sequence - b.sequence);
}

/** The domain refuses facts dated in the future; say so before writing anything rather than half-way. */
export function firstInTheFuture(steps: readonly Step[], now: Date): Step | undefined {
  return steps.find((step) => step.at.getTime() > now.getTime());
}

export interface RunTotals {
  readonly commands: number;
  /** Commands whose id the store had seen: nothing new was written for them. */
  readonly replayed: number;
  readonly events: number;
}

export class StepRefused extends Error {
  constructor(
    readonly step: Step,
    readonly failure: unknown,
  ) {
    const reason = failure instanceof DomainError ? `${failure.reason}: ${failure.message}` : String(failure);
    super(`${step.type} ${step.key} (at ${step.at.toISOString()}) was refused: ${reason}`);
    this.name = 'StepRefused';
  }
}

/** One command at a time, in order: the global log must come out the same on every run. */
export async function runSteps(
  steps: readonly Step[],
  path: CommandPath,
  progress: Progress,
  recognisePast: boolean,
): Promise<RunTotals> {
  let commands = 0;
  let replayed = 0;
  let events = 0;
  progress.start(steps.length);
  for (const step of steps) {
    let written: number;
    try {
      const result = await path.execute(step, recognisePast);
      written = result.replayed ? 0 : result.eventIds.length;
      if (result.replayed) replayed++;
    } catch (error) {
      progress.stop();
      throw new StepRefused(step, error);
    }
    commands++;
    events += written;
    progress.tick(events);
  }
  progress.stop();
  return { commands, replayed, events };
}
