import { Module } from '@nestjs/common';
import { ReadSideModule } from '../read-side/read-side.module.js';
import { BarrierResolver } from './barrier.resolver.js';
import {
  AdjustmentActionFieldsResolver,
  BarrierQueriesResolver,
  ProjectBarriersResolver,
} from './barrier.queries.resolver.js';

/** GraphQL mutations of the barrier aggregate, and the queries of barriers and their adjustment actions. */
@Module({
  imports: [ReadSideModule],
  providers: [BarrierResolver, AdjustmentActionFieldsResolver, BarrierQueriesResolver, ProjectBarriersResolver],
})
export class BarrierModule {}
