import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { markOperationStart } from './operation-clock.js';
import type { OperationLimits } from './operation-limits.js';

/**
 * Apollo Server side of the limits: starts the operation clock (for the timeout), and refuses an
 * operation over a limit once Apollo has parsed and validated it and picked the operation to run,
 * before anything executes. It runs for every request, also when Apollo reuses a cached document,
 * because complexity depends on the variables. It hands the served schema to the graphql-ws hook.
 */
export function limitsPlugin(limits: OperationLimits): ApolloServerPlugin<BaseContext> {
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema }) {
          limits.useSchema(apiSchema);
        },
      };
    },
    async requestDidStart({ contextValue }) {
      markOperationStart(contextValue);
      return {
        async didResolveOperation({ schema, document, request, operation, operationName }) {
          // An operation Apollo could not pick (several, no name) is refused by Apollo itself.
          if (!operation) return;
          const [refusal] = limits.refusals({ schema, document, variables: request.variables, operationName });
          if (refusal) throw refusal;
        },
      };
    },
  };
}
