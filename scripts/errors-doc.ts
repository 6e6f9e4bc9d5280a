/**
 * Writes docs/errors.md from the reason lists of the domain, the read models and the API
 * (`npm run docs:errors`). The codes come from the API's own error mapping, so the table shows
 * what clients really receive.
 * A spec beside that mapping (apps/api/src/command-side/errors-doc.spec.ts) fails while the
 * committed file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderErrorReasonsDoc } from '#domain';
import { CODE_BY_CATEGORY } from '../apps/api/src/command-side/error-codes.js';
import { DOCUMENTED_ERROR_REASON_SECTIONS } from '../apps/api/src/error-reasons.js';

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

const target = join(repositoryRoot(), 'docs', 'errors.md');
const text = renderErrorReasonsDoc(CODE_BY_CATEGORY, DOCUMENTED_ERROR_REASON_SECTIONS);
const previous = existsSync(target) ? readFileSync(target, 'utf8') : null;
if (previous === text) {
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`Wrote ${target}`);
}
