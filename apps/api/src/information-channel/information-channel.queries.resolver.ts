import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { informationChannelsList, readingsOfChannel } from '#read-models/directory';
import { validated } from '../command-side/validated.js';
import { Project } from '../project/project.models.js';
import { DirectoryLoadersFactory } from '../read-side/directory-loaders.js';
import { AFTER_ARG, FIRST_ARG, listPageRequest } from '../read-side/pagination.js';
import { InformationChannelFilterInput } from './information-channel.filters.js';
import { toChannelReading, toInformationChannel } from './information-channel.mappers.js';
import {
  ChannelCounters,
  ChannelReading,
  InformationChannel,
  InformationChannelConnection,
} from './information-channel.models.js';

/** Information channels and their readings. */
@Resolver(() => InformationChannel)
export class InformationChannelQueriesResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => [ChannelReading], { description: 'Readings, by period.' })
  readings(@Parent() channel: Readonly<InformationChannel>, @Context() context: object) {
    return this.loaders.for(context).many(readingsOfChannel, toChannelReading, channel.id);
  }

  @ResolveField(() => ChannelCounters, {
    description: 'Counters summed over every reading; null for a counter no reading had.',
  })
  async totals(@Parent() channel: Readonly<InformationChannel>, @Context() context: object): Promise<ChannelCounters> {
    const readings = await this.loaders.for(context).many(readingsOfChannel, toChannelReading, channel.id);
    const sum = (counter: keyof ChannelCounters) =>
      readings.reduce<number | null>(
        (total, reading) => (reading[counter] === null ? total : (total ?? 0) + reading[counter]),
        null,
      );
    return { likes: sum('likes'), visits: sum('visits'), downloads: sum('downloads'), shares: sum('shares') };
  }
}

/** A project's information channels. */
@Resolver(() => Project)
export class ProjectInformationChannelsResolver {
  constructor(private readonly loaders: DirectoryLoadersFactory) {}

  @ResolveField(() => InformationChannelConnection, { description: 'Information channels of the project.' })
  informationChannels(
    @Parent() project: Readonly<Project>,
    @Args(
      'filter',
      { type: () => InformationChannelFilterInput, nullable: true },
      validated(InformationChannelFilterInput),
    )
    filter: InformationChannelFilterInput | null,
    @Args('first', FIRST_ARG) first: number | null,
    @Args('after', AFTER_ARG) after: string | null,
    @Context() context: object,
  ) {
    const request = listPageRequest(informationChannelsList, first, after);
    return this.loaders
      .for(context)
      .connection(informationChannelsList, toInformationChannel, project.id, filter ?? null, request);
  }
}
