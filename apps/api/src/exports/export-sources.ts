import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { AuditReader } from '#read-models/audit';
import { DirectoryReader, type DirectoryList } from '#read-models/directory';
import { AssessmentReportReader } from '#read-models/report';
import { SignalFrameworkStore, SignalReader } from '#read-models/signals';
import { WarningsReader } from '#read-models/warnings';
import { CommandRunner } from '../command-side/command-runner.js';
import { DirectoryLoaders, type RowMapper } from '../read-side/directory-loaders.js';
import { decodeCursor } from '../read-side/pagination.js';
import { ProjectAccess } from '../auth/project-access.js';

/** Rows read per statement when an export walks a list: a page, never the whole list in memory. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * The readers the GraphQL queries use (the same classes over the same read-model database), for
 * the exports. Each export walks its list page by page with fresh DataLoaders per page, so nested
 * lookups (an activity's carers, a suggestion's author) cost one statement per page and nothing
 * is kept across pages.
 */
@Injectable()
export class ExportSources {
  readonly signals: SignalReader;
  readonly report: AssessmentReportReader;
  readonly warnings: WarningsReader;
  readonly audit: AuditReader;
  readonly directory: DirectoryReader;

  constructor(
    @Inject(OPERATIONAL_DATABASE) database: SqlDatabase,
    @Inject(APP_CONFIG) readonly config: AppConfig,
    readonly commands: CommandRunner,
    readonly access: ProjectAccess,
  ) {
    const frameworks = new SignalFrameworkStore(database);
    this.signals = new SignalReader(database, frameworks, { resultsKept: config.readResultsKept });
    this.report = new AssessmentReportReader(database, { reportsKept: config.readResultsKept });
    this.warnings = new WarningsReader(database, new SignalReader(database, frameworks));
    this.audit = new AuditReader(database);
    this.directory = new DirectoryReader(database);
  }

  get smallGroupMinCarers(): number {
    return this.config.smallGroupMinCarers;
  }

  /** Fresh DataLoaders (one page's worth of nested lookups). */
  loaders(): DirectoryLoaders {
    return new DirectoryLoaders(this.directory);
  }

  /**
   * Every item of a project's list, in the list's order, a page at a time, each page mapped with the
   * feature's own mapper and handed over with the loaders that page's nested lookups should share.
   */
  async *pages<F, N>(
    list: DirectoryList<F>,
    toNode: RowMapper<N>,
    projectId: string,
    filter: F,
  ): AsyncGenerator<{ readonly nodes: readonly N[]; readonly loaders: DirectoryLoaders }> {
    let after: (string | number)[] | null = null;
    const types = list.order.map((key) => key.type);
    for (;;) {
      const loaders = this.loaders();
      const page = await loaders.connection(list, toNode, projectId, filter, { first: EXPORT_PAGE_SIZE, after });
      yield { nodes: page.edges.map((edge) => edge.node), loaders };
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      after = decodeCursor(list.name, page.pageInfo.endCursor, types);
    }
  }
}
