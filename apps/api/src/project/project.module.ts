import { Module } from '@nestjs/common';
import { ReadSideModule } from '../read-side/read-side.module.js';
import { ProjectResolver } from './project.resolver.js';
import { ProjectQueriesResolver } from './project.queries.resolver.js';

/** GraphQL mutations of the project aggregate, and the queries of projects. */
@Module({
  imports: [ReadSideModule],
  providers: [ProjectResolver, ProjectQueriesResolver],
})
export class ProjectModule {}
