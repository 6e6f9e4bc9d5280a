import type { ActivityKind, ProjectTargets } from '#domain';
import { round } from '../shared/index.js';

/**
 * How a line stands against its target. `met`/`missed` only when the line was measured:
 * `not_measured` when nothing was recorded to judge by (nobody answered, no reading) — never read
 * as a zero that misses; `not_due` when the target asks nothing of the window; `withheld` when the
 * figure was withheld over a small group of carers.
 */
export const TARGET_OUTCOMES = ['met', 'missed', 'not_measured', 'not_due', 'withheld'] as const;
export type TargetOutcome = (typeof TARGET_OUTCOMES)[number];

/** A line's target and whether the line meets it; `met` is null when the line has no data to judge (see `outcome`). */
export interface ReportTarget {
  readonly description: string;
  readonly value: number;
  readonly met: boolean | null;
  readonly outcome: TargetOutcome;
}

/** The outcome of a judgement: met or missed, else why there is none. */
export const outcomeOf = (met: boolean | null, otherwise: Exclude<TargetOutcome, 'met' | 'missed'>): TargetOutcome =>
  met === null ? otherwise : met ? 'met' : 'missed';

/** The report judges by the targets as the domain defines them: the shared ones plus the score thresholds. */
export type ReportTargets = ProjectTargets;

/**
 * Small-group suppression (report-suppression.ts): each object with figures derived from carers'
 * own facts says over how many distinct carers they were computed (`carerCount`) and whether they
 * were withheld; nested objects carry their own.
 */
export interface Suppressible {
  /** Distinct carers behind this object's carer-derived figures; null when withheld. */
  readonly carerCount: number | null;
  readonly suppressed: boolean;
  readonly suppressionReason: string | null;
}

/** What the reader computes: nothing withheld yet (suppression comes after, per role). */
export const SHOWN = { suppressed: false, suppressionReason: null } as const;

/** Tolerance when comparing a computed figure with a target (fractions are not exact). */
export const EPSILON = 1e-9;
export const mean = (sum: number, n: number) => (n > 0 ? round(sum / n) : null);
const format = (value: number) => String(Math.round(value * 1000) / 1000);

/** Met when the average reaches the threshold; null (not measured) without answers. */
export function threshold(measure: string, score: string, value: number, average: number | null): ReportTarget {
  const met = average === null ? null : average >= value - EPSILON;
  return {
    description: `Average ${measure} (${score}) of at least ${format(value)}`,
    value,
    met,
    outcome: outcomeOf(met, 'not_measured'),
  };
}

/** Kinds with a cadence target, and how the expected number of held activities is derived. */
const CADENCE: Partial<Record<ActivityKind, (targets: ReportTargets, months: number) => [number, string] | null>> = {
  training_course: (t, months) =>
    t.trainingCoursesPerMonth > 0
      ? [t.trainingCoursesPerMonth * months, `${t.trainingCoursesPerMonth} training course(s) a month`]
      : null,
  peer_meeting: (t, months) =>
    t.peerMeetingsPerMonth > 0
      ? [t.peerMeetingsPerMonth * months, `${t.peerMeetingsPerMonth} peer meeting(s) a month`]
      : null,
  committee_meeting: (t, months) =>
    t.committeeEveryMonths > 0
      ? [months / t.committeeEveryMonths, `a committee meeting every ${t.committeeEveryMonths} month(s)`]
      : null,
};

/**
 * Expected held activities: the monthly cadence × pilot months in the window (committee: months /
 * every N), rounded down to whole activities. Met when held ≥ expected; null when nothing is expected.
 */
export function cadenceTarget(
  kind: ActivityKind,
  held: number,
  targets: ReportTargets | null,
  months: number,
): ReportTarget | null {
  const rule = CADENCE[kind];
  if (!rule || !targets) return null;
  const cadence = rule(targets, months);
  if (!cadence) return null;
  const [exact, wording] = cadence;
  const expected = Math.floor(exact + EPSILON);
  // Holdings are recorded as they happen: none recorded is a measured 0, so only "nothing due" is left unjudged.
  const met = expected > 0 ? held >= expected : null;
  return {
    description: `${wording}: at least ${expected} held over ${format(months)} pilot month(s) in the window`,
    value: expected,
    met,
    outcome: outcomeOf(met, 'not_due'),
  };
}
