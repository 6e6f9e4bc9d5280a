import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, type RunningApi } from './support/api-process.js';
import { suiteStore } from './support/suite-api.js';
import { ADMIN, as, COORDINATOR } from './support/auth.js';
import { mutateOk } from './support/operations.js';
import { heldCourseOf5March, launchProject, participatingCarer } from './support/project.js';

const MARCH = '{ from: "2025-03-01T00:00:00.000Z", to: "2025-04-01T00:00:00.000Z" }';
const QUERY = `query ($p: ID!, $asOf: DateTime, $at: String) {
  signals(scope: { projectId: $p }, window: ${MARCH}, asOf: $asOf, atLeastPosition: $at) {
    engagement { value breakdown { key numerator denominator value effectiveWeight included carerCount suppressed } }
  }
  assessmentReport(projectId: $p, window: ${MARCH}, asOf: $asOf) {
    overall { understanding { average answered carerCount suppressed } }
  }
}`;

interface Indicator {
  key: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  effectiveWeight: number;
  included: boolean;
  carerCount: number | null;
  suppressed: boolean;
}
interface Answer {
  signals: { engagement: { value: number | null; breakdown: Indicator[] } };
  assessmentReport: {
    overall: { understanding: { average: number | null; answered: number | null; carerCount: number | null } };
  };
}

/** Five carers' after-course quizzes by 10 March; a sixth carer's, 7 correct of 10, on 20 March. */
const BEFORE = '2025-03-10T00:00:00.000Z';
const AFTER = '2025-03-25T00:00:00.000Z';
const FIRST_FIVE = [6, 8, 5, 9, 7];
const SIXTH = 7;
const QUESTIONS = 10;

/** Multiples of 5, halves up: the rounding the control applies to counts (disclosure-control.ts). */
const toFive = (value: number) => Math.floor(value / 5 + 0.5) * 5;

/**
 * The differencing attack through `asOf`: each result is over at least 5 carers, so small-group
 * suppression withholds nothing, yet the difference of the two is the sixth carer's quiz. The
 * provider (who may identify carers) gets it; a researcher, after the disclosure control, does not.
 */
describe('differencing', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'differencing-'));
  const store = suiteStore('differencing');
  const projectId = randomUUID();
  const researcher = as('researcher-7;researcher;org-university');
  let api: RunningApi;
  let last = '';

  const mutate = async (name: string, input: Record<string, unknown>, headers = COORDINATOR) => {
    const written = await mutateOk(api, name, input, headers);
    last = written.position;
    return written;
  };
  const read = async (headers: Record<string, string>, asOf: string) => {
    const answer = await api.graphql<Answer>(QUERY, { p: projectId, asOf, at: last }, headers);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  };
  const understanding = (answer: Answer) => answer.signals.engagement.breakdown.find((i) => i.key === 'understanding')!;

  beforeAll(async () => {
    api = await startApi({ DATA_DIR: dataDir, ...store.env });
    await mutate(
      'registerOrganisation',
      { organisationId: 'org-university', name: 'University', kind: 'university' },
      ADMIN,
    );
    await launchProject(api, projectId);
    await mutate('joinPartnership', { projectId, organisationId: 'org-university', partnerRole: 'research_partner' });
    const activityId = await heldCourseOf5March(mutate, projectId);
    for (const [index, correctAnswers] of [...FIRST_FIVE, SIXTH].entries()) {
      const carerId = await participatingCarer(api, projectId, `Carer ${randomUUID().slice(0, 8)}`);
      await mutate('recordCarerAttendance', { activityId, carerId, occurredAt: '2025-03-05T17:00:00.000Z' });
      await mutate('recordUnderstandingQuiz', {
        activityId,
        carerId,
        phase: 'after',
        questionsAsked: QUESTIONS,
        correctAnswers,
        occurredAt: index < FIRST_FIVE.length ? '2025-03-05T17:10:00.000Z' : '2025-03-20T10:00:00.000Z',
      });
    }
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await store.drop();
  });

  it('without the control (the provider’s view), subtracting two asOf moments gives the sixth carer’s score', async () => {
    const [before, after] = [await read(COORDINATOR, BEFORE), await read(COORDINATOR, AFTER)];
    expect(understanding(before)).toMatchObject({ numerator: 35, denominator: 50, carerCount: 5, suppressed: false });
    expect(understanding(after)).toMatchObject({ numerator: 42, denominator: 60, carerCount: 6, suppressed: false });
    expect(understanding(after).numerator! - understanding(before).numerator!).toBe(SIXTH);
    expect(understanding(after).denominator! - understanding(before).denominator!).toBe(QUESTIONS);
    // The report gives it too: average × answered is the sum of the scores.
    const sum = (answer: Answer) =>
      answer.assessmentReport.overall.understanding.average! * answer.assessmentReport.overall.understanding.answered!;
    expect(sum(after) - sum(before)).toBeCloseTo(SIXTH / QUESTIONS, 9);
  });

  it('with the control, a researcher’s results at the two moments do not determine it', async () => {
    const [before, after] = [await read(researcher, BEFORE), await read(researcher, AFTER)];
    // Shown (over 5 carers or more, nothing withheld), rounded: 35 → 35 and 42 → 40 correct answers.
    expect(understanding(before)).toMatchObject({ numerator: 35, denominator: 50, carerCount: 5, suppressed: false });
    expect(understanding(after)).toMatchObject({ numerator: 40, denominator: 60, carerCount: 5, suppressed: false });
    // Every score of 0..10 for which some hidden count of correct answers explains both results.
    const possible = Array.from({ length: QUESTIONS + 1 }, (_, k) => k).filter((k) =>
      Array.from({ length: 61 }, (_, s) => s).some(
        (s) => toFive(s) === understanding(before).numerator && toFive(s + k) === understanding(after).numerator,
      ),
    );
    expect(possible).toContain(SIXTH);
    expect(possible).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The signal is the weighted mean of the rounded values shown: it gives nothing more back.
    const engagement = after.signals.engagement;
    const mean = engagement.breakdown
      .filter((i) => i.included)
      .reduce((sum, i) => sum + i.effectiveWeight * i.value!, 0);
    expect(engagement.value).toBeCloseTo(mean, 9);
    // The report: 5 and 6 quizzes both shown as 5, the sums 3.5 and 4.2 both as 4: the same figures.
    expect(before.assessmentReport.overall.understanding).toEqual({
      average: 0.8,
      answered: 5,
      carerCount: 5,
      suppressed: false,
    });
    expect(after.assessmentReport.overall.understanding).toEqual(before.assessmentReport.overall.understanding);
  });
});
