import { validate, type GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
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
    const errors = validate(operation.schema, operation.document, this.rules);
    if (errors.length > 0) return [...errors];
    const tooComplex = complexityRefusal(operation, this.limits.maxComplexity);
    return tooComplex ? [tooComplex] : [];
  }
}
