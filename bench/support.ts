import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';

export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

export function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
}

/** `--name a,b,c`: positive whole numbers. */
export function listOption(name: string, fallback: number[]): number[] {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const values = (process.argv[index + 1] ?? '').split(',').map(Number);
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v <= 0))
    throw new Error(`--${name} takes a comma-separated list of positive whole numbers`);
  return values;
}

/** `--name value`: a word, a path; null when the option is not given. */
export function textOption(name: string): string | null {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return null;
  const value = process.argv[index + 1];
  if (!value || value.startsWith('--')) throw new Error(`--${name} takes a value`);
  return value;
}

/** An event of about 300 bytes, the size the engineering notes measured with. */
export function benchEvent(index: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'CarerAttendedActivity',
    schemaVersion: 1,
    data: { activityId: randomUUID(), carerId: randomUUID(), index, note: 'present' },
    metadata: { actor: { id: 'bench', role: 'provider', organisationId: 'org-bench' }, correlationId: randomUUID() },
    occurredAt: new Date(),
  };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

/** Splits `total` into `parts` nearly equal whole numbers. */
export function share(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

export function printTable(rows: Array<Record<string, string | number>>): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i]!)).join('  ');
  console.log(line(columns));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(columns.map((c) => String(row[c] ?? ''))));
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
