import { Module } from '@nestjs/common';

/** GraphQL mutations of the activity aggregate (resolver added in its own change). */
@Module({})
export class ActivityModule {}
