import type { SqlExecutor } from '#database';
import { SIGNAL_VERSIONS_TABLE } from '../signals/index.js';
import { KeptResults, validDate, versionKey } from '../shared/index.js';
import { readSideError } from '../shared/read-side.reasons.js';
import { pilotMonthsIn, type Window } from './pilot-months.js';
import {
  activitiesSection,
  reportActivities,
  type ActivitiesSection,
  type ActivityFigures,
  type ActivityKindLine,
} from './report-activities.js';
import {
  channelTotals,
  newPatientsInformed,
  reportChannels,
  type ChannelCounters,
  type ChannelLine,
} from './report-channels.js';
import { REPORT_VERSIONS_TABLE } from './report-facts.projection.js';
import { goalsSummary, reportGoals, type GoalsSummary } from './report-goals.js';
import { SIGNALS, type AtWindowEnd, type InWindow, type Travel } from './report-query.js';
import { reachedCarers, reachLine, type ReachLine } from './report-reach.js';
import { loadReportHistory, reportSettingsAt, type ReportSettings } from './report-settings.js';
import { defaultReportWindow, validWindow } from './report-window.js';
import { assessmentReportError } from './report.reasons.js';

export interface AssessmentReportRequest {
  readonly projectId: string;
  /** Half-open [from, to) on the date facts occurred; default: the whole project (see `defaultWindow`). */
  readonly window?: Window | null;
  /** Only facts that occurred at or before this moment. */
  readonly asOf?: Date | null;
  /** Only facts recorded at or before this moment. */
  readonly knownAt?: Date | null;
}

export interface AssessmentReport {
  readonly projectId: string;
  /** Null only when no window was asked for and nothing of the project is visible. */
  readonly window: Window | null;
  readonly defaultWindow: boolean;
  readonly asOf: Date | null;
  readonly knownAt: Date | null;
  /** Null when the project's launch is not visible (asOf/knownAt before it). */
  readonly settings: ReportSettings | null;
  readonly pilotMonthsInWindow: number;
  /** One line per activity kind, in the order of ACTIVITY_KINDS. */
  readonly activities: readonly ActivityKindLine[];
  /** Every activity, whatever its kind. */
  readonly overall: ActivityFigures;
  readonly goals: GoalsSummary;
  readonly channels: readonly ChannelLine[];
  readonly channelTotals: ChannelCounters;
  /** Distinct patients first informed in the window; 0 as well when not measured (see the flag). */
  readonly newPatientsInformed: number;
  /** True when some channel's new patients were measured in the window (a patient recorded, or a check overlapping it). */
  readonly newPatientsInformedMeasured: boolean;
  readonly reach: ReachLine;
  /**
   * Distinct carers behind the report's carer-derived figures (attendance, quizzes, survey
   * responses, reach; an anonymous response counts as one carer); null when withheld.
   */
  readonly carerCount: number | null;
  /** True when small-group suppression withheld any figure of the report. */
  readonly suppressed: boolean;
}

/** The sections of a report, computed over one window. */
interface Sections {
  readonly activities: ActivitiesSection;
  readonly reached: readonly string[];
  readonly goals: GoalsSummary;
  readonly channels: readonly ChannelLine[];
  readonly newPatients: number;
}

/** With no window there is nothing to count: every section is empty. */
const NO_SECTIONS: Sections = {
  activities: activitiesSection([], null, 0),
  reached: [],
  goals: goalsSummary([], null),
  channels: [],
  newPatients: 0,
};

/**
 * The assessment report of a project, computed at query time from the time-indexed signal facts
 * (activities, attendance, quizzes, surveys, the launch and its revisions) and report facts
 * (committee goals, information channels, instruments), one section per file beside this one.
 * Every fact read obeys `asOf` (occurred by then) and `knownAt` (recorded by then), so a report as
 * of T equals the report of the history truncated at T. Definitions: docs/assessment-report.md.
 */
export interface AssessmentReportReaderOptions {
  /**
   * How many reports to keep per process, each served only while its project's signal facts and
   * report facts stay at the versions it was computed at (shared/scope-versions.ts); 0: none.
   */
  readonly reportsKept?: number;
}

export class AssessmentReportReader {
  private readonly kept: KeptResults<AssessmentReport> | null;

  constructor(
    private readonly database: SqlExecutor,
    options: AssessmentReportReaderOptions = {},
  ) {
    const reportsKept = options.reportsKept ?? 0;
    this.kept = reportsKept > 0 ? new KeptResults(database, reportsKept) : null;
  }

  async report(request: AssessmentReportRequest): Promise<AssessmentReport> {
    const projectId = request.projectId;
    if (typeof projectId !== 'string' || projectId.length === 0 || projectId.length > 100) {
      throw assessmentReportError('INVALID_PROJECT_ID', 'projectId must be an id of 1 to 100 characters', {
        field: 'projectId',
      });
    }
    const asOf = validDate('asOf', request.asOf);
    const knownAt = validDate('knownAt', request.knownAt);
    const requested = validWindow(request.window);
    if (!this.kept) return this.compute(projectId, asOf, knownAt, requested);
    const question = JSON.stringify([
      projectId,
      asOf?.toISOString() ?? null,
      knownAt?.toISOString() ?? null,
      requested?.from.toISOString() ?? null,
      requested?.to.toISOString() ?? null,
    ]);
    return this.kept.get(
      [
        { table: SIGNAL_VERSIONS_TABLE, key: versionKey({ projectId }) },
        { table: REPORT_VERSIONS_TABLE, key: versionKey({ projectId }) },
      ],
      question,
      () => this.compute(projectId, asOf, knownAt, requested),
    );
  }

  private async compute(
    projectId: string,
    asOf: Date | null,
    knownAt: Date | null,
    requested: Window | null,
  ): Promise<AssessmentReport> {
    await this.requireLaunched(projectId);

    const travel: Travel = [projectId, asOf?.toISOString() ?? null, knownAt?.toISOString() ?? null];
    const history = await loadReportHistory(this.database, travel);
    const window = requested ?? (await defaultReportWindow(this.database, travel, history));
    // Without a window (nothing of the project visible) there are no settings, no months, no sections.
    const settings = history && window ? reportSettingsAt(history, window.to) : null;
    const months = settings && window ? pilotMonthsIn(window, settings.startsOn, settings.pilotMonths) : 0;
    const sections = window ? await this.sections(travel, window, settings, months) : NO_SECTIONS;
    const { activities, reached, goals, channels, newPatients } = sections;
    return {
      projectId,
      window,
      defaultWindow: requested === null,
      asOf,
      knownAt,
      settings,
      pilotMonthsInWindow: months,
      activities: activities.lines,
      overall: activities.overall,
      goals,
      channels,
      channelTotals: channelTotals(channels),
      newPatientsInformed: newPatients,
      newPatientsInformedMeasured: newPatients > 0 || channels.some((channel) => channel.newPatientsInformedMeasured),
      reach: reachLine(reached, settings),
      carerCount: new Set([...reached, ...activities.carers]).size,
      suppressed: false,
    };
  }

  private async sections(
    travel: Travel,
    window: Window,
    settings: ReportSettings | null,
    months: number,
  ): Promise<Sections> {
    const bounds: InWindow = [...travel, window.from.toISOString(), window.to.toISOString()];
    const end: AtWindowEnd = [...travel, window.to.toISOString()];
    const [activities, reached, goals, channels, newPatients] = await Promise.all([
      reportActivities(this.database, bounds, settings, months),
      reachedCarers(this.database, end),
      reportGoals(this.database, end),
      reportChannels(this.database, bounds),
      newPatientsInformed(this.database, bounds),
    ]);
    return { activities, reached, goals, channels, newPatients };
  }

  /** A project never launched is unknown whatever asOf/knownAt say (before its launch it simply has no data). */
  private async requireLaunched(projectId: string): Promise<void> {
    const rows = await this.database.query(
      `select 1 from ${SIGNALS} where project_id = $1 and kind = 'project_launched' limit 1`,
      [projectId],
    );
    if (rows.length === 0) {
      throw readSideError('PROJECT_NOT_FOUND', `No project ${projectId} was launched`, { projectId });
    }
  }
}
