import { Module } from '@nestjs/common';

/** GraphQL mutations of the information-channel aggregate (resolver added in its own change). */
@Module({})
export class InformationChannelModule {}
