import { validated } from '../command-side/validated.js';
import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '#config';
import type { Actor } from '#event-store';
import { ConsistencyService } from '#read-models';
import {
  type AssessmentReport as ReportData,
  type ChannelLine,
  type ReportScore,
  type ReportTarget,
} from '#read-models/report';
import type { InformationChannelKind } from '#domain';
import { assessmentReportFor } from '../auth/disclosure.js';
import { CurrentActor } from '../command-side/actor.js';
import { SignalWindowInput } from '../signals/signals.inputs.js';
import {
  AssessmentReport,
  type AssessmentReportScore,
  type AssessmentReportTarget,
} from './assessment-report.models.js';
import { AssessmentReportService } from './assessment-report.service.js';
import { AsOfArg, AtLeastPositionArg, KnownAtArg } from '../time-travel/time-travel.args.js';
import { requireQueryTimes } from '../time-travel/query-times.js';

/** The report reads both fact projections; a consistency token waits for both. */
const REPORT_PROJECTIONS = ['signal-facts', 'report-facts'];

const target = (data: ReportTarget | null): AssessmentReportTarget | null => (data ? { ...data } : null);
const score = (data: ReportScore): AssessmentReportScore => ({ ...data, target: target(data.target) });

function toModel(data: ReportData): AssessmentReport {
  const figures = <T extends ReportData['overall']>(line: T) => ({
    ...line,
    understanding: score(line.understanding),
    satisfaction: score(line.satisfaction),
  });
  return {
    ...data,
    window: data.window ? { from: data.window.from, to: data.window.to } : null,
    settings: data.settings ? { ...data.settings, targets: { ...data.settings.targets } } : null,
    activities: data.activities.map((line) => ({ ...figures(line), target: target(line.target) })),
    overall: figures(data.overall),
    goals: {
      ...data.goals,
      goals: data.goals.goals.map((goal) => ({ ...goal })),
      selfOrganising: { ...data.goals.selfOrganising },
    },
    channels: data.channels.map((channel: ChannelLine) => ({
      ...channel,
      kind: channel.kind as InformationChannelKind | null,
      measured: { ...channel.measured },
    })),
    channelTotals: { ...data.channelTotals, measured: { ...data.channelTotals.measured } },
    reach: { ...data.reach },
  };
}

@Resolver()
export class AssessmentReportResolver {
  constructor(
    private readonly service: AssessmentReportService,
    private readonly consistency: ConsistencyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => AssessmentReport, {
    description:
      'The assessment report of a project: per activity kind held and cancelled, attendance, understanding and satisfaction; committee goals by outcome; channel counters; new patients informed; reach — each beside its target. Without a window: the whole project.',
  })
  async assessmentReport(
    @CurrentActor() actor: Actor,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('window', { type: () => SignalWindowInput, nullable: true }, validated(SignalWindowInput))
    window?: SignalWindowInput | null,
    @AsOfArg()
    asOf?: Date | null,
    @KnownAtArg()
    knownAt?: Date | null,
    @AtLeastPositionArg('the report facts')
    atLeastPosition?: string | null,
  ): Promise<AssessmentReport> {
    requireQueryTimes({ asOf, knownAt, window });
    await this.consistency.atLeast(atLeastPosition, REPORT_PROJECTIONS);
    const report = await this.service.reader.report({
      projectId,
      window: window ? { from: window.from, to: window.to } : null,
      asOf,
      knownAt,
    });
    return toModel(assessmentReportFor(actor, report, this.config.smallGroupMinCarers));
  }
}
