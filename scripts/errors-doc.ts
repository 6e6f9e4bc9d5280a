/**
 * Writes docs/errors.md from the domain's reason lists (`npm run docs:errors`). The codes come from
 * the API's own error formatter, so the table shows what clients really receive.
 * A spec in libs/domain (error-reasons-doc.spec.ts) fails while the committed file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError, renderErrorReasonsDoc, type CodeByCategory, type DomainErrorCategory } from '#domain';
import { formatGraphQLError } from '../apps/api/src/command-side/graphql-errors.js';

function codeOf(category: DomainErrorCategory): string {
  const formatted = formatGraphQLError({ message: '' }, new DomainError(category, 'ANY', ''));
  const code = formatted.extensions?.code;
  if (typeof code !== 'string') throw new Error(`The API gives no extensions.code for ${category}`);
  return code;
}

/** The repository root: the nearest folder above this script (built or not) with a package.json. */
function repositoryRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('No package.json above the script');
    folder = parent;
  }
  return folder;
}

const codes: CodeByCategory = {
  invalid: codeOf('invalid'),
  not_found: codeOf('not_found'),
  conflict: codeOf('conflict'),
  forbidden: codeOf('forbidden'),
};
const target = join(repositoryRoot(), 'docs', 'errors.md');
const text = renderErrorReasonsDoc(codes);
const previous = existsSync(target) ? readFileSync(target, 'utf8') : null;
if (previous === text) {
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`Wrote ${target}`);
}
