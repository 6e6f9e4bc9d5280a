import { Module } from '@nestjs/common';
import { ReadSideModule } from '../read-side/read-side.module.js';
import { OrganisationResolver } from './organisation.resolver.js';
import { OrganisationQueriesResolver } from './organisation.queries.resolver.js';

/** GraphQL mutations of the organisation aggregate, and the queries of organisations. */
@Module({
  imports: [ReadSideModule],
  providers: [OrganisationResolver, OrganisationQueriesResolver],
})
export class OrganisationModule {}
