import { Module } from '@nestjs/common';
import { ReadSideModule } from '../read-side/read-side.module.js';
import { ProgrammeResolver } from './programme.resolver.js';
import { ProgrammeQueriesResolver } from './programme.queries.resolver.js';

/** GraphQL mutations of the programme aggregate, and the queries of programmes and territories. */
@Module({
  imports: [ReadSideModule],
  providers: [ProgrammeResolver, ProgrammeQueriesResolver],
})
export class ProgrammeModule {}
