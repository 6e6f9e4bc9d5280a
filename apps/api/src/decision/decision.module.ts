import { Module } from '@nestjs/common';
import { ReadSideModule } from '../read-side/read-side.module.js';
import { DecisionResolver } from './decision.resolver.js';
import { DecisionQueriesResolver, ProjectDecisionsResolver } from './decision.queries.resolver.js';

/** GraphQL mutations of the decision aggregate, and the queries of decisions. */
@Module({
  imports: [ReadSideModule],
  providers: [DecisionResolver, DecisionQueriesResolver, ProjectDecisionsResolver],
})
export class DecisionModule {}
