import { join } from 'node:path';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig, ConfigModule } from '#config';
import { DatabaseModule } from '#database';
import { EventStoreModule } from '#event-store';
import { ProjectionsModule } from '#read-models';
import { PrivacyModule } from '#privacy';
import { HealthModule } from '#health';
import { graphqlMetricsPlugin, MetricsModule } from '#metrics';
import { AuthModule } from './auth/auth.module.js';
import { Authenticator } from './auth/authenticator.js';
import { graphqlContext, subscriptionAuthentication } from './auth/graphql-context.js';
import { CommandSideModule } from './command-side/command-side.module.js';
import { formatGraphQLError } from './command-side/graphql-errors.js';
import { ProjectModule } from './project/project.module.js';
import { CarerModule } from './carer/carer.module.js';
import { ProgrammeModule } from './programme/programme.module.js';
import { OrganisationModule } from './organisation/organisation.module.js';
import { PartnershipModule } from './partnership/partnership.module.js';
import { ActivityModule } from './activity/activity.module.js';
import { SurveyInstrumentModule } from './survey-instrument/survey-instrument.module.js';
import { CommitteeModule } from './committee/committee.module.js';
import { InformationChannelModule } from './information-channel/information-channel.module.js';
import { DecisionModule } from './decision/decision.module.js';
import { SuggestionModule } from './suggestion/suggestion.module.js';
import { CarerRequestModule } from './carer-request/carer-request.module.js';
import { EvidenceModule } from './evidence/evidence.module.js';
import { BarrierModule } from './barrier/barrier.module.js';
import { StatusModule } from './status/status.module.js';
import { SignalsModule } from './signals/signals.module.js';
import { WarningsModule } from './warnings/warnings.module.js';
import { AssessmentReportModule } from './assessment-report/assessment-report.module.js';
import { DataInventoryModule } from './inventory/inventory.module.js';
import { ProjectionsAdminModule } from './projections-admin/projections-admin.module.js';
import { AuditModule } from './audit/audit.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { limitsPlugin } from './limits/limits.plugin.js';
import { ExplorerModule, explorerLandingPage } from './explorer/explorer.module.js';
import { WebModule } from './web/web.module.js';
import { OperationLimits } from './limits/operation-limits.js';
import { OperationTimeoutInterceptor } from './limits/operation-timeout.interceptor.js';
import { withOperationLimits } from './limits/subscription-limits.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    // Depth, aliases, complexity and introspection, checked over HTTP and graphql-ws alike (docs/limits.md).
    const limits = new OperationLimits(config.limits);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // GraphQL bodies can carry personal data: log the request line, never the body.
            serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }) },
          },
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [Authenticator],
          useFactory: (authenticator: Authenticator) => ({
            path: '/graphql',
            autoSchemaFile: config.environment === 'production' ? true : join(process.cwd(), 'schema.gql'),
            sortSchema: true,
            introspection: config.limits.introspection,
            // Without introspection, errors do not suggest field names ("Did you mean …?") either.
            hideSchemaDetailsFromClientErrors: !config.limits.introspection,
            // Not the driver's GraphiQL page (it loads from a CDN): the platform's own, served offline.
            graphiql: false,
            plugins: [
              // No cache hints are set: answers are kept by scope version instead (READ_RESULTS_KEPT).
              // Apollo's default cache-control plugin would wrap every field's resolver for nothing
              // (measured: 2–5 % of the API's CPU under load, bench:api's profile).
              ApolloServerPluginCacheControlDisabled(),
              limitsPlugin(limits),
              graphqlMetricsPlugin(),
              config.limits.landingPage ? explorerLandingPage('/graphql') : ApolloServerPluginLandingPageDisabled(),
            ],
            subscriptions: { 'graphql-ws': withOperationLimits(subscriptionAuthentication(authenticator), limits) },
            context: graphqlContext(authenticator),
            formatError: formatGraphQLError,
          }),
        }),
        ExplorerModule.forRoot(config.limits.landingPage),
        WebModule.forRoot({ production: config.environment === 'production' }),
        DatabaseModule,
        EventStoreModule,
        ProjectionsModule.forRoot({ runEngine: config.projector === 'inline' }),
        PrivacyModule,
        AuthModule,
        CommandSideModule,
        StatusModule,
        ProjectionsAdminModule,
        ProjectModule,
        CarerModule,
        ProgrammeModule,
        OrganisationModule,
        PartnershipModule,
        ActivityModule,
        SurveyInstrumentModule,
        CommitteeModule,
        InformationChannelModule,
        DecisionModule,
        SuggestionModule,
        CarerRequestModule,
        EvidenceModule,
        BarrierModule,
        SignalsModule,
        WarningsModule,
        AssessmentReportModule,
        DataInventoryModule,
        AuditModule,
        ImportsModule,
        ExportsModule,
        HealthModule,
        MetricsModule.forRoot({ graphql: true }),
      ],
      providers: [
        // Every input is validated at the edge; unknown fields are refused rather than ignored.
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
        },
        // Every query and mutation is bounded by OPERATION_TIMEOUT_MS.
        { provide: APP_INTERCEPTOR, useClass: OperationTimeoutInterceptor },
      ],
    };
  }
}
