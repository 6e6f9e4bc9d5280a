import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ApiKeyStore, signingSecret, TokenIssuer, TokenVerifier } from '#auth';
import { APP_CONFIG, type AppConfig } from '#config';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { AccessGuard } from './access.guard.js';
import { ApiKeysResolver } from './api-keys.resolver.js';
import { Authenticator } from './authenticator.js';
import { createRateLimiter, RATE_LIMITER } from './rate-limiter.js';
import { ResultAccessInterceptor } from './result-access.interceptor.js';
import { TokenController } from './token.controller.js';

const SIGNING_SECRET = Symbol('SIGNING_SECRET');

/** Authentication (bearer tokens, API keys) and the access guard every GraphQL operation passes. */
@Global()
@Module({
  controllers: [TokenController],
  providers: [
    { provide: SIGNING_SECRET, inject: [APP_CONFIG], useFactory: (config: AppConfig) => signingSecret(config) },
    {
      provide: TokenVerifier,
      inject: [APP_CONFIG, SIGNING_SECRET],
      useFactory: (config: AppConfig, secret: string) => TokenVerifier.create(config.auth, secret),
    },
    {
      provide: TokenIssuer,
      inject: [APP_CONFIG, SIGNING_SECRET],
      useFactory: (config: AppConfig, secret: string) => new TokenIssuer(secret, config.auth),
    },
    {
      provide: ApiKeyStore,
      inject: [OPERATIONAL_DATABASE],
      useFactory: (database: SqlDatabase) => ApiKeyStore.open(database),
    },
    {
      provide: RATE_LIMITER,
      inject: [OPERATIONAL_DATABASE, APP_CONFIG],
      useFactory: (database: SqlDatabase, config: AppConfig) =>
        createRateLimiter(database, config.limits.ratePerMinute),
    },
    Authenticator,
    ApiKeysResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: ResultAccessInterceptor },
  ],
  exports: [Authenticator, TokenIssuer, ApiKeyStore],
})
export class AuthModule {}
