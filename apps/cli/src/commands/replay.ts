import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { graphql } from '../client.js';
import { connectionOf, dateTime, withCommonOptions, type CommonOptions, type Output } from '../output.js';

interface Indicator {
  readonly key: string;
  readonly label: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly weight: number;
  readonly effectiveWeight: number;
  readonly included: boolean;
  readonly suppressed: boolean;
  readonly carerCount: number | null;
}

interface Signal {
  readonly key: string;
  readonly label: string;
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly carerCount: number | null;
  readonly breakdown: readonly Indicator[];
}

export interface SignalReport {
  readonly framework: { readonly id: string; readonly version: number; readonly name: string; readonly source: string };
  readonly window: { readonly from: string; readonly to: string };
  readonly asOf: string | null;
  readonly knownAt: string | null;
  readonly suppressed: boolean;
  readonly signals: readonly Signal[];
}

const QUERY = `query Replay($scope: SignalScopeInput!, $framework: SignalFrameworkRefInput, $asOf: DateTime, $knownAt: DateTime) {
  signals(scope: $scope, framework: $framework, asOf: $asOf, knownAt: $knownAt) {
    framework { id version name source }
    window { from to }
    asOf knownAt suppressed
    signals {
      key label value suppressed carerCount
      breakdown { key label value numerator denominator weight effectiveWeight included suppressed carerCount }
    }
  }
}`;

/** `<id>:<version>`, as the registered framework versions are named. */
function frameworkRef(value: string): { id: string; version: number } {
  const match = /^(.+):(\d+)$/.exec(value);
  if (!match) throw new InvalidArgumentError('--framework must be <id>:<version>, e.g. default:1');
  return { id: match[1]!, version: Number(match[2]) };
}

/** One row per indicator of each signal, and one for the signal itself (indicator empty). */
export function signalsCsv(report: SignalReport): string {
  const rows = report.signals.flatMap((signal) => [
    [signal.key, '', signal.label, signal.value, '', '', '', '', '', signal.suppressed, signal.carerCount],
    ...signal.breakdown.map((i) => [
      signal.key,
      i.key,
      i.label,
      i.value,
      i.numerator,
      i.denominator,
      i.weight,
      i.effectiveWeight,
      i.included,
      i.suppressed,
      i.carerCount,
    ]),
  ]);
  const context = [
    report.framework.id,
    report.framework.version,
    report.window.from,
    report.window.to,
    report.asOf,
    report.knownAt,
  ];
  return stringify(
    rows.map((row) => [...context, ...row].map((cell) => (cell === null || cell === undefined ? '' : cell))),
    {
      header: true,
      columns: [
        'framework',
        'framework_version',
        'window_from',
        'window_to',
        'as_of',
        'known_at',
        'signal',
        'indicator',
        'label',
        'value',
        'numerator',
        'denominator',
        'weight',
        'effective_weight',
        'included',
        'suppressed',
        'carer_count',
      ],
      cast: { boolean: (value) => String(value) },
    },
  );
}

function text(report: SignalReport): string {
  const number = (value: number | null) => (value === null ? '–' : value.toFixed(3));
  const lines = [
    `Signals under ${report.framework.id}:${report.framework.version} (${report.framework.name}), ${report.window.from.slice(0, 10)} to ${report.window.to.slice(0, 10)}${report.asOf ? `, as of ${report.asOf}` : ''}${report.knownAt ? `, known at ${report.knownAt}` : ''}`,
  ];
  for (const signal of report.signals) {
    lines.push(
      `${signal.label.padEnd(28)} ${number(signal.value)}${signal.suppressed ? ' (withheld: small group)' : ''}`,
    );
    for (const i of signal.breakdown)
      lines.push(`  ${i.label.padEnd(40)} ${number(i.value)}${i.included ? '' : ' (left out)'}`);
  }
  return `${lines.join('\n')}\n`;
}

export function replayCommand(output: Output): Command {
  return withCommonOptions(
    new Command('replay')
      .description("Recompute a project's signals under a signal framework version, and print them or write CSV")
      .requiredOption('--framework <id:version>', 'the registered framework version, e.g. default:1', frameworkRef)
      .requiredOption('--project <id>', 'the project')
      .option('--asOf <time>', 'only facts that occurred by then', dateTime('--asOf'))
      .option('--knownAt <time>', 'only facts recorded by then', dateTime('--knownAt'))
      .option('--out <file>', 'write the signals and their indicators as CSV to this file'),
  ).action(
    async (
      options: CommonOptions & {
        framework: { id: string; version: number };
        project: string;
        asOf?: string;
        knownAt?: string;
        out?: string;
      },
    ) => {
      const { signals } = await graphql<{ signals: SignalReport }>(connectionOf(options), QUERY, {
        scope: { projectId: options.project },
        framework: options.framework,
        asOf: options.asOf ?? null,
        knownAt: options.knownAt ?? null,
      });
      if (options.out) {
        await writeFile(options.out, signalsCsv(signals));
        if (options.json) output.out(`${JSON.stringify({ out: options.out, signals: signals.signals.length })}\n`);
        else output.err(`Wrote ${signals.signals.length} signals and their indicators to ${options.out}\n`);
      } else output.out(options.json ? `${JSON.stringify(signals)}\n` : text(signals));
    },
  );
}
