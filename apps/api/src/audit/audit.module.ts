import { Module } from '@nestjs/common';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { AuditReader } from '#read-models/audit';
import { AuditResolver } from './audit.resolver.js';

/** Admins' audit trail: who did what and when, from the events' actor metadata (docs/audit.md). */
@Module({
  providers: [
    {
      provide: AuditReader,
      inject: [OPERATIONAL_DATABASE],
      useFactory: (database: SqlDatabase) => new AuditReader(database),
    },
    AuditResolver,
  ],
})
export class AuditModule {}
