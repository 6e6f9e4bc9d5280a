import { validated } from '../command-side/validated.js';
import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver, Subscription } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '#config';
import { DomainError } from '#domain';
import type { Actor } from '#event-store';
import { ConsistencyService, ProjectionEvents, watchChanges } from '#read-models';
import { mayIdentifyCarers } from '../auth/roles.js';
import { CurrentActor } from '../command-side/actor.js';
import { CommandRunner } from '../command-side/command-runner.js';
import {
  comparisonForRestrictedRole,
  reportForRestrictedRole,
  type SignalScope as ScopeData,
} from '#read-models/signals';
import { signalReportFor, signalSeriesFor } from '../auth/disclosure.js';
import { SignalScopeInput, SignalFrameworkRefInput, SignalWindowInput } from './signals.inputs.js';
import { toComparison, toReport, toSeries } from './signals.mapping.js';
import { SignalComparison, SignalGranularity, SignalReport, SignalSeries } from './signals.models.js';
import { SignalsService } from './signals.service.js';
import { AsOfArg, AtLeastPositionArg, KnownAtArg } from '../time-travel/time-travel.args.js';
import { requireQueryTimes, requireQueryWindow } from '../time-travel/query-times.js';

const SIGNAL_FACTS = ['signal-facts'];

const SIGNAL_FACTS_NAME = 'the signal facts';

function scopeOf(input: SignalScopeInput): ScopeData {
  // The reader refuses a scope with both or neither; pass both through so it can say so.
  return { projectId: input.projectId ?? null, territoryId: input.territoryId ?? null } as ScopeData;
}

@Resolver()
export class SignalsResolver {
  constructor(
    private readonly service: SignalsService,
    private readonly consistency: ConsistencyService,
    private readonly events: ProjectionEvents,
    private readonly commands: CommandRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Roles that may not identify carers see aggregates over small groups withheld and the rest of
   * the carer-derived figures rounded (docs/signals.md, "Small groups"; docs/security.md, "Differencing").
   */
  private suppresses(actor: Actor): boolean {
    return !mayIdentifyCarers(actor);
  }

  @Subscription(() => SignalReport, {
    description:
      "A project's signals over the framework's default window, pushed whenever new facts change them (as the signal facts projection commits).",
  })
  async signalsUpdated(
    @CurrentActor() actor: Actor,
    @Args('projectId', { type: () => ID }) projectId: string,
  ): Promise<AsyncIterator<{ signalsUpdated: SignalReport }>> {
    await this.commands.requireProject(projectId);
    const suppress = this.suppresses(actor);
    const minCarers = this.config.smallGroupMinCarers;
    // Until the signal facts have caught up with the launch there is nothing to report yet.
    const read = async () => {
      try {
        const report = await this.service.reader.report({ scope: { projectId } });
        return toReport(suppress ? reportForRestrictedRole(report, minCarers) : report);
      } catch (error) {
        if (error instanceof DomainError && error.category === 'not_found') return null;
        throw error;
      }
    };
    const reports = watchChanges(this.events, read, { projections: SIGNAL_FACTS });
    return (async function* () {
      for await (const report of reports) if (report) yield { signalsUpdated: report };
    })();
  }

  @Query(() => SignalReport, {
    description:
      'Trust, engagement, partnership cohesion and co-creation balance of a project or territory over a window, each with its indicator breakdown. Without a window: the framework default window ending with the month of asOf (or now).',
  })
  async signals(
    @CurrentActor() actor: Actor,
    @Args('scope') scope: SignalScopeInput,
    @Args('window', { type: () => SignalWindowInput, nullable: true }, validated(SignalWindowInput))
    window?: SignalWindowInput | null,
    @AsOfArg() asOf?: Date | null,
    @KnownAtArg() knownAt?: Date | null,
    @Args(
      'framework',
      {
        type: () => SignalFrameworkRefInput,
        nullable: true,
        description: "Defaults to the territory's adopted framework.",
      },
      validated(SignalFrameworkRefInput),
    )
    framework?: SignalFrameworkRefInput | null,
    @AtLeastPositionArg(SIGNAL_FACTS_NAME)
    atLeastPosition?: string | null,
  ): Promise<SignalReport> {
    requireQueryTimes({ asOf, knownAt, window });
    await this.consistency.atLeast(atLeastPosition, SIGNAL_FACTS);
    const report = await this.service.reader.report({
      scope: scopeOf(scope),
      window: window ? { from: window.from, to: window.to } : null,
      asOf,
      knownAt,
      framework: framework ? { id: framework.id, version: framework.version } : null,
    });
    return toReport(signalReportFor(actor, report, this.config.smallGroupMinCarers));
  }

  @Query(() => SignalSeries, { description: 'The signals per calendar month or quarter of [from, to).' })
  async signalSeries(
    @CurrentActor() actor: Actor,
    @Args('scope') scope: SignalScopeInput,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('granularity', { type: () => SignalGranularity }) granularity: SignalGranularity,
    @AsOfArg() asOf?: Date | null,
    @KnownAtArg() knownAt?: Date | null,
    @Args('framework', { type: () => SignalFrameworkRefInput, nullable: true }, validated(SignalFrameworkRefInput))
    framework?: SignalFrameworkRefInput | null,
    @AtLeastPositionArg(SIGNAL_FACTS_NAME)
    atLeastPosition?: string | null,
  ): Promise<SignalSeries> {
    requireQueryTimes({ asOf, knownAt });
    requireQueryWindow('', { from, to });
    await this.consistency.atLeast(atLeastPosition, SIGNAL_FACTS);
    const series = await this.service.reader.series({
      scope: scopeOf(scope),
      from,
      to,
      granularity,
      asOf,
      knownAt,
      framework: framework ? { id: framework.id, version: framework.version } : null,
    });
    return toSeries(signalSeriesFor(actor, series, this.config.smallGroupMinCarers));
  }

  @Query(() => SignalComparison, {
    description: 'Two framework versions computed side by side on the same facts, window and time travel.',
  })
  async compareSignals(
    @CurrentActor() actor: Actor,
    @Args('scope') scope: SignalScopeInput,
    @Args('left') left: SignalFrameworkRefInput,
    @Args('right') right: SignalFrameworkRefInput,
    @Args('window', { type: () => SignalWindowInput, nullable: true }, validated(SignalWindowInput))
    window?: SignalWindowInput | null,
    @AsOfArg() asOf?: Date | null,
    @KnownAtArg() knownAt?: Date | null,
    @AtLeastPositionArg(SIGNAL_FACTS_NAME)
    atLeastPosition?: string | null,
  ): Promise<SignalComparison> {
    requireQueryTimes({ asOf, knownAt, window });
    await this.consistency.atLeast(atLeastPosition, SIGNAL_FACTS);
    const reports = await this.service.reader.compare(
      { scope: scopeOf(scope), window: window ? { from: window.from, to: window.to } : null, asOf, knownAt },
      [
        { id: left.id, version: left.version },
        { id: right.id, version: right.version },
      ],
    );
    const [a, b] = this.suppresses(actor)
      ? comparisonForRestrictedRole(reports, this.config.smallGroupMinCarers)
      : reports;
    return toComparison(a!, b!);
  }
}
