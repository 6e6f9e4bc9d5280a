import { Module } from '@nestjs/common';
import { ReadSideModule } from '../read-side/read-side.module.js';
import { InformationChannelResolver } from './information-channel.resolver.js';
import {
  InformationChannelQueriesResolver,
  ProjectInformationChannelsResolver,
} from './information-channel.queries.resolver.js';

/** GraphQL mutations of the information-channel aggregate, and the queries of channels and their readings. */
@Module({
  imports: [ReadSideModule],
  providers: [InformationChannelResolver, InformationChannelQueriesResolver, ProjectInformationChannelsResolver],
})
export class InformationChannelModule {}
