import { Module } from '@nestjs/common';

/** GraphQL mutations of the decision aggregate (resolver added in its own change). */
@Module({})
export class DecisionModule {}
