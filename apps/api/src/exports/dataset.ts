import type { Actor } from '#event-store';
import type { SignalGranularity } from '../signals/signals.models.js';
import type { ExportSources } from './export-sources.js';

/** A cell of an exported table: CSV writes null as an empty field, NDJSON as null. */
export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

/** A column of a table, described once for the CSV header order, NDJSON keys, docs and the open-data README. */
export interface Column {
  readonly name: string;
  readonly description: string;
}

export type ExportScope = { readonly projectId: string } | { readonly territoryId: string };

/** What an export was asked for, checked (see export-request.ts). */
export interface ExportArguments {
  readonly asOf: Date | null;
  readonly knownAt: Date | null;
  readonly from: Date | null;
  readonly to: Date | null;
  readonly granularity: SignalGranularity;
  readonly framework: { readonly id: string; readonly version: number } | null;
}

export interface ExportContext {
  readonly actor: Actor;
  readonly scope: ExportScope;
  readonly args: ExportArguments;
  readonly sources: ExportSources;
}

/**
 * One exported table. `operation` names the GraphQL root operation the data comes from: its row
 * of the operation policy decides who may export it, exactly as it decides who may query it.
 */
export interface TableDataset {
  readonly name: string;
  readonly title: string;
  readonly operation: string;
  readonly scopes: readonly ('project' | 'territory')[];
  /** The time-travel arguments the GraphQL query takes; the others are refused. */
  readonly timeTravel: { readonly asOf: boolean; readonly knownAt: boolean };
  readonly columns: readonly Column[];
  rows(context: ExportContext): AsyncIterable<Row>;
}

export const projectIdOf = (scope: ExportScope): string | null => ('projectId' in scope ? scope.projectId : null);
export const territoryIdOf = (scope: ExportScope): string | null => ('territoryId' in scope ? scope.territoryId : null);

export const iso = (value: Date | null | undefined): string | null => (value ? value.toISOString() : null);

/** A row in the order of the columns, whatever order the mapper built it in (and nothing else). */
export function inColumns(columns: readonly Column[], values: Record<string, Cell | undefined>): Row {
  const row: Record<string, Cell> = {};
  for (const column of columns) row[column.name] = values[column.name] ?? null;
  return row;
}
