import { ERROR_REASON_SECTIONS, type ErrorReasonSection } from './error-reasons.js';
import type { DomainErrorCategory } from './shared/errors.js';
import type { CodeByCategory } from './shared/reason-list.js';

const CATEGORIES: readonly DomainErrorCategory[] = ['invalid', 'not_found', 'conflict', 'forbidden'];

/** The Category cell of a reason that has a code of its own instead. */
const NO_CATEGORY = '—';

/** A Markdown table laid out as Prettier lays it out, so the generated file passes `prettier --check`. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((cell, column) => Math.max(3, cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

function section({ title, thrownBy, reasons }: ErrorReasonSection, codes: CodeByCategory): string[] {
  const rows = Object.entries(reasons).map(([reason, definition]) => [
    `\`${reason}\``,
    'category' in definition ? definition.category : NO_CATEGORY,
    `\`${'category' in definition ? codes[definition.category] : definition.code}\``,
    definition.reserved ? `Reserved: ${definition.description}` : definition.description,
  ]);
  const intro = thrownBy ?? `Thrown by the ${title} aggregate, besides the shared reasons.`;
  return [`## ${title}`, '', intro, '', ...table(['Reason', 'Category', 'Code', 'Description'], rows), ''];
}

/**
 * docs/errors.md: every reason the domain refuses a command with, by aggregate, followed by the
 * sections the API adds (the other libraries', the read models' and its own refusals) when it
 * passes them in.
 */
export function renderErrorReasonsDoc(
  codes: CodeByCategory,
  sections: readonly ErrorReasonSection[] = ERROR_REASON_SECTIONS,
): string {
  const count = sections.reduce((sum, { reasons }) => sum + Object.keys(reasons).length, 0);
  return [
    '# Error reasons',
    '',
    '<!-- Generated from the `*.reasons.ts` lists of libs/domain, the other libraries (libs/command-side, libs/privacy, libs/auth, libs/projections, libs/read-models) and apps/api by `npm run docs:errors`; do not edit by hand. -->',
    '',
    'A command the domain or the command side refuses, or a query the read models refuse, fails with a',
    '`DomainError`. The API reports it as a GraphQL error whose `extensions` hold the `code` of its category,',
    'its `reason` (a stable code clients may branch on) and `details` (such as the `field` at fault). The',
    'message is for people and may change; the reason does not.',
    '',
    ...table(
      ['Category', 'Code'],
      CATEGORIES.map((category) => [category, `\`${codes[category]}\``]),
    ),
    '',
    "The API's own refusals (access, authentication, the checks of requests, commands and queries) carry a",
    '`code` and a `reason` the same way, some without `details`. A reason with a category is reported with',
    `that category's code; one without (${NO_CATEGORY}) has a code of its own.`,
    '',
    `The lists below hold ${count} reasons. A code may appear in more than one list, always with the same`,
    'category and code. Refusals by an API limit or the rate limit (docs/limits.md) have a `code` and no reason.',
    '',
    ...sections.flatMap((entry) => section(entry, codes)),
  ].join('\n');
}
