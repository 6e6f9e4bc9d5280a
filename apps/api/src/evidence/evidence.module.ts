import { Module } from '@nestjs/common';
import { ReadSideModule } from '../read-side/read-side.module.js';
import { EvidenceResolver } from './evidence.resolver.js';
import {
  EvidenceQueriesResolver,
  ObservationFieldsResolver,
  ProjectEvidenceResolver,
} from './evidence.queries.resolver.js';

/** GraphQL mutations of the evidence aggregate, and the queries of evidence and coded observations. */
@Module({
  imports: [ReadSideModule],
  providers: [EvidenceResolver, EvidenceQueriesResolver, ObservationFieldsResolver, ProjectEvidenceResolver],
})
export class EvidenceModule {}
