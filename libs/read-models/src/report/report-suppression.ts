import { isSmallGroup, requireMinCarers, smallGroupReason } from '../signals/index.js';
import type { ActivityFigures, ActivityKindLine, ReportScore } from './report-activities.js';
import type { ReachLine } from './report-reach.js';
import type { AssessmentReport } from './report-reader.js';

/**
 * Small-group suppression of the assessment report, for roles that may not see individual carers
 * (the rules are those of the signals' small-group suppression; docs/assessment-report.md,
 * "Small groups"). Pure: no I/O, no domain.
 *
 * Carer-derived figures: per activity line and overall, the attendance figures (attendances,
 * averageAttendees, distinctAttendees), understanding (average, answered, whether the threshold is
 * met) and satisfaction (likewise); reach (distinctCarers, share, met); the report's carerCount.
 * Activities held and cancelled, cadence targets, goals, channels, patients and settings are not
 * about carers and stay.
 *
 * The lines of a group add up to the overall figures (attendances, and average × answered), so a
 * line withheld on its own could be worked out by subtracting the others from the overall. When a
 * group withholds some line but shows the overall, the smallest line still shown (by carers) is
 * withheld too: what subtraction then gives covers that line's carers, never fewer than
 * `minCarers`.
 */

type Group = 'attendance' | 'understanding' | 'satisfaction';
const GROUPS: readonly Group[] = ['attendance', 'understanding', 'satisfaction'];

const COMPLEMENT_REASON = (minCarers: number) =>
  `Withheld so that another activity line, computed over fewer than ${minCarers} carers, cannot be worked out by subtracting the lines shown from the overall figures.`;

function withholdScore(score: ReportScore, reason: string): ReportScore {
  return {
    ...score,
    average: null,
    answered: null,
    target: score.target ? { ...score.target, met: null, outcome: 'withheld' } : null,
    carerCount: null,
    suppressed: true,
    suppressionReason: reason,
  };
}

function withhold<T extends ActivityFigures>(figures: T, group: Group, reason: string): T {
  switch (group) {
    case 'attendance':
      return {
        ...figures,
        attendances: null,
        averageAttendees: null,
        distinctAttendees: null,
        carerCount: null,
        suppressed: true,
        suppressionReason: reason,
      };
    case 'understanding':
      return { ...figures, understanding: withholdScore(figures.understanding, reason) };
    case 'satisfaction':
      return { ...figures, satisfaction: withholdScore(figures.satisfaction, reason) };
  }
}

const carersOf = (figures: ActivityFigures, group: Group): number | null =>
  group === 'attendance' ? figures.carerCount : figures[group].carerCount;
const suppressedIn = (figures: ActivityFigures, group: Group): boolean =>
  group === 'attendance' ? figures.suppressed : figures[group].suppressed;

/** Withholds each group of figures computed over 1 to minCarers − 1 carers. */
function primary<T extends ActivityFigures>(figures: T, minCarers: number): T {
  let result = figures;
  for (const group of GROUPS) {
    if (isSmallGroup(carersOf(figures, group), minCarers)) {
      result = withhold(result, group, smallGroupReason(minCarers));
    }
  }
  return result;
}

function suppressReach(reach: ReachLine, minCarers: number): ReachLine {
  if (!isSmallGroup(reach.carerCount, minCarers)) return reach;
  return {
    ...reach,
    distinctCarers: null,
    share: null,
    met: null,
    outcome: reach.outcome === null ? null : 'withheld',
    carerCount: null,
    suppressed: true,
    suppressionReason: smallGroupReason(minCarers),
  };
}

/** The report as a role that may not identify carers sees it. */
export function suppressAssessmentReport(report: AssessmentReport, minCarers: number): AssessmentReport {
  requireMinCarers(minCarers);
  let activities: ActivityKindLine[] = report.activities.map((line) => primary(line, minCarers));
  const overall = primary(report.overall, minCarers);
  for (const group of GROUPS) {
    // A report suppressed before already has its complements (applying the function twice changes nothing).
    if (report.activities.some((line) => suppressedIn(line, group))) continue;
    if (!activities.some((line) => suppressedIn(line, group)) || suppressedIn(overall, group)) continue;
    // The smallest line still shown that has carers at all (a line over 0 carers adds nothing).
    let smallest: number | null = null;
    activities.forEach((line, index) => {
      const carers = carersOf(line, group);
      if (suppressedIn(line, group) || carers === null || carers === 0) return;
      if (smallest === null || carers < carersOf(activities[smallest]!, group)!) smallest = index;
    });
    if (smallest === null) continue;
    activities = activities.map((line, index) =>
      index === smallest ? withhold(line, group, COMPLEMENT_REASON(minCarers)) : line,
    );
  }
  const reach = suppressReach(report.reach, minCarers);
  const countSuppressed = isSmallGroup(report.carerCount, minCarers);
  const anySuppressed =
    [...activities, overall].some((figures) => GROUPS.some((group) => suppressedIn(figures, group))) ||
    reach.suppressed;
  return {
    ...report,
    activities,
    overall,
    reach,
    carerCount: countSuppressed ? null : report.carerCount,
    suppressed: report.suppressed || countSuppressed || anySuppressed,
  };
}
