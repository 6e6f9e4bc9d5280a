import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { renderErrorReasonsDoc, type CodeByCategory } from './error-reasons-doc.js';

const ROOT = join(import.meta.dirname, '../../..');
// The API owns the category → extensions.code mapping; the domain may not import it, so read it.
const API_MAPPING = 'apps/api/src/command-side/graphql-errors.ts';

function apiCodeByCategory(): CodeByCategory {
  const file = ts.createSourceFile(API_MAPPING, readFileSync(join(ROOT, API_MAPPING), 'utf8'), ts.ScriptTarget.ES2022);
  const declaration = file.statements
    .filter(ts.isVariableStatement)
    .flatMap((statement) => [...statement.declarationList.declarations])
    .find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === 'CODE_BY_CATEGORY');
  const literal = declaration?.initializer;
  if (!literal || !ts.isObjectLiteralExpression(literal)) throw new Error(`No CODE_BY_CATEGORY in ${API_MAPPING}`);
  return Object.fromEntries(
    literal.properties
      .filter(ts.isPropertyAssignment)
      .map((property) => [property.name.getText(file), (property.initializer as ts.StringLiteral).text]),
  ) as unknown as CodeByCategory;
}

describe('docs/errors.md', () => {
  it('maps every category to the code the API reports', () => {
    expect(Object.keys(apiCodeByCategory()).sort()).toEqual(['conflict', 'forbidden', 'invalid', 'not_found']);
  });

  it('is the rendering of the reason lists (regenerate with `npm run docs:errors`)', () => {
    const committed = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8');
    expect(committed).toBe(renderErrorReasonsDoc(apiCodeByCategory()));
  });
});
