import { Module } from '@nestjs/common';
import { InformationChannelResolver } from './information-channel.resolver.js';

/** GraphQL mutations of the information-channel aggregate. */
@Module({ providers: [InformationChannelResolver] })
export class InformationChannelModule {}
