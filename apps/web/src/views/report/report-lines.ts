import { count, date, decimal, percent, words } from '../../ui/format';

/** The parts of `AssessmentReport` these helpers read (field names as in schema.gql). */
export interface TargetLike {
  readonly description: string;
  readonly value: number;
  readonly met?: boolean | null;
  /** The API's judgement (AssessmentReportTargetOutcome); absent from older answers, then `met` decides. */
  readonly outcome?: string | null;
}

export interface ScoreLike {
  readonly average?: number | null;
  readonly answered?: number | null;
  readonly suppressed: boolean;
  readonly suppressionReason?: string | null;
  readonly target?: TargetLike | null;
}

export interface FiguresLike {
  readonly held: number;
  readonly cancelled: number;
  readonly suppressed: boolean;
  readonly suppressionReason?: string | null;
  readonly understanding: ScoreLike;
  readonly satisfaction: ScoreLike;
}

export interface LineLike extends FiguresLike {
  readonly kind: string;
  readonly target?: TargetLike | null;
}

export interface ReachLike {
  readonly distinctCarers?: number | null;
  readonly eligible?: number | null;
  readonly share?: number | null;
  readonly target?: number | null;
  readonly targetCarers?: number | null;
  readonly met?: boolean | null;
  readonly outcome?: string | null;
  readonly suppressed: boolean;
  readonly suppressionReason?: string | null;
}

export interface ReportLike {
  readonly activities: readonly LineLike[];
  readonly overall: FiguresLike;
  readonly reach: ReachLike;
  readonly goals: { readonly selfOrganising: TargetLike; readonly selfOrganisingSince?: string | null };
}

const KIND_LABELS: Record<string, string> = {
  training_course: 'Training courses',
  peer_meeting: 'Peer meetings',
  committee_meeting: 'Committee meetings',
  co_design_workshop: 'Co-design workshops',
  co_assessment_workshop: 'Co-assessment workshops',
  information_event: 'Information events',
};

export function kindLabel(kind: string): string {
  if (KIND_LABELS[kind]) return KIND_LABELS[kind];
  const spelled = words(kind);
  return spelled.charAt(0).toUpperCase() + spelled.slice(1);
}

/**
 * A target's verdict: met, missed, not measured (nothing was recorded to judge by: never a zero
 * that misses), not due (the target asks nothing of the window), withheld for a small group, or
 * not judged when the API gave no reason.
 */
export type Verdict = 'met' | 'missed' | 'not-measured' | 'not-due' | 'not-judged' | 'withheld';

export function verdictOf(met: boolean | null | undefined, suppressed = false): Verdict {
  if (suppressed) return 'withheld';
  if (met === true) return 'met';
  if (met === false) return 'missed';
  return 'not-judged';
}

const OUTCOME_VERDICTS: Record<string, Verdict> = {
  met: 'met',
  missed: 'missed',
  not_measured: 'not-measured',
  not_due: 'not-due',
  withheld: 'withheld',
};

/** The verdict the API's `outcome` gives, else the one `met` gives. */
export function verdictOfTarget(
  target: { readonly met?: boolean | null; readonly outcome?: string | null } | null | undefined,
  suppressed = false,
): Verdict {
  if (suppressed) return 'withheld';
  return (target?.outcome ? OUTCOME_VERDICTS[target.outcome] : undefined) ?? verdictOf(target?.met);
}

/** A figure that may not have been measured: "not measured" then, never "0" or a dash. */
export function measuredCount(value: number | null | undefined, measured: boolean | null | undefined): string {
  return measured === false ? 'not measured' : count(value);
}

/** A mean score in [0, 1] as a share with one decimal ("87.4%"). */
export function share(value: number | null | undefined): string {
  return percent(value, 1);
}

export interface TargetRow {
  readonly key: string;
  readonly label: string;
  /** The target in words. */
  readonly target: string;
  /** What the window shows, in words (null when withheld). */
  readonly result: string | null;
  readonly verdict: Verdict;
  /** Why there is no verdict, or why it was withheld. */
  readonly note: string | null;
}

function scoreRow(key: string, label: string, score: ScoreLike, unit: [string, string]): TargetRow {
  const answered = score.answered ?? 0;
  const target = score.target ? `Average of at least ${share(score.target.value)}` : 'No target (launch not visible)';
  if (score.suppressed) {
    return { key, label, target, result: null, verdict: 'withheld', note: score.suppressionReason ?? null };
  }
  const result =
    answered === 0
      ? `No ${unit[1]} yet`
      : `${share(score.average)} over ${count(answered)} ${answered === 1 ? unit[0] : unit[1]}`;
  const verdict = verdictOfTarget(score.target);
  const unjudged = verdict === 'not-judged' || verdict === 'not-measured';
  return { key, label, target, result, verdict, note: unjudged ? 'nobody answered' : null };
}

/**
 * Every target of the report beside what the window shows: the cadence of each kind that has one,
 * understanding and satisfaction over all activities, reach, and the committee becoming
 * self-organising.
 */
export function targetRows(report: ReportLike): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const line of report.activities) {
    if (!line.target) continue;
    const verdict = verdictOfTarget(line.target);
    rows.push({
      key: `cadence:${line.kind}`,
      label: `${kindLabel(line.kind)} held`,
      target: `At least ${count(line.target.value)} held`,
      result: `${count(line.held)} held`,
      verdict,
      note: verdict === 'not-judged' || verdict === 'not-due' ? 'no whole session due in this window' : null,
    });
  }
  rows.push(
    scoreRow('understanding', 'Understanding (after-course quizzes)', report.overall.understanding, [
      'quiz',
      'quizzes',
    ]),
  );
  rows.push(
    scoreRow('satisfaction', 'Satisfaction (survey responses)', report.overall.satisfaction, ['response', 'responses']),
  );
  const reach = report.reach;
  const reachTarget =
    reach.target === null || reach.target === undefined
      ? 'No target (launch not visible)'
      : `${share(reach.target)} of ${count(reach.eligible)} eligible carers (${decimal(reach.targetCarers, 1)} carers)`;
  if (reach.suppressed) {
    rows.push({
      key: 'reach',
      label: 'Reach (carers who took part)',
      target: reachTarget,
      result: null,
      verdict: 'withheld',
      note: reach.suppressionReason ?? null,
    });
  } else {
    const verdict = verdictOfTarget(reach);
    rows.push({
      key: 'reach',
      label: 'Reach (carers who took part)',
      target: reachTarget,
      result: `${count(reach.distinctCarers)} carers (${share(reach.share)})`,
      verdict,
      note: verdict === 'not-judged' ? 'the launch is not visible' : null,
    });
  }
  const since = report.goals.selfOrganisingSince;
  rows.push({
    key: 'self-organising',
    label: 'Committee self-organising',
    target: 'The citizens’ committee becomes self-organising',
    result: since ? `Since ${date(since)}` : 'Not yet',
    verdict: verdictOfTarget(report.goals.selfOrganising),
    note: null,
  });
  return rows;
}

export interface SuppressionNote {
  readonly where: string;
  readonly reason: string;
}

const WITHHELD = 'Computed over too few carers: withheld so that no carer can be singled out.';

/** Which figures were withheld, and why, in the API's words, in the order the report shows them. */
export function suppressionNotes(report: ReportLike): SuppressionNote[] {
  const notes: SuppressionNote[] = [];
  const figures = (label: string, line: FiguresLike) => {
    if (line.suppressed) notes.push({ where: `${label}: attendance`, reason: line.suppressionReason ?? WITHHELD });
    if (line.understanding.suppressed) {
      notes.push({ where: `${label}: understanding`, reason: line.understanding.suppressionReason ?? WITHHELD });
    }
    if (line.satisfaction.suppressed) {
      notes.push({ where: `${label}: satisfaction`, reason: line.satisfaction.suppressionReason ?? WITHHELD });
    }
  };
  for (const line of report.activities) figures(kindLabel(line.kind), line);
  figures('All activities', report.overall);
  if (report.reach.suppressed) notes.push({ where: 'Reach', reason: report.reach.suppressionReason ?? WITHHELD });
  return notes;
}

/** A window `[from, to)` said in days: the last day shown is the one before `to`. */
export function windowText(window: { from: string; to: string } | null | undefined): string {
  if (!window) return 'nothing of the project is visible';
  const last = new Date(new Date(window.to).getTime() - 1);
  return `${date(window.from)} – ${date(last)}`;
}

/** The next day at midnight UTC: a last day picked by the reader, as the window's exclusive end. */
export function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/**
 * The window the reader picked as first and last day (both included), or none: the whole project.
 * A window needs both days, the first not after the last; otherwise `problem` says what is wrong.
 */
export function windowOf(
  firstDay: string | null,
  lastDay: string | null,
): { window: { from: string; to: string } | null; problem: string | null } {
  if (!firstDay && !lastDay) return { window: null, problem: null };
  if (!firstDay || !lastDay) {
    return {
      window: null,
      problem:
        'Pick both a first and a last day to report on a window; until then the report covers the whole project.',
    };
  }
  if (firstDay > lastDay) {
    return { window: null, problem: 'The first day is after the last day: the report covers the whole project.' };
  }
  return { window: { from: `${firstDay}T00:00:00.000Z`, to: dayAfter(lastDay) }, problem: null };
}
