import { Module } from '@nestjs/common';
import { ReadSideModule } from '../read-side/read-side.module.js';
import { CommitteeResolver } from './committee.resolver.js';
import { ProjectCommitteeGoalsResolver } from './committee.queries.resolver.js';

/** GraphQL mutations of the committee aggregate, and the queries of the citizens' committee's goals. */
@Module({
  imports: [ReadSideModule],
  providers: [CommitteeResolver, ProjectCommitteeGoalsResolver],
})
export class CommitteeModule {}
