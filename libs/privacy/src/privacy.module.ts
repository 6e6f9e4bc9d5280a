import { Global, Module } from '@nestjs/common';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { CarerKeyVault } from './carer-key-vault.js';

/** Provides the carers' key vault, kept in the operational database, never in the event log. */
@Global()
@Module({
  providers: [
    {
      provide: CarerKeyVault,
      inject: [OPERATIONAL_DATABASE],
      useFactory: (database: SqlDatabase) => CarerKeyVault.open(database),
    },
  ],
  exports: [CarerKeyVault],
})
export class PrivacyModule {}
