import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { PlatformError, refusalOf, request, UsageError } from '../client.js';
import { connectionOf, dateTime, withCommonOptions, type CommonOptions, type Output } from '../output.js';

/** Datasets served in a format of their own rather than CSV or NDJSON. */
const OWN_FORMATS: Readonly<Record<string, string>> = {
  codebook: 'qdc',
  project: 'qdpx',
  'open-data': 'zip',
  history: 'ndjson',
};

interface ExportOptions extends CommonOptions {
  readonly project?: string;
  readonly territory?: string;
  readonly format: 'csv' | 'ndjson';
  readonly asOf?: string;
  readonly knownAt?: string;
  readonly from?: string;
  readonly to?: string;
  readonly granularity?: string;
  readonly framework?: string;
  readonly out?: string;
}

/** The path of an export on the platform's HTTP contract (docs/data-tools.md#exports). */
export function exportPath(dataset: string, options: ExportOptions): string {
  const [name, extension] = dataset.includes('.') ? (dataset.split('.', 2) as [string, string]) : [dataset, undefined];
  const format = extension ?? OWN_FORMATS[name] ?? options.format;
  const scope = options.project
    ? `projects/${encodeURIComponent(options.project)}`
    : `territories/${encodeURIComponent(options.territory!)}`;
  const parameters = ['asOf', 'knownAt', 'from', 'to', 'granularity', 'framework'] as const;
  const query = new URLSearchParams(
    parameters.flatMap((key): [string, string][] => (options[key] ? [[key, options[key]!]] : [])),
  ).toString();
  return `/exports/${scope}/${encodeURIComponent(name)}.${format}${query ? `?${query}` : ''}`;
}

export function exportCommand(output: Output): Command {
  return withCommonOptions(
    new Command('export')
      .description(
        'Download a dataset of a project or territory as the caller may see it (signals, report, activities, decisions, suggestions, observations, warnings, audit; codebook.qdc, project.qdpx, open-data.zip; history: the commands of a project as an import file)',
      )
      .argument('<dataset>', 'dataset name, optionally with its format (activities, activities.ndjson, codebook.qdc)')
      .option('--project <id>', 'the project to export')
      .option('--territory <id>', 'the territory to export (all its projects, pooled)')
      .addOption(new Option('--format <format>', 'csv or ndjson').choices(['csv', 'ndjson']).default('csv'))
      .option('--asOf <time>', 'only facts that occurred by then', dateTime('--asOf'))
      .option('--knownAt <time>', 'only facts recorded by then', dateTime('--knownAt'))
      .option('--from <time>', 'signal-series, open-data, assessment-report: start of the window', dateTime('--from'))
      .option(
        '--to <time>',
        'signal-series, open-data, assessment-report: end of the window (excluded)',
        dateTime('--to'),
      )
      .addOption(new Option('--granularity <period>', 'signal-series: MONTH or QUARTER').choices(['MONTH', 'QUARTER']))
      .option('--framework <id:version>', 'signal-series, open-data: the signal framework version')
      .option('--out <file>', 'write to this file instead of stdout'),
  ).action(async (dataset: string, options: ExportOptions) => {
    if (Boolean(options.project) === Boolean(options.territory))
      throw new UsageError('Name what to export: --project <id> or --territory <id> (one of them)');
    const connection = connectionOf(options);
    const path = exportPath(dataset, options);
    const response = await request(connection, path);
    if (!response.ok || !response.body) throw await refusalOf(response);
    // An unknown path under the dashboard's origin answers its page: no export, whatever the status says.
    if (response.headers.get('content-type')?.startsWith('text/html'))
      throw new PlatformError(`The platform serves no export at ${path}`, 'EXPORT_NOT_FOUND');
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
    let bytes = 0;
    body.on('data', (chunk: Buffer) => (bytes += chunk.length));
    if (options.out) await pipeline(body, createWriteStream(options.out));
    else await pipeline(body, process.stdout, { end: false });
    const contentType = response.headers.get('content-type');
    if (options.out && options.json)
      output.out(`${JSON.stringify({ dataset, path, file: options.out, bytes, contentType })}\n`);
    else if (options.out) output.err(`Wrote ${bytes} bytes to ${options.out}\n`);
  });
}
