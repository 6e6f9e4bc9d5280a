import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Inject, Logger, Param, Req, Res } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ZipArchive } from 'archiver';
import type { Principal } from '#auth';
import { EVENT_STORE, type Actor, type EventStore } from '#event-store';
import { Authenticator } from '../auth/authenticator.js';
import type { ExportContext, ExportScope, TableDataset } from './dataset.js';
import { tableDataset } from './datasets/index.js';
import { requireExportAccess, requireIdFormat } from './export-access.js';
import { exportFailure } from './export-errors.js';
import { exportArguments } from './export-request.js';
import { ExportSources } from './export-sources.js';
import { exportError } from './exports.reasons.js';
import { CONTENT_TYPES, TABLE_FORMATS, tableTransform, type TableFormat } from './formats/table-formats.js';
import { csvText, openDataFiles, openDataReadme } from './open-data.js';
import { projectHistoryLines } from './project-history.js';
import { codebookXml } from './refi-qda/codebook.js';
import { projectXml } from './refi-qda/project.js';
import { qdaProject } from './refi-qda/qda-sources.js';

/** The files of a project that are not tables, and the GraphQL query whose reading rule each follows. */
const PROJECT_FILES: Readonly<Record<string, { operation: string; timeTravel: boolean }>> = {
  // The codebook and the coded segments describe the evidence, which only its readers see.
  'codebook.qdc': { operation: 'evidence', timeTravel: false },
  'project.qdpx': { operation: 'evidence', timeTravel: false },
  // Aggregates only, suppressed and rounded for everyone: who may read the report may publish it.
  'open-data.zip': { operation: 'assessmentReport', timeTravel: true },
  // Every command of the project, as import lines: the whole record, so for whom the audit trail is.
  'history.ndjson': { operation: 'auditTrail', timeTravel: true },
};

const actorOf = ({ id, role, organisationId }: Principal): Actor =>
  organisationId ? { id, role, organisationId } : { id, role };

/** `2024-06-04T00-00-00Z`: a moment that every file system accepts in a name. */
const stamp = (moment: Date) =>
  moment
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');

/** The query string as the export arguments read it: a repeated parameter becomes a list (and is refused). */
function queryOf(request: IncomingMessage): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [key, value] of new URL(request.url ?? '/', 'http://localhost').searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return query;
}

/**
 * The items of a stream, its first already computed: whatever refuses the request does so before
 * the headers are sent, while the rest still streams one item at a time.
 */
async function startedOn<T>(items: AsyncIterable<T>): Promise<AsyncGenerator<T>> {
  const iterator = items[Symbol.asyncIterator]();
  const first = await iterator.next();
  return (async function* all(): AsyncGenerator<T> {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
}

function attachment(response: ServerResponse, contentType: string, name: string): void {
  response.statusCode = 200;
  response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  // Exports answer one caller's rights at one moment: never kept by a shared cache.
  response.setHeader('Cache-Control', 'no-store');
}

/**
 * Exports of a project or territory over HTTP (docs/data-tools.md): authenticated like GraphQL
 * (the same bearer token, rate limit and refusals), each dataset allowed to the roles of the
 * GraphQL query it comes from, read through the same readers and mappers, with the same
 * suppression and rounding. Errors before the first byte are JSON with GraphQL's stable code;
 * the first row is computed before the headers are sent, so a refused argument never gives a
 * half-written file.
 */
@Controller('exports')
export class ExportsController {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly authenticator: Authenticator,
    private readonly sources: ExportSources,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('projects/:projectId/:file')
  async project(
    @Param('projectId') projectId: string,
    @Param('file') file: string,
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
  ): Promise<void> {
    await this.serve(request, response, 'projectId', projectId, file);
  }

  @Get('territories/:territoryId/:file')
  async territory(
    @Param('territoryId') territoryId: string,
    @Param('file') file: string,
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
  ): Promise<void> {
    await this.serve(request, response, 'territoryId', territoryId, file);
  }

  private async serve(
    request: IncomingMessage,
    response: ServerResponse,
    field: 'projectId' | 'territoryId',
    id: string,
    file: string,
  ): Promise<void> {
    try {
      const principal = await this.authenticator.authenticate(request.headers.authorization);
      requireIdFormat(field, id);
      const scope: ExportScope = field === 'projectId' ? { projectId: id } : { territoryId: id };
      const dot = file.lastIndexOf('.');
      const name = dot > 0 ? file.slice(0, dot) : file;
      const extension = dot > 0 ? file.slice(dot + 1) : '';
      const special = field === 'projectId' ? PROJECT_FILES[file] : undefined;
      const dataset = special ? undefined : tableDataset(name);
      if (!special && (!dataset || !dataset.scopes.includes(field === 'projectId' ? 'project' : 'territory')))
        throw exportError(
          'DATASET_NOT_FOUND',
          `There is no dataset ${file} of a ${field === 'projectId' ? 'project' : 'territory'}`,
          {
            dataset: file,
          },
        );
      await requireExportAccess(this.sources.access, principal, special?.operation ?? dataset!.operation, scope);
      const args = exportArguments(queryOf(request));
      const timeTravel = special ? { asOf: special.timeTravel, knownAt: special.timeTravel } : dataset!.timeTravel;
      for (const moment of ['asOf', 'knownAt'] as const)
        if (args[moment] && !timeTravel[moment])
          throw exportError('TIME_TRAVEL_NOT_SUPPORTED', `${file} is read as it stands now; it takes no ${moment}`, {
            field: moment,
          });
      if ('projectId' in scope) await this.sources.commands.requireProject(scope.projectId);
      const context: ExportContext = { actor: actorOf(principal), scope, args, sources: this.sources };
      const base = `${id}-${name}-${stamp(args.asOf ?? new Date())}`;
      if (dataset) {
        if (!(TABLE_FORMATS as readonly string[]).includes(extension))
          throw exportError(
            'FORMAT_NOT_SUPPORTED',
            `${dataset.name} is exported as csv or ndjson, not "${extension}"`,
            {
              format: extension,
            },
          );
        await this.table(response, dataset, extension as TableFormat, context, `${base}.${extension}`);
      } else if (file === 'codebook.qdc') {
        attachment(response, 'application/xml; charset=utf-8', `${base}.qdc`);
        response.end(codebookXml());
      } else if (file === 'project.qdpx') {
        await this.qdpx(response, id, `${base}.qdpx`);
      } else if (file === 'history.ndjson') {
        await this.history(response, id, context, `${base}.ndjson`);
      } else {
        await this.openData(response, context, `${base}.zip`);
      }
    } catch (error) {
      this.fail(response, error);
    }
  }

  private async table(
    response: ServerResponse,
    dataset: TableDataset,
    format: TableFormat,
    context: ExportContext,
    name: string,
  ): Promise<void> {
    // Computed before the headers go: a refusal (a window in the future, too many periods) is still JSON.
    const rows = await startedOn(dataset.rows(context));
    attachment(response, CONTENT_TYPES[format], name);
    await pipeline(Readable.from(rows), tableTransform(format, dataset.columns), response);
  }

  private async history(response: ServerResponse, projectId: string, context: ExportContext, name: string) {
    const lines = await startedOn(await projectHistoryLines(this.store, projectId, context.args));
    attachment(response, CONTENT_TYPES.ndjson, name);
    await pipeline(
      Readable.from(lines),
      async function* (source: AsyncIterable<unknown>) {
        for await (const line of source) yield `${JSON.stringify(line)}\n`;
      },
      response,
    );
  }

  private async qdpx(response: ServerResponse, projectId: string, name: string): Promise<void> {
    const exportedAt = new Date();
    const project = await qdaProject(this.sources, projectId, exportedAt);
    attachment(response, 'application/zip', name);
    const zip = new ZipArchive({ zlib: { level: 6 } });
    zip.append(projectXml(project), { name: 'project.qde', date: exportedAt });
    // Sources are held inline (PlainTextContent), so the archive needs no sources/ folder.
    const done = pipeline(zip, response);
    await zip.finalize();
    await done;
  }

  private async openData(response: ServerResponse, context: ExportContext, name: string): Promise<void> {
    const exportedAt = new Date();
    const files = await openDataFiles(context);
    attachment(response, 'application/zip', name);
    const zip = new ZipArchive({ zlib: { level: 6 } });
    const done = pipeline(zip, response);
    zip.append(openDataReadme(context, files, exportedAt), { name: 'README.md', date: exportedAt });
    for (const file of files) zip.append(csvText(file.columns, file.rows), { name: file.name, date: exportedAt });
    await zip.finalize();
    await done;
  }

  private fail(response: ServerResponse, error: unknown): void {
    if (response.headersSent) {
      // Half a file must not look whole: cut the connection so the client sees a failed transfer.
      this.logger.error(
        `export failed after its first bytes: ${error instanceof Error ? error.message : String(error)}`,
      );
      response.destroy(error instanceof Error ? error : undefined);
      return;
    }
    const { status, body } = exportFailure(error);
    if (status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    response.statusCode = status;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    response.end(JSON.stringify(body));
  }
}
