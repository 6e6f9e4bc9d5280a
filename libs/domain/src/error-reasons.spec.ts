import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { ERROR_REASON_SECTIONS } from './error-reasons.js';
import type { ReasonList } from './shared/reason-list.js';

const DOMAIN = import.meta.dirname;
const UNTYPED = new Set(['invalid', 'notFound', 'conflict', 'forbidden']);
// Where the untyped constructors live: errors.ts defines them, reason-list.ts builds the typed ones on them.
const ERROR_PLUMBING = new Set(['shared/errors.ts', 'shared/reason-list.ts']);

const sources = readdirSync(DOMAIN, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.ts') && !path.endsWith('.spec.ts') && path !== 'shared/given-when-then.ts')
  .sort();
const reasonFiles = sources.filter((path) => path.endsWith('.reasons.ts'));

interface Call {
  readonly at: string;
  readonly callee: string;
  /** The `*.reasons.ts` file the callee is imported from, if any. */
  readonly reasonsFile: string | null;
  readonly reason: string | null;
}

/** Every call in a source file, with where its callee was imported from (a syntactic scan, no type checking). */
function callsIn(path: string): Call[] {
  const text = readFileSync(join(DOMAIN, path), 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
  const importedFrom = new Map<string, string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = relative(DOMAIN, resolve(DOMAIN, dirname(path), statement.moduleSpecifier.text));
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) importedFrom.set(element.name.text, target.replace(/\.js$/, '.ts'));
    }
  }
  const calls: Call[] = [];
  const visit = (node: ts.Node) => {
    const callee =
      ts.isCallExpression(node) || ts.isNewExpression(node)
        ? ts.isIdentifier(node.expression)
          ? node.expression.text
          : null
        : null;
    if (callee !== null && (ts.isCallExpression(node) || ts.isNewExpression(node))) {
      const first = node.arguments?.[0];
      const source = importedFrom.get(callee);
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      calls.push({
        at: `${path}:${line + 1}`,
        callee: ts.isNewExpression(node) ? `new ${callee}` : callee,
        reasonsFile: source?.endsWith('.reasons.ts') ? source : null,
        reason: first && ts.isStringLiteralLike(first) ? first.text : null,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

const calls = sources.flatMap(callsIn);
const throws = calls.filter((call) => call.reasonsFile !== null);

/** The one reason list a `*.reasons.ts` file exports. */
async function listOf(reasonsFile: string): Promise<ReasonList> {
  const module = (await import(join(DOMAIN, reasonsFile))) as Record<string, unknown>;
  const lists = Object.entries(module).filter(([name]) => name.endsWith('_ERROR_REASONS'));
  expect(lists).toHaveLength(1);
  return lists[0]![1] as ReasonList;
}

describe('error reasons', () => {
  it('finds the reason files and the throws (the scan itself works)', () => {
    expect(reasonFiles.length).toBe(ERROR_REASON_SECTIONS.length);
    expect(throws.length).toBeGreaterThan(100);
  });

  it('no domain code builds a DomainError with the untyped invalid/notFound/conflict/forbidden', () => {
    const untyped = calls.filter(
      (call) =>
        (UNTYPED.has(call.callee) || call.callee === 'new DomainError') &&
        !ERROR_PLUMBING.has(call.at.replace(/:\d+$/, '')),
    );
    expect(untyped.map((call) => `${call.at} ${call.callee}(${call.reason ?? '…'})`)).toEqual([]);
  });

  it('every refusal names its reason as a literal, so it can be checked against the lists', () => {
    expect(throws.filter((call) => call.reason === null).map((call) => call.at)).toEqual([]);
  });

  it('an aggregate throws its own reasons only; the shared ones anywhere', () => {
    const foreign = throws.filter((call) => {
      const owner = dirname(call.reasonsFile!);
      return owner !== 'shared' && dirname(call.at).split('/')[0] !== owner;
    });
    expect(foreign.map((call) => `${call.at} ${call.callee}('${call.reason}')`)).toEqual([]);
  });

  it.each(reasonFiles)('%s: every thrown reason is listed, every listed reason is thrown or reserved', async (path) => {
    const list = await listOf(path);
    const thrown = new Set(throws.filter((call) => call.reasonsFile === path).map((call) => call.reason));
    expect([...thrown].filter((reason) => !Object.hasOwn(list, reason!))).toEqual([]);
    const idle = Object.entries(list).filter(([reason, { reserved }]) => !thrown.has(reason) && !reserved);
    expect(idle.map(([reason]) => reason)).toEqual([]);
  });

  it('docs/errors.md lists every reason file', async () => {
    const lists = await Promise.all(reasonFiles.map(listOf));
    const documented = new Set(ERROR_REASON_SECTIONS.map((section) => section.reasons));
    expect(lists.filter((list) => !documented.has(list))).toEqual([]);
  });

  it('reason codes are UPPER_SNAKE_CASE with a description, and a code shared by lists keeps one category', () => {
    const categories = new Map<string, Set<string>>();
    for (const { reasons } of ERROR_REASON_SECTIONS) {
      for (const [reason, { category, description }] of Object.entries(reasons)) {
        expect(reason).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
        expect(description.trim()).not.toBe('');
        expect(description).not.toMatch(/[|\n]/);
        categories.set(reason, new Set([...(categories.get(reason) ?? []), category]));
      }
    }
    expect([...categories].filter(([, seen]) => seen.size > 1).map(([reason]) => reason)).toEqual([]);
  });
});
