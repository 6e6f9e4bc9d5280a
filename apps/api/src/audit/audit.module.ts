import { Module } from '@nestjs/common';

/** Admins' audit trail: who did what and when, from the events' actor metadata. */
@Module({})
export class AuditModule {}
