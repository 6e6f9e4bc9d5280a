import { CarerIdentityResolver } from './carer-identity.resolver.js';
import { Module } from '@nestjs/common';
import { DirectoryQueriesResolver } from './directory-queries.resolver.js';
import { DirectoryLoadersFactory } from './directory.loaders.js';
import {
  ActivityAttendanceFieldsResolver,
  ActivityFieldsResolver,
  AdjustmentActionFieldsResolver,
  BarrierFieldsResolver,
  CarerFieldsResolver,
  CoordinationConcernFieldsResolver,
  DecisionFieldsResolver,
  EvidenceFieldsResolver,
  InformationChannelFieldsResolver,
  ObservationFieldsResolver,
  PartnerFieldsResolver,
  PartnerMemberFieldsResolver,
  ProgrammeFieldsResolver,
  SuggestionFieldsResolver,
  SurveySummaryFieldsResolver,
} from './nested.resolvers.js';
import { ProjectResolver } from './project.resolver.js';

/**
 * GraphQL queries over the directory read models: projects and their records as cursor
 * connections, nested fields through request-scoped DataLoaders. Needs the operational database
 * and the ConsistencyService (ProjectionsModule) from the application.
 */
@Module({
  providers: [
    DirectoryLoadersFactory,
    DirectoryQueriesResolver,
    ProjectResolver,
    ProgrammeFieldsResolver,
    PartnerFieldsResolver,
    PartnerMemberFieldsResolver,
    CoordinationConcernFieldsResolver,
    CarerFieldsResolver,
    CarerIdentityResolver,
    ActivityFieldsResolver,
    ActivityAttendanceFieldsResolver,
    SurveySummaryFieldsResolver,
    DecisionFieldsResolver,
    SuggestionFieldsResolver,
    EvidenceFieldsResolver,
    ObservationFieldsResolver,
    BarrierFieldsResolver,
    AdjustmentActionFieldsResolver,
    InformationChannelFieldsResolver,
  ],
})
export class DirectoryQueryModule {}
