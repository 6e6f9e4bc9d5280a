import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { renderErrorReasonsDoc } from '#domain';
import { DOCUMENTED_ERROR_REASON_SECTIONS } from '../error-reasons.js';
import { CODE_BY_CATEGORY } from './error-codes.js';

const ROOT = join(import.meta.dirname, '../../../..');

// Beside the API's error mapping (not in libs/domain) so that the table is rendered with the codes
// clients really receive, without the domain knowing about GraphQL.
describe('docs/errors.md', () => {
  it('maps every category to the code the API reports', () => {
    expect(Object.keys(CODE_BY_CATEGORY).sort()).toEqual(['conflict', 'forbidden', 'invalid', 'not_found']);
  });

  it('is the rendering of the reason lists (regenerate with `npm run docs:errors`)', () => {
    const committed = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8');
    expect(committed).toBe(renderErrorReasonsDoc(CODE_BY_CATEGORY, DOCUMENTED_ERROR_REASON_SECTIONS));
  });
});
