import { Module } from '@nestjs/common';

/** GraphQL mutations of the committee aggregate (resolver added in its own change). */
@Module({})
export class CommitteeModule {}
