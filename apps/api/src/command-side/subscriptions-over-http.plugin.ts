import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { GraphQLError } from 'graphql';
import { requestReason } from './request.reasons.js';

/**
 * Subscriptions are served over graphql-ws on the same URL. Sent over HTTP, Apollo would execute
 * one like a query and its root field would resolve to nothing (an internal "cannot return null"
 * error): refuse it instead, as a bad request, before anything runs. graphql-ws does not go
 * through Apollo's request pipeline, so subscriptions on the socket are untouched.
 */
@Plugin()
export class SubscriptionsOverHttpPlugin implements ApolloServerPlugin<BaseContext> {
  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) on this URL, not over HTTP', {
          extensions: { ...requestReason('SUBSCRIPTION_OVER_HTTP'), http: { status: 400 } },
        });
      },
    };
  }
}
