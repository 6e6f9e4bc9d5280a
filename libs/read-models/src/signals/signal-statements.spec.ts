import { describe, expect, it } from '@jest/globals';
import type { SqlExecutor } from '#database';
import { SignalReader } from './signal-reader.js';
import { MARCH, projectedPilot, P } from './testing/signals-pilot-history.js';

/**
 * Parsing, planning and sending a statement cost more than running most indicator statements, so a
 * report keeps their number down: one statement for the scope and its framework, then the
 * indicators' statements side by side, where the indicators that share work share a statement.
 */
describe('statements behind a signal report', () => {
  const pilot = projectedPilot();

  it('computes the default framework over two windows in at most 15 statements, with the same figures', async () => {
    const statements: string[] = [];
    const counting: SqlExecutor = {
      query: (sql, params) => {
        statements.push(sql);
        return pilot.harness.database.query(sql, params);
      },
      exec: (sql) => pilot.harness.database.exec(sql),
      copyIn: (table, columns, rows) => pilot.harness.database.copyIn(table, columns, rows),
    };
    const reader = new SignalReader(counting, pilot.harness.frameworks);
    const report = await reader.report({ scope: { projectId: P }, window: MARCH });
    expect(report.signals).toEqual(pilot.march.signals);
    // The scope, the project histories, the tallies, the carers, the repeated barriers, the barriers
    // alive, the partners present and eight indicators of their own.
    expect(statements.length).toBeLessThanOrEqual(15);
    // The indicators that aggregate the period's facts alone share one statement.
    expect(statements.filter((sql) => sql.includes(' as n0'))).toHaveLength(1);
  });
});
