import { Module } from '@nestjs/common';
import { ImportRunner } from './import-runner.js';
import { ImportsController } from './imports.controller.js';

/** `POST /imports`: existing records brought in as NDJSON lines of mutations (docs/data-tools.md). */
@Module({
  controllers: [ImportsController],
  providers: [ImportRunner],
})
export class ImportsModule {}
