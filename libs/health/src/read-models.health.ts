import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';

/** How long the read-model database may take to answer before the process is reported not ready. */
export const READ_MODELS_CHECK_TIMEOUT_MS = 3000;

/**
 * Healthy when the database of read models and operational tables (OPERATIONAL_DATABASE:
 * PostgreSQL in DATABASE_URL, or the embedded PGlite) answers `select 1` in time.
 */
@Injectable()
export class ReadModelsHealthIndicator {
  constructor(
    @Inject(OPERATIONAL_DATABASE) private readonly database: SqlDatabase,
    private readonly health: HealthIndicatorService,
  ) {}

  check(key = 'readModels') {
    return this.health
      .check(key)
      .attempt(async () => {
        await this.database.query('select 1');
        return { kind: this.database.dialect };
      })
      .withTimeout(READ_MODELS_CHECK_TIMEOUT_MS);
  }
}
