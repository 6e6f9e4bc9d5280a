import { createClient as createWsClient } from 'graphql-ws';
import { Client, fetchExchange, subscriptionExchange } from 'urql';

/**
 * One urql client per signed-in token: queries and mutations over HTTP, subscriptions over
 * graphql-ws on the same URL, both with the bearer token. `network-only` by default: signals,
 * warnings and statuses change while the page is open.
 */
export function createApiClient(token: string): Client {
  const authorization = `Bearer ${token}`;
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const ws = createWsClient({ url: wsUrl, connectionParams: { authorization }, lazy: true, retryAttempts: 5 });
  return new Client({
    url: '/graphql',
    requestPolicy: 'network-only',
    // POST with a JSON body: Apollo's CSRF prevention refuses simple GET requests.
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization } }),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
