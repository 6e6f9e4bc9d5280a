import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SqlExecutor } from '#database';
import { signalFactsProjection } from '../signals/index.js';
import { pilot, ReadModelHarness } from '../testing/index.js';
import { reportFactsProjection } from './report-facts.projection.js';
import { AssessmentReportReader } from './report-reader.js';

const P = 'kept-report';
const p = pilot(P);
const Q1 = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

// Given a launched pilot with one training course attended by two carers and a channel with a reading.
describe('assessment reports kept while the project does not change', () => {
  let harness: ReadModelHarness;
  let kept: AssessmentReportReader;
  let fresh: AssessmentReportReader;
  const statements = { count: 0, failOnce: false };

  beforeAll(async () => {
    harness = await ReadModelHarness.open({ projections: [signalFactsProjection, reportFactsProjection] });
    const counted: SqlExecutor = {
      query: (sql, params) => {
        statements.count += 1;
        if (statements.failOnce && !sql.includes('version')) {
          statements.failOnce = false;
          return Promise.reject(new Error('connection lost'));
        }
        return harness.database.query(sql, params);
      },
      exec: (sql) => harness.database.exec(sql),
      copyIn: (table, columns, rows) => harness.database.copyIn(table, columns, rows),
    };
    kept = new AssessmentReportReader(counted, { reportsKept: 10 });
    fresh = new AssessmentReportReader(harness.database);
    await harness.append([
      p.launch('2024-12-20', { eligibleCarers: 12 }),
      p.channel('ch-site', 'website', '2025-01-03'),
      p.schedule('T1', 'training_course', '2025-01-06'),
      p.held('T1', '2025-01-15'),
      ...p.attended('T1', ['c1', 'c2'], '2025-01-15'),
      p.reading('ch-site', ['2025-01-01', '2025-02-01'], { visits: 50, downloads: 4 }, '2025-02-02'),
    ]);
    await harness.project();
  });
  afterAll(() => harness.close());

  it('answers the same question again with one read of the versions', async () => {
    const first = await kept.report({ projectId: P, window: Q1 });
    statements.count = 0;
    expect(await kept.report({ projectId: P, window: Q1 })).toEqual(first);
    expect(statements.count).toBe(1);
    expect(await kept.report({ projectId: P, window: Q1 })).toEqual(await fresh.report({ projectId: P, window: Q1 }));
  });

  it('recomputes after a new signal fact (attendance) and after a new report fact (a reading)', async () => {
    await harness.append([p.held('T2', '2025-03-12'), ...p.attended('T2', ['c3'], '2025-03-12')]);
    await harness.project();
    const afterAttendance = await kept.report({ projectId: P, window: Q1 });
    expect(afterAttendance).toEqual(await fresh.report({ projectId: P, window: Q1 }));
    expect(afterAttendance.carerCount).toBe(3);

    await harness.append([p.reading('ch-site', ['2025-02-01', '2025-03-01'], { visits: 40 }, '2025-03-02')]);
    await harness.project();
    const afterReading = await kept.report({ projectId: P, window: Q1 });
    expect(afterReading).toEqual(await fresh.report({ projectId: P, window: Q1 }));
    expect(afterReading.channels).not.toEqual(afterAttendance.channels);
  });

  it('keeps time travel apart: a report as of January does not see March', async () => {
    const january = await kept.report({ projectId: P, window: Q1, asOf: new Date('2025-01-31T00:00:00Z') });
    expect(january.carerCount).toBe(2);
    expect((await kept.report({ projectId: P, window: Q1 })).carerCount).toBe(3);
  });

  it('does not keep a failure: the same question asked again is computed again', async () => {
    const window = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-02-01T00:00:00Z') };
    statements.failOnce = true;
    await expect(kept.report({ projectId: P, window })).rejects.toThrow('connection lost');
    expect(await kept.report({ projectId: P, window })).toEqual(await fresh.report({ projectId: P, window }));
  });

  it('refuses a project never launched, with its reason', async () => {
    await expect(kept.report({ projectId: 'never-launched' })).rejects.toMatchObject({ reason: 'PROJECT_NOT_FOUND' });
  });
});
