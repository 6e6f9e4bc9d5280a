import { Module } from '@nestjs/common';
import { ReadSideModule } from '../read-side/read-side.module.js';
import { PartnershipResolver } from './partnership.resolver.js';
import {
  CoordinationConcernFieldsResolver,
  PartnerFieldsResolver,
  PartnerMemberFieldsResolver,
  ProjectPartnershipResolver,
} from './partnership.queries.resolver.js';

/** GraphQL mutations of the partnership aggregate, and the queries of a project's partnership. */
@Module({
  imports: [ReadSideModule],
  providers: [
    PartnershipResolver,
    CoordinationConcernFieldsResolver,
    PartnerFieldsResolver,
    PartnerMemberFieldsResolver,
    ProjectPartnershipResolver,
  ],
})
export class PartnershipModule {}
