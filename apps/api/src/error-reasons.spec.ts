import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import type { AnyReasonList, ErrorReasonSection } from '#domain';
import { READ_SIDE_ERROR_REASON_SECTIONS } from '#read-models';
import { AUTHENTICATION_ERROR_REASONS } from './auth/authentication.reasons.js';
import { CODE_BY_CATEGORY } from './command-side/error-codes.js';
import {
  API_ERROR_REASON_SECTIONS,
  DOCUMENTED_ERROR_REASON_SECTIONS,
  LIBRARY_ERROR_REASON_SECTIONS,
} from './error-reasons.js';

// What libs/domain/src/error-reasons.spec.ts proves for the domain, for the other libraries whose
// refusals reach clients, the read side and the API: every refusal they report names a reason of a
// list (docs/errors.md), through the list's typed builder, never as a free string.
const ROOT = join(import.meta.dirname, '../../..');
const READ_SIDE = 'libs/read-models/src';
/** The libraries between the domain and the API, each with its reason list beside its code. */
const LIBRARIES = ['libs/command-side/src', 'libs/privacy/src', 'libs/auth/src', 'libs/projections/src'];
const API = 'apps/api/src';
const FOLDERS = [READ_SIDE, ...LIBRARIES, API];
const UNTYPED = new Set(['invalid', 'notFound', 'conflict', 'forbidden']);

/**
 * Builder calls whose reason is no literal but a value of a union the list is keyed by (its
 * `satisfies Record<Union, …>` makes the list cover the union): the reason of an
 * AuthenticationError (#auth), the code of an EventStoreError (#event-store).
 */
const TYPED_UNION_CALLS: Readonly<Record<string, string>> = {
  [`${API}/auth/authenticator.ts authenticationReason`]: 'AuthenticationFailure',
  [`${API}/auth/token.controller.ts authenticationReason`]: 'AuthenticationFailure',
  [`${API}/command-side/graphql-errors.ts eventStoreReason`]: 'EventStoreErrorCode',
};
/**
 * Lists keyed by such a union: their reasons are thrown as the union's values, by `new
 * AuthenticationError(…)` (checked below) and by libs/event-store (not scanned).
 */
const KEYED_BY_UNION = new Set([`${API}/auth/authentication.reasons.ts`, `${API}/command-side/event-store.reasons.ts`]);

const sourcesOf = (folder: string) =>
  readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.spec.ts') && !/(^|\/)testing\//.test(path))
    .map((path) => `${folder}/${path}`)
    .sort();
const sources = FOLDERS.flatMap(sourcesOf);
const reasonFiles = sources.filter((path) => path.endsWith('.reasons.ts'));

interface Call {
  readonly at: string;
  readonly callee: string;
  /** The `*.reasons.ts` file the callee is imported from, if any. */
  readonly reasonsFile: string | null;
  /** The module the callee is imported from, as written, if it is imported. */
  readonly module: string | null;
  readonly reason: string | null;
}

interface Scan {
  readonly calls: Call[];
  /** `reason: 'LITERAL'` in an object, or `….reason === 'LITERAL'`: a reason written as a free string. */
  readonly freeStrings: string[];
}

const lineOf = (file: ts.SourceFile, node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
const isReasonName = (name: ts.PropertyName | ts.MemberName) =>
  (ts.isIdentifier(name) || ts.isStringLiteral(name)) && name.text === 'reason';

/** Every call in a source file with where its callee was imported from, and the free-string reasons (a syntactic scan). */
function scan(path: string): Scan {
  const file = ts.createSourceFile(path, readFileSync(join(ROOT, path), 'utf8'), ts.ScriptTarget.ES2022, true);
  const importedFrom = new Map<string, string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) importedFrom.set(element.name.text, statement.moduleSpecifier.text);
  }
  const resolved = (module: string) =>
    module.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(path), module)).replace(/\.js$/, '.ts') : module;
  const calls: Call[] = [];
  const freeStrings: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression)) {
      const callee = node.expression.text;
      const module = importedFrom.get(callee) ?? null;
      const target = module === null ? null : resolved(module);
      const first = node.arguments?.[0];
      calls.push({
        at: `${path}:${lineOf(file, node)}`,
        callee: ts.isNewExpression(node) ? `new ${callee}` : callee,
        reasonsFile: target?.endsWith('.reasons.ts') ? target : null,
        module,
        reason: first && ts.isStringLiteralLike(first) ? first.text : null,
      });
    }
    if (ts.isPropertyAssignment(node) && isReasonName(node.name) && ts.isStringLiteralLike(node.initializer)) {
      freeStrings.push(`${path}:${lineOf(file, node)} reason: '${node.initializer.text}'`);
    }
    if (ts.isBinaryExpression(node) && /^[!=]==?$/.test(node.operatorToken.getText())) {
      for (const [side, other] of [
        [node.left, node.right],
        [node.right, node.left],
      ] as const) {
        if (ts.isPropertyAccessExpression(side) && isReasonName(side.name) && ts.isStringLiteralLike(other)) {
          freeStrings.push(`${path}:${lineOf(file, node)} .reason ${node.operatorToken.getText()} '${other.text}'`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { calls, freeStrings };
}

const scans = sources.map(scan);
const calls = scans.flatMap((found) => found.calls);
const throws = calls.filter((call) => call.reasonsFile !== null);
const fileOf = (call: Call) => call.at.replace(/:\d+$/, '');
/** The scanned folder (a library's sources, or the API's) a file belongs to. */
const folderOf = (path: string) => FOLDERS.find((folder) => path.startsWith(`${folder}/`))!;

/** The sections of docs/errors.md the reason files of a folder belong to. */
const SECTIONS_OF: Readonly<Record<string, readonly ErrorReasonSection[]>> = {
  [READ_SIDE]: READ_SIDE_ERROR_REASON_SECTIONS,
  ...Object.fromEntries(LIBRARIES.map((library) => [library, LIBRARY_ERROR_REASON_SECTIONS])),
  [API]: API_ERROR_REASON_SECTIONS,
};

/** The one reason list a `*.reasons.ts` file exports. */
async function listOf(reasonsFile: string): Promise<AnyReasonList> {
  const module = (await import(join(ROOT, reasonsFile))) as Record<string, unknown>;
  const lists = Object.entries(module).filter(([name]) => name.endsWith('_ERROR_REASONS'));
  expect(lists).toHaveLength(1);
  return lists[0]![1] as AnyReasonList;
}

/** The `extensions.code` clients receive for a reason of a list. */
const codeOf = (definition: AnyReasonList[string]) =>
  'category' in definition ? CODE_BY_CATEGORY[definition.category] : definition.code;

describe('error reasons of the libraries, the read side and the API', () => {
  it('finds the reason files and the throws (the scan itself works)', () => {
    expect(reasonFiles.length).toBe(
      READ_SIDE_ERROR_REASON_SECTIONS.length + LIBRARY_ERROR_REASON_SECTIONS.length + API_ERROR_REASON_SECTIONS.length,
    );
    expect(reasonFiles.filter((path) => path.startsWith(READ_SIDE)).length).toBe(
      READ_SIDE_ERROR_REASON_SECTIONS.length,
    );
    expect(reasonFiles.filter((path) => LIBRARIES.includes(folderOf(path))).length).toBe(
      LIBRARY_ERROR_REASON_SECTIONS.length,
    );
    for (const library of LIBRARIES) {
      expect(throws.filter((call) => call.at.startsWith(`${library}/`)).length).toBeGreaterThan(0);
    }
    expect(throws.length).toBeGreaterThan(80);
  });

  it("no code builds a DomainError with the domain's untyped invalid/notFound/conflict/forbidden", () => {
    const untyped = calls.filter(
      (call) => (UNTYPED.has(call.callee) && call.module === '#domain') || call.callee === 'new DomainError',
    );
    expect(untyped.map((call) => `${call.at} ${call.callee}(${call.reason ?? '…'})`)).toEqual([]);
  });

  it('no reason is written as a free string (in extensions, an error body or a comparison)', () => {
    expect(scans.flatMap((found) => found.freeStrings)).toEqual([]);
  });

  it('every refusal names its reason as a literal, or as a value of the union its list is keyed by', () => {
    const unnamed = throws.filter(
      (call) => call.reason === null && !TYPED_UNION_CALLS[`${fileOf(call)} ${call.callee}`],
    );
    expect(unnamed.map((call) => `${call.at} ${call.callee}`)).toEqual([]);
  });

  it('a library and the API throw their own lists; a read model its own reasons and the shared ones', () => {
    const foreign = throws.filter((call) => {
      if (folderOf(call.at) !== folderOf(call.reasonsFile!)) return true;
      if (!call.at.startsWith(READ_SIDE)) return false;
      const owner = dirname(relative(READ_SIDE, call.reasonsFile!));
      return owner !== 'shared' && relative(READ_SIDE, call.at).split('/')[0] !== owner;
    });
    expect(foreign.map((call) => `${call.at} ${call.callee}('${call.reason}') from ${call.reasonsFile}`)).toEqual([]);
  });

  it.each(reasonFiles)('%s: every thrown reason is listed, every listed reason is thrown or reserved', async (path) => {
    const list = await listOf(path);
    const thrown = new Set(throws.filter((call) => call.reasonsFile === path).map((call) => call.reason));
    expect([...thrown].filter((reason) => reason !== null && !Object.hasOwn(list, reason))).toEqual([]);
    if (KEYED_BY_UNION.has(path)) return;
    const idle = Object.entries(list).filter(([reason, { reserved }]) => !thrown.has(reason) && !reserved);
    expect(idle.map(([reason]) => reason)).toEqual([]);
  });

  it('docs/errors.md lists every reason file of the libraries, the read side and the API', async () => {
    const missing: string[] = [];
    for (const path of reasonFiles) {
      const list = await listOf(path);
      if (!SECTIONS_OF[folderOf(path)]!.some((section) => section.reasons === list)) missing.push(path);
    }
    expect(missing).toEqual([]);
  });

  it('an AuthenticationError (#auth) names its reason as a literal; every reason of authentication is reported', () => {
    const refusals = calls.filter((call) => call.callee === 'new AuthenticationError');
    expect(refusals.filter((call) => call.reason === null).map((call) => call.at)).toEqual([]);
    const reported = new Set(refusals.map((call) => call.reason));
    const idle = Object.keys(AUTHENTICATION_ERROR_REASONS).filter((reason) => !reported.has(reason));
    expect(idle).toEqual([]);
  });

  it('reason codes are UPPER_SNAKE_CASE with a description, and a code in several lists keeps one category and code', () => {
    const seen = new Map<string, Set<string>>();
    for (const { reasons } of DOCUMENTED_ERROR_REASON_SECTIONS) {
      for (const [reason, definition] of Object.entries(reasons)) {
        expect(reason).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
        expect(definition.description.trim()).not.toBe('');
        expect(definition.description).not.toMatch(/[|\n]/);
        const kinds = seen.get(reason) ?? new Set<string>();
        kinds.add(`code ${codeOf(definition)}`);
        if ('category' in definition) kinds.add(`category ${definition.category}`);
        seen.set(reason, kinds);
      }
    }
    const ambiguous = [...seen].filter(
      ([, kinds]) =>
        [...kinds].filter((kind) => kind.startsWith('code')).length > 1 ||
        [...kinds].filter((kind) => kind.startsWith('category')).length > 1,
    );
    expect(ambiguous.map(([reason, kinds]) => `${reason}: ${[...kinds].join(', ')}`)).toEqual([]);
  });
});
