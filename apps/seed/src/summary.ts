import type { SeedOptions } from './options.js';
import type { RunTotals } from './scheduler.js';

export interface SeedSummary {
  readonly seed: number;
  readonly projects: number;
  readonly months: number;
  readonly commands: number;
  readonly replayed: number;
  readonly events: number;
  /** From start to summary: boot, planning and the commands. */
  readonly elapsedSeconds: number;
  /** The commands alone. */
  readonly commandSeconds: number;
  readonly eventStore: { readonly kind: string; readonly streamCount: number; readonly lastPosition: string | null };
}

export function summarise(
  options: SeedOptions,
  totals: RunTotals,
  elapsedSeconds: number,
  commandSeconds: number,
  eventStore: SeedSummary['eventStore'],
): SeedSummary {
  return {
    seed: options.seed,
    projects: options.projects,
    months: options.months,
    ...totals,
    elapsedSeconds: Math.round(elapsedSeconds * 10) / 10,
    commandSeconds: Math.round(commandSeconds * 10) / 10,
    eventStore,
  };
}

const n = (value: number) => value.toLocaleString('en-GB');

export function formatSummary(summary: SeedSummary): string {
  const rate = summary.commandSeconds > 0 ? Math.round(summary.commands / summary.commandSeconds) : summary.commands;
  const pilots = `${summary.projects} project${summary.projects === 1 ? '' : 's'}`;
  return [
    `Seeded ${pilots} (seed ${summary.seed}; ${
      summary.projects === 1 ? 'a' : "the valley's"
    } ${summary.months}-month pilot + 2-month extension${
      summary.projects === 1 ? '' : ', the other territories as their variants plan'
    }) through the command bus`,
    `  projects           ${n(summary.projects)}`,
    `  commands executed  ${n(summary.commands)}${summary.replayed > 0 ? ` (${n(summary.replayed)} already in the store: replayed, nothing written)` : ''}`,
    `  events written     ${n(summary.events)}`,
    `  elapsed            ${summary.elapsedSeconds.toFixed(1)} s (commands ${summary.commandSeconds.toFixed(1)} s, ${n(rate)} commands/s)`,
    `  event store        ${summary.eventStore.kind}: ${n(summary.eventStore.streamCount)} streams, last position ${summary.eventStore.lastPosition ?? 'none'}`,
    '',
  ].join('\n');
}
