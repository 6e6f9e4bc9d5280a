import { join } from 'node:path';
import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import type { SqlDatabase } from '../database.js';
import { PgDatabase } from '../pg-database.js';
import { PgliteDatabase } from '../pglite-database.js';

/**
 * The database of read models and operational tables (e.g. carers' keys). On the embedded
 * default it is the same PGlite instance as the event store: one process may open a PGlite
 * directory only once, and sharing it lets a projection commit with its checkpoint.
 */
export const OPERATIONAL_DATABASE = Symbol('OPERATIONAL_DATABASE');

export function pgliteDirectory(dataDir: string): string {
  return join(dataDir, 'pglite');
}

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(OPERATIONAL_DATABASE) private readonly database: SqlDatabase) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: OPERATIONAL_DATABASE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Promise<SqlDatabase> =>
        config.readModels.kind === 'pglite'
          ? PgliteDatabase.open(pgliteDirectory(config.readModels.dataDir))
          : PgDatabase.open({
              connectionString: config.readModels.url,
              schema: config.readModels.schema,
              maxConnections: config.readModels.maxConnections,
              applicationName: 'coproduction-read-models',
            }),
    },
    DatabaseLifecycle,
  ],
  exports: [OPERATIONAL_DATABASE],
})
export class DatabaseModule {}
