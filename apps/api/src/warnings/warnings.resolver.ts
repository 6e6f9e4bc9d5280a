import { Args, ID, Int, Query, Resolver, Subscription } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { parsePosition } from '#event-store';
import { ConsistencyService } from '#read-models';
import { MAX_WARNINGS_PAGE, requireId, WARNINGS_PROJECTION, type WarningRule } from '#read-models/warnings';
import type { Actor } from '#event-store';
import { CurrentActor } from '../command-side/actor.js';
import { CommandRunner } from '../command-side/command-runner.js';
import { withheldValuesFor } from './withheld-values.js';
import { Warning, WarningConnection, WarningRuleEnum } from './warnings.models.js';
import { WarningsService } from './warnings.service.js';
import { requirePastMoment, requireQueryWindow } from '../time-travel/query-times.js';
import { queryReason } from '../read-side/query.reasons.js';

/** The warnings list reads the warnings projection and, for signal drops, the signal facts. */
const READ_MODELS = [WARNINGS_PROJECTION, 'signal-facts'];

@Resolver(() => Warning)
export class WarningsResolver {
  constructor(
    private readonly service: WarningsService,
    private readonly consistency: ConsistencyService,
    private readonly commands: CommandRunner,
  ) {}

  @Query(() => WarningConnection, {
    description:
      "Early warnings of a project or territory over its whole history, newest first: those the warnings projection stored and those computed at `asOf` (else now): signal drops over the months of [from, to), by default each project's pilot months; barriers overdue in quiet projects.",
  })
  async warnings(
    @Args('projectId', { type: () => ID, nullable: true }) projectId: string | null,
    @Args('territoryId', { type: () => ID, nullable: true, description: 'Every project launched in the territory.' })
    territoryId: string | null,
    @Args('rule', { type: () => WarningRuleEnum, nullable: true }) rule: WarningRule | null,
    @Args('open', { type: () => Boolean, nullable: true, description: 'true: open only; false: resolved only.' })
    open: boolean | null,
    @Args('from', { type: () => Date, nullable: true, description: 'raisedAt at or after.' }) from: Date | null,
    @Args('to', { type: () => Date, nullable: true, description: 'raisedAt before.' }) to: Date | null,
    @Args('asOf', {
      type: () => Date,
      nullable: true,
      description:
        'The warnings as they stood at this moment (on when things happened): raised by then, open unless resolved by then; barriers judged overdue at this moment, signal drops over the facts that occurred by then. Default: now.',
    })
    asOf: Date | null,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: `How many, from 0 to ${MAX_WARNINGS_PAGE} (default 20).`,
    })
    first: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'An endCursor of the same list.' })
    after: string | null,
    @Args('atLeastPosition', {
      type: () => String,
      nullable: true,
      description: 'A `position` returned by a mutation: wait until the warnings (and signal facts) include it.',
    })
    atLeastPosition: string | null,
    @CurrentActor() actor: Actor,
  ) {
    requireQueryWindow('', { from, to });
    requirePastMoment('asOf', asOf);
    await this.consistency.atLeast(atLeastPosition, READ_MODELS);
    const page = await this.service.reader.list({ projectId, territoryId, rule, open, from, to, asOf, first, after });
    const edges = page.edges.map((edge) => ({
      cursor: edge.cursor,
      node: Warning.of(withheldValuesFor(actor, edge.node)),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      totalCount: page.totalCount,
    };
  }

  @Subscription(() => Warning, {
    description:
      'New warnings of a project as the warnings projection commits them (woken by commits in this process, else a slow poll), signal drops as signal facts arrive, and barriers passing their deadline in a quiet project.',
  })
  async warningRaised(
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('afterPosition', {
      type: () => String,
      nullable: true,
      description:
        'Also push the stored warnings raised by events after this position (a mutation position, or the `position` of the last warning received); default: only warnings raised from now on.',
    })
    afterPosition: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<AsyncIterator<{ warningRaised: Warning }>> {
    let after = null;
    if (afterPosition) {
      after = parsePosition(afterPosition);
      if (!after) {
        throw new GraphQLError('afterPosition must be a position like "1234-56"', {
          extensions: queryReason('INVALID_POSITION'),
        });
      }
    }
    // Domain errors reach the client typed: graphql-ws errors go through the API's one formatter.
    requireId('projectId', projectId);
    // The event store, not a read model: a project launched a moment ago may be subscribed to at once.
    await this.commands.requireProject(projectId);
    // A generator cannot be stopped while it waits, so the feed gets an abort signal: when the
    // client goes away, return() stops the polling at once.
    const controller = new AbortController();
    const source = this.service.watch(projectId, after, controller.signal);
    const iterator: AsyncIterableIterator<{ warningRaised: Warning }> = {
      async next() {
        const result = await source.next();
        return result.done
          ? { done: true, value: undefined }
          : { done: false, value: { warningRaised: Warning.of(withheldValuesFor(actor, result.value)) } };
      },
      async return() {
        controller.abort();
        void source.return(undefined);
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    return iterator;
  }
}
