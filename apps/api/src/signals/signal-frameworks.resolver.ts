import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '#event-store';
import { INDICATORS } from '#read-models/signals';
import { CurrentActor } from '../command-side/actor.js';
import { RegisterSignalFrameworkInput } from './signals.inputs.js';
import { toFramework } from './signals.mapping.js';
import { SignalFramework, SignalFrameworkRegistration, SignalIndicatorDefinition } from './signals.models.js';
import { SignalsService } from './signals.service.js';

@Resolver()
export class SignalFrameworksResolver {
  constructor(private readonly signals: SignalsService) {}

  @Mutation(() => SignalFrameworkRegistration, {
    description:
      'Admins and analysts: register a new version of a signal framework (indicators, weights, thresholds, default window). Versions are immutable; a territory adopts one with adoptTerritorySignalFramework.',
  })
  async registerSignalFramework(
    @Args('input') input: RegisterSignalFrameworkInput,
    @CurrentActor() actor: Actor,
  ): Promise<SignalFrameworkRegistration> {
    const { framework, created } = await this.signals.frameworks.register(
      input.frameworkId,
      input.version,
      input.definition,
      actor.id,
    );
    return { framework: toFramework(framework), created };
  }

  @Query(() => [SignalFramework], { description: 'Every registered signal framework version.' })
  async signalFrameworks(): Promise<SignalFramework[]> {
    return (await this.signals.frameworks.list()).map(toFramework);
  }

  @Query(() => SignalFramework, { nullable: true })
  async signalFramework(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<SignalFramework | null> {
    const framework = await this.signals.frameworks.get(id, version);
    return framework ? toFramework(framework) : null;
  }

  @Query(() => [SignalIndicatorDefinition], { description: 'Every indicator a framework may weigh, with its formula.' })
  signalIndicators(): SignalIndicatorDefinition[] {
    return INDICATORS.map((indicator) => ({
      key: indicator.key,
      label: indicator.label,
      signal: indicator.home,
      formula: indicator.formula,
      numeratorLabel: indicator.numerator,
      denominatorLabel: indicator.denominator,
      rule: indicator.rule,
      parameters: [...indicator.uses],
      indicatorParameter: indicator.parameter ? { ...indicator.parameter } : null,
    }));
  }
}
