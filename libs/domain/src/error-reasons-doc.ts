import { ERROR_REASON_SECTIONS, type ErrorReasonSection } from './error-reasons.js';
import type { DomainErrorCategory } from './shared/errors.js';

/** How the API reports each category as GraphQL `extensions.code`; the API owns the mapping and passes it in. */
export type CodeByCategory = Readonly<Record<DomainErrorCategory, string>>;

const CATEGORIES: readonly DomainErrorCategory[] = ['invalid', 'not_found', 'conflict', 'forbidden'];

/** A Markdown table laid out as Prettier lays it out, so the generated file passes `prettier --check`. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((cell, column) => Math.max(3, cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

function section({ title, thrownBy, reasons }: ErrorReasonSection, codes: CodeByCategory): string[] {
  const rows = Object.entries(reasons).map(([reason, { category, description, reserved }]) => [
    `\`${reason}\``,
    category,
    `\`${codes[category]}\``,
    reserved ? `Reserved: ${description}` : description,
  ]);
  const intro = thrownBy ?? `Thrown by the ${title} aggregate, besides the shared reasons.`;
  return [`## ${title}`, '', intro, '', ...table(['Reason', 'Category', 'Code', 'Description'], rows), ''];
}

/** docs/errors.md: every reason the domain refuses a command with, by aggregate. */
export function renderErrorReasonsDoc(codes: CodeByCategory): string {
  const count = ERROR_REASON_SECTIONS.reduce((sum, { reasons }) => sum + Object.keys(reasons).length, 0);
  return [
    '# Error reasons',
    '',
    '<!-- Generated from libs/domain/src/**/*.reasons.ts by `npm run docs:errors`; do not edit by hand. -->',
    '',
    'A command the domain refuses fails with a `DomainError`. The API reports it as a GraphQL error whose',
    '`extensions` hold the `code` of its category, its `reason` (a stable code clients may branch on) and',
    '`details` (such as the `field` at fault). The message is for people and may change; the reason does not.',
    '',
    ...table(
      ['Category', 'Code'],
      CATEGORIES.map((category) => [category, `\`${codes[category]}\``]),
    ),
    '',
    `The lists below hold ${count} reasons. A code may appear in more than one aggregate, always with the same`,
    'category. Refusals raised outside the domain (input validation, access control, the event store, the',
    "queries' own checks) are not listed here.",
    '',
    ...ERROR_REASON_SECTIONS.flatMap((entry) => section(entry, codes)),
  ].join('\n');
}
