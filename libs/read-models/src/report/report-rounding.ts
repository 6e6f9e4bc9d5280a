import { roundCount, roundToBase, SCORE_BASE } from '../signals/index.js';
import { round } from '../shared/index.js';
import type { ActivityFigures, ReportScore } from './report-activities.js';
import type { ReachLine } from './report-reach.js';
import type { AssessmentReport } from './report-reader.js';
import { EPSILON, mean, outcomeOf } from './report-targets.js';

/**
 * Disclosure control against differencing for the assessment report, for roles that may not
 * identify carers, after small-group suppression: the rule of the signals (signals/disclosure-control.ts,
 * docs/security.md "Differencing"). Every carer-derived count (attendances, distinct attendees,
 * quizzes and responses answered, carers reached, carerCount) is rounded to a multiple of
 * COUNT_BASE, every sum of scores to a whole number, and what is built on them (averages, the reach
 * share, whether a target is met) is recomputed from the rounded figures. Withheld figures stay
 * withheld; figures not about carers (held, cancelled, targets, goals, channels) stay exact. Pure,
 * deterministic, idempotent.
 */

const atMost1 = (value: number) => Math.min(1, Math.max(0, value));

function roundScore(score: ReportScore): ReportScore {
  if (score.suppressed || score.carerCount === null || score.answered === null) return score;
  const answered = roundCount(score.answered);
  // The sum of the answers' scores, each in [0, 1]; rounded to 9 digits first so that 3.4999999 is 3.5.
  const sum = roundToBase(round((score.average ?? 0) * score.answered, 9), SCORE_BASE);
  const average = answered > 0 ? atMost1(mean(sum, answered)!) : null;
  const met = score.target && average !== null ? average >= score.target.value - EPSILON : null;
  return {
    ...score,
    average,
    answered,
    carerCount: roundCount(score.carerCount),
    target: score.target ? { ...score.target, met, outcome: outcomeOf(met, 'not_measured') } : null,
  };
}

function roundFigures<T extends ActivityFigures>(figures: T): T {
  const understanding = roundScore(figures.understanding);
  const satisfaction = roundScore(figures.satisfaction);
  if (figures.suppressed || figures.carerCount === null || figures.attendances === null) {
    return { ...figures, understanding, satisfaction };
  }
  const attendances = roundCount(figures.attendances);
  return {
    ...figures,
    attendances,
    averageAttendees: mean(attendances, figures.held),
    distinctAttendees: figures.distinctAttendees === null ? null : roundCount(figures.distinctAttendees),
    carerCount: roundCount(figures.carerCount),
    understanding,
    satisfaction,
  };
}

function roundReach(reach: ReachLine): ReachLine {
  if (reach.suppressed || reach.carerCount === null || reach.distinctCarers === null) return reach;
  const distinctCarers = roundCount(reach.distinctCarers);
  const met =
    reach.met === null || reach.targetCarers === null ? reach.met : distinctCarers >= reach.targetCarers - EPSILON;
  return {
    ...reach,
    distinctCarers,
    carerCount: roundCount(reach.carerCount),
    share: reach.share === null || !reach.eligible ? reach.share : round(distinctCarers / reach.eligible),
    met,
    outcome: met === null ? reach.outcome : outcomeOf(met, 'not_measured'),
  };
}

/** The report with its carer-derived figures rounded, for a role that may not identify carers. */
export function roundAssessmentReport(report: AssessmentReport): AssessmentReport {
  return {
    ...report,
    activities: report.activities.map(roundFigures),
    overall: roundFigures(report.overall),
    reach: roundReach(report.reach),
    carerCount: report.carerCount === null ? null : roundCount(report.carerCount),
  };
}
