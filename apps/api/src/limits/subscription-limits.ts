import { getOperationAST, GraphQLError, parse, validate, type DocumentNode, type ExecutionArgs } from 'graphql';
import { unstorableInput } from '../command-side/storable-input.plugin.js';
import type { Context as WsContext, SubscribePayload } from 'graphql-ws';
import { withoutHttp } from './limit-refusal.js';
import type { OperationLimits } from './operation-limits.js';

type OnSubscribeResult = ExecutionArgs | readonly GraphQLError[] | void;

export interface WsHooks {
  readonly onSubscribe?: (
    ctx: WsContext<Record<string, unknown> | undefined, unknown>,
    id: string,
    payload: SubscribePayload,
  ) => Promise<OnSubscribeResult> | OnSubscribeResult;
}

/**
 * graphql-ws runs operations outside Apollo, so its subscribe hook applies the same limits (depth,
 * aliases, complexity, introspection), after the hooks given (authentication): it parses and
 * validates the operation as graphql-ws would, refuses it over a limit, and otherwise hands
 * graphql-ws the checked document to run. A document that does not parse is left to graphql-ws.
 */
export function withOperationLimits(hooks: WsHooks, limits: OperationLimits): WsHooks {
  return {
    ...hooks,
    onSubscribe: async (ctx, id, payload) => {
      const earlier = await hooks.onSubscribe?.(ctx, id, payload);
      if (earlier) return earlier;
      const schema = limits.schema;
      if (!schema)
        return [new GraphQLError('The server is starting; try again', { extensions: { code: 'SERVICE_UNAVAILABLE' } })];
      let document: DocumentNode;
      try {
        document = parse(payload.query);
      } catch {
        return undefined;
      }
      const invalid = validate(schema, document);
      if (invalid.length > 0) return invalid;
      const operation = { schema, document, variables: payload.variables, operationName: payload.operationName };
      const refusals = limits.refusals(operation);
      if (refusals.length > 0) return refusals.map(withoutHttp);
      const definition = getOperationAST(document, payload.operationName);
      const unstorable = definition ? unstorableInput(schema, document, definition, payload.variables ?? {}) : null;
      if (unstorable) return [withoutHttp(unstorable)];
      return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
    },
  };
}
