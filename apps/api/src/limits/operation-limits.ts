import { validate, type DocumentNode, type GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { ApiLimits } from '#config';
import { complexityRefusal, type OperationToMeasure } from './complexity.js';
import { documentRules } from './document-rules.js';
import { noIntrospection } from './introspection.js';

/**
 * The limits every operation is checked against before it runs, over HTTP (the Apollo plugin) and
 * over graphql-ws (the subscribe hook) alike: depth, aliases, introspection when it is off, then
 * complexity, which needs the variables (`first: $n`). All numbers come from the configuration.
 */
export class OperationLimits {
  private readonly rules: readonly ValidationRule[];
  private servedSchema: GraphQLSchema | null = null;
  /**
   * Documents whose rules passed, with the schema they passed on. Apollo hands over the same parsed
   * document for the same query text, and the rules read nothing else; a profile of the API at 200
   * requests/s showed these checks in 9% of its busy time, the same document checked every time.
   */
  private readonly passedRules = new WeakMap<DocumentNode, GraphQLSchema>();
  /** Per document, the operation names and variables whose complexity passed (never a refusal). */
  private readonly passedComplexity = new WeakMap<DocumentNode, LRUCache<string, GraphQLSchema>>();

  constructor(private readonly limits: ApiLimits) {
    this.rules = [...documentRules(limits), ...(limits.introspection ? [] : [noIntrospection])];
  }

  /** The schema Apollo serves (set when it loads); graphql-ws checks its operations against it. */
  useSchema(schema: GraphQLSchema): void {
    this.servedSchema = schema;
  }

  get schema(): GraphQLSchema | null {
    return this.servedSchema;
  }

  /** The refusals of an already parsed and valid operation; empty when it may run. */
  refusals(operation: OperationToMeasure): GraphQLError[] {
    const { schema, document } = operation;
    if (this.passedRules.get(document) !== schema) {
      const errors = validate(schema, document, this.rules);
      if (errors.length > 0) return [...errors];
      this.passedRules.set(document, schema);
    }
    const key = complexityKey(operation);
    if (key !== null && this.passedComplexity.get(document)?.get(key) === schema) return [];
    const tooComplex = complexityRefusal(operation, this.limits.maxComplexity);
    if (tooComplex) return [tooComplex];
    if (key !== null) this.complexityPasses(document).set(key, schema);
    return [];
  }

  private complexityPasses(document: DocumentNode): LRUCache<string, GraphQLSchema> {
    let passes = this.passedComplexity.get(document);
    if (!passes) {
      passes = new LRUCache({ max: VARIABLE_SETS_KEPT });
      this.passedComplexity.set(document, passes);
    }
    return passes;
  }
}

/** Variable sets kept per document: a dashboard asks the same few again and again. */
const VARIABLE_SETS_KEPT = 64;
/** Larger variables (imports, long inputs) are measured every time rather than kept. */
const MAX_KEY_LENGTH = 2_048;

/** Complexity depends on the operation picked and its variables (`first: $n`). */
function complexityKey(operation: OperationToMeasure): string | null {
  let variables: string;
  try {
    variables = JSON.stringify(operation.variables ?? {});
  } catch {
    // Nested deeper than JSON.stringify's stack (the fuzz test sends 20,000-deep arrays): measured, not kept.
    return null;
  }
  const key = `${operation.operationName ?? ''}\u0000${variables}`;
  return key.length <= MAX_KEY_LENGTH ? key : null;
}
