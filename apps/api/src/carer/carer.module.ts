import { Module } from '@nestjs/common';
import { ReadSideModule } from '../read-side/read-side.module.js';
import { CarerIdentityResolver } from './carer-identity.resolver.js';
import { CarerResolver } from './carer.resolver.js';
import { CarerQueriesResolver, ProjectCarersResolver } from './carer.queries.resolver.js';

/** GraphQL mutations of the carer aggregate, and the queries of carers (by pseudonym; identifying data only through CarerIdentityResolver). */
@Module({
  imports: [ReadSideModule],
  providers: [CarerResolver, CarerIdentityResolver, CarerQueriesResolver, ProjectCarersResolver],
})
export class CarerModule {}
