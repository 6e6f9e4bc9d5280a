import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';

function requireObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GraphQLError('A signal framework definition must be a JSON object', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value as Record<string, unknown>;
}

/** A signal framework definition as a JSON object; its shape is validated by the service (docs/signals.md). */
export const SignalFrameworkDefinitionScalar = new GraphQLScalarType({
  name: 'SignalFrameworkDefinition',
  description:
    'A signal framework definition as a JSON object: name, description, defaultWindowMonths, parameters and, per signal, weighted indicators and warning thresholds (see docs/signals.md).',
  serialize: (value) => value,
  parseValue: (value) => requireObject(value),
  parseLiteral: (ast, variables) => {
    if (ast.kind !== Kind.OBJECT) {
      throw new GraphQLError('A signal framework definition must be a JSON object', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return requireObject(valueFromASTUntyped(ast, variables));
  },
});
