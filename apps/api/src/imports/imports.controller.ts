import type { IncomingMessage, ServerResponse } from 'node:http';
import { once } from 'node:events';
import { Controller, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { Principal } from '#auth';
import { APP_CONFIG, type AppConfig } from '#config';
import type { ReasonExtensions } from '#domain';
import { Authenticator } from '../auth/authenticator.js';
import { ImportOptionError, parseImportOptions, type ImportOptions } from './import-options.js';
import { ImportRunner, ImportTally } from './import-runner.js';
import { importReason } from './imports.reasons.js';
import { spoolBody } from './body-spool.js';
import { ndjsonLines, type BodyLine } from './ndjson-lines.js';

/** Bodies the API's own parsers read (JSON, forms): an NDJSON file sent as one of them is not one. */
const PARSED_BODIES = /^application\/(json|x-www-form-urlencoded)\b/i;

/**
 * `POST /imports?dryRun&from&keepKnownSince` with an NDJSON body, one mutation per line
 * (docs/data-tools.md#imports): answers NDJSON, one result per line and a summary last. Refusals
 * of the whole request (token, options) come first, as `{"error": {code, reason, message}}` with
 * the HTTP status; once the lines run, the status is 200 and each line says how it went.
 */
@Controller('imports')
export class ImportsController {
  private readonly lineLimit: number;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly runner: ImportRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.lineLimit = config.limits.bodyLimitBytes;
  }

  @Post()
  async import(
    @Req() req: IncomingMessage,
    @Res() res: ServerResponse,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    let principal: Principal;
    try {
      principal = await this.authenticator.authenticate(req.headers.authorization);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 401;
      const { http: _http, ...coded } = error.extensions;
      return refuse(res, status, { ...coded, message: error.message });
    }
    let options: ImportOptions;
    try {
      options = parseImportOptions(query);
    } catch (error) {
      if (!(error instanceof ImportOptionError)) throw error;
      return refuse(res, 400, { ...importReason('IMPORT_OPTION_INVALID'), message: error.message });
    }
    if (options.keepKnownSince && principal.role !== 'admin')
      return refuse(res, 403, {
        ...importReason('KNOWN_SINCE_ADMIN_ONLY'),
        message: 'Only an admin may keep when migrated records were first known (keepKnownSince)',
      });
    if (PARSED_BODIES.test(req.headers['content-type'] ?? ''))
      return refuse(res, 415, {
        ...importReason('IMPORT_NOT_NDJSON'),
        message: 'Send the file as it is, with Content-Type: application/x-ndjson',
      });

    // The file is received whole before its first line runs: the server bounds how long a request
    // may take to arrive, not how long its answer may stream, and a large import outlasts the first.
    // It waits on disk, encrypted, not in memory (body-spool.ts).
    const spooled = await spoolBody(req);
    try {
      await this.answer(res, ndjsonLines(spooled.read(), this.lineLimit), principal, req, options);
    } finally {
      await spooled.dispose();
    }
  }

  private async answer(
    res: ServerResponse,
    lines: AsyncIterable<BodyLine>,
    principal: Principal,
    req: IncomingMessage,
    options: ImportOptions,
  ): Promise<void> {
    let closed = false;
    res.once('close', () => (closed = true));
    res.statusCode = 200;
    res.setHeader('content-type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    const tally = new ImportTally(options.dryRun);
    for await (const result of this.runner.run(lines, principal, req, options)) {
      tally.add(result);
      if (!res.write(`${JSON.stringify(result)}\n`)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      // An interrupted import stops where its client left: the lines run so far are recorded, and
      // the client resumes with from=<the next line>.
      if (closed) return;
    }
    res.end(`${JSON.stringify({ summary: tally.summary() })}\n`);
  }
}

function refuse(res: ServerResponse, status: number, error: Partial<ReasonExtensions> & Record<string, unknown>): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ error }));
}
