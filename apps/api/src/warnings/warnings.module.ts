import { Module } from '@nestjs/common';

/** Early warnings: queries and live subscription (filled in by its own change). */
@Module({})
export class WarningsModule {}
