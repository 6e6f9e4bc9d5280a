import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { linesOf, PlatformError, refusalOf, request, UsageError } from '../client.js';
import { convertCsv } from '../convert/convert.js';
import { TEMPLATES } from '../convert/templates.js';
import { connectionOf, positiveInteger, withCommonOptions, type CommonOptions, type Output } from '../output.js';

interface ImportOptions extends CommonOptions {
  readonly dryRun: boolean;
  readonly from?: number;
  readonly keepKnownSince: boolean;
}

interface LineResult {
  readonly line: number;
  readonly status: 'applied' | 'replayed' | 'refused' | 'valid';
  readonly code?: string;
  readonly message?: string;
}

interface Summary {
  readonly lines: number;
  readonly applied: number;
  readonly replayed: number;
  readonly refused: number;
  readonly valid: number;
}

/** The templates shipped beside the command line: apps/cli/templates, from dist/apps/cli/src/commands or apps/cli/src/commands. */
export function templatesDirectory(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const fromDist = join(here, '../../../../../apps/cli/templates');
  return here.includes(`${join('dist', 'apps')}`) ? fromDist : join(here, '../../templates');
}

const describe = (result: LineResult) => `line ${result.line}: ${result.code} ${result.message}\n`;

/** How many lines of the file the import will run: those that are not blank, from `from` on. */
function linesToRun(text: string, from: number): number {
  return text.split('\n').filter((line, index) => index + 1 >= from && line.trim() !== '').length;
}

async function runImport(file: string, options: ImportOptions, output: Output): Promise<number> {
  const connection = connectionOf(options);
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const from = options.from ?? 1;
  const query = new URLSearchParams({
    ...(options.dryRun ? { dryRun: 'true' } : {}),
    ...(from > 1 ? { from: String(from) } : {}),
    ...(options.keepKnownSince ? { keepKnownSince: 'true' } : {}),
  }).toString();
  const response = await request(connection, `/imports${query ? `?${query}` : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson' },
    body,
  });
  if (!response.ok || !response.body) throw await refusalOf(response);

  const total = linesToRun(body.toString('utf8'), from);
  // Drawn on stderr only when it is a terminal: piped output stays the results alone.
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: `${options.dryRun ? 'dry run' : 'import'} |{bar}| {value}/{total} lines · applied {applied} · replayed {replayed} · refused {refused}`,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const counts = { applied: 0, replayed: 0, refused: 0, valid: 0 };
  bar.start(total, 0, counts);
  const refused: LineResult[] = [];
  let summary: Summary | null = null;
  let lastLine = from - 1;
  try {
    for await (const text of linesOf(response.body)) {
      const parsed = JSON.parse(text) as LineResult | { summary: Summary };
      if ('summary' in parsed) {
        summary = parsed.summary;
        break;
      }
      lastLine = parsed.line;
      counts[parsed.status]++;
      if (parsed.status === 'refused') {
        refused.push(parsed);
        // Without a bar (not a terminal) each refusal is told at once; under one, after it.
        if (!options.json && !process.stderr.isTTY) output.err(describe(parsed));
      }
      bar.increment(1, counts);
    }
  } catch (error) {
    if (!(error instanceof SyntaxError) && !(error instanceof TypeError)) throw error;
  } finally {
    bar.stop();
    if (!options.json && process.stderr.isTTY) for (const line of refused) output.err(describe(line));
  }
  if (!summary) {
    const resume = `npm run cli -- import ${file} --from ${lastLine + 1}${options.dryRun ? ' --dry-run' : ''}${options.keepKnownSince ? ' --keep-known-since' : ''}`;
    if (options.json) output.out(`${JSON.stringify({ interrupted: true, lastLine, resume, refused })}\n`);
    throw new PlatformError(
      `The import stopped after line ${lastLine}: what ran is recorded; resume with\n  ${resume}\n(lines already applied are recognised by their commandId and written once)`,
    );
  }
  if (options.json) output.out(`${JSON.stringify({ summary, refused })}\n`);
  else {
    const verb = options.dryRun ? 'would be applied' : 'applied';
    output.out(
      `${summary.lines} lines: ${options.dryRun ? summary.valid : summary.applied} ${verb}, ${summary.replayed} already recorded (replayed), ${summary.refused} refused${options.dryRun ? ' (dry run: nothing written)' : ''}\n`,
    );
  }
  return summary.refused > 0 ? 1 : 0;
}

async function runConvert(
  templateName: string,
  file: string,
  options: { out?: string; json: boolean },
  output: Output,
): Promise<number> {
  const template = TEMPLATES[templateName];
  if (!template) throw new UsageError(`Unknown template ${templateName}: one of ${Object.keys(TEMPLATES).join(', ')}`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const conversion = convertCsv(template, text);
  if (conversion.problems.length > 0) {
    if (options.json) output.out(`${JSON.stringify({ converted: 0, problems: conversion.problems })}\n`);
    for (const { row, problems } of conversion.problems) output.err(`${file}:${row}: ${problems.join('; ')}\n`);
    output.err(`Nothing written: correct the rows above and convert again.\n`);
    return 1;
  }
  const ndjson = conversion.lines.map((line) => `${JSON.stringify(line)}\n`).join('');
  if (options.out) await writeFile(options.out, ndjson);
  else output.out(ndjson);
  const report = { converted: conversion.lines.length, skipped: conversion.skipped, out: options.out ?? null };
  if (options.json && options.out) output.out(`${JSON.stringify(report)}\n`);
  else
    output.err(
      `${conversion.lines.length} lines${options.out ? ` written to ${options.out}` : ''}` +
        `${conversion.skipped.length > 0 ? `; ${conversion.skipped.length} rows skipped (${[...new Set(conversion.skipped.map((s) => s.why))].join(', ')})` : ''}\n`,
    );
  return 0;
}

export function importCommand(output: Output, exit: (code: number) => void): Command {
  const command = new Command('import').description(
    'Bring existing records in: an NDJSON file of mutations, run through the same checks as the API',
  );
  command.addCommand(
    withCommonOptions(
      new Command('run')
        .description('Run an NDJSON file of mutations (the default: import <file.ndjson>)')
        .argument('<file>', 'the NDJSON file, one {"mutation", "input"} per line')
        .option('--dry-run', 'report every line that would be refused and why; write nothing', false)
        .option('--from <line>', 'resume an interrupted import at this line', positiveInteger('--from'))
        .option('--keep-known-since', "keep each line's knownSince (admins only, for migrated history)", false),
    ).action(async (file: string, options: ImportOptions) => exit(await runImport(file, options, output))),
    { isDefault: true },
  );
  command.addCommand(
    new Command('convert')
      .description('Turn a filled-in CSV template into the NDJSON lines of an import')
      .argument('<template>', Object.keys(TEMPLATES).join(' | '))
      .argument('<file>', 'the CSV file (header row, then one record per row)')
      .option('--out <file>', 'write the NDJSON to this file instead of stdout')
      .option('--json', 'print what was converted as JSON', false)
      .action(async (template: string, file: string, options: { out?: string; json: boolean }) =>
        exit(await runConvert(template, file, options, output)),
      ),
  );
  command.addCommand(
    new Command('templates')
      .description('List the CSV templates, their columns and where they are')
      .option('--json', 'print them as JSON', false)
      .action((options: { json: boolean }) => {
        const directory = templatesDirectory();
        const list = Object.values(TEMPLATES).map((t) => ({
          name: t.name,
          file: join(directory, `${t.name}.csv`),
          columns: t.columns,
          required: t.required,
          description: t.description,
        }));
        if (options.json) output.out(`${JSON.stringify(list)}\n`);
        else
          for (const t of list)
            output.out(`${t.name}\n  ${t.description}\n  columns: ${t.columns.join(', ')}\n  file: ${t.file}\n`);
      }),
  );
  return command;
}
