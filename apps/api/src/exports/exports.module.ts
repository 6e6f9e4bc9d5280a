import { Module } from '@nestjs/common';
import { ExportSources } from './export-sources.js';
import { ExportsController } from './exports.controller.js';

/** Exports of a project or territory over HTTP: tables, REFI-QDA, open data (docs/data-tools.md). */
@Module({ controllers: [ExportsController], providers: [ExportSources] })
export class ExportsModule {}
