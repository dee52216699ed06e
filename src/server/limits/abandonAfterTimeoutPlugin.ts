import type { ApolloServerPlugin } from '@apollo/server';
import { GatewayError, type GatewayContext } from '../../graphql';

/**
 * Abandons an operation's work once it has run `timeoutMs`: from then on
 * every field that is about to resolve fails with `REQUEST_TIMEOUT`, so no
 * further store lookups start. (GraphQL 16 cannot cancel a resolver already
 * waiting; its answer is thrown away.) The HTTP answer itself comes from
 * the `requestTimeout` middleware, on time whatever the resolvers do.
 */
export function abandonAfterTimeoutPlugin(timeoutMs: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const deadline = Date.now() + timeoutMs;
      return {
        async executionDidStart() {
          return {
            willResolveField() {
              if (Date.now() > deadline) {
                throw new GatewayError('REQUEST_TIMEOUT', `the request took longer than ${timeoutMs} ms (REQUEST_TIMEOUT_MS) and was abandoned`, {
                  extensions: { timeoutMs, http: { status: 504 } },
                });
              }
            },
          };
        },
      };
    },
  };
}
