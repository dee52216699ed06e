import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { GatewayContext } from '../../graphql';
import { requestOutcome } from './requestOutcome';

/**
 * One log line per GraphQL request (`msg: "graphql request"`, level info):
 * `requestId`, `role`, `operationName`, `operationHash` (sha256 of the
 * document), `outcome` (`success` or the first error code), `errorCodes`
 * and `durationMs`. Variables and results are never logged: they hold
 * personal data. (Internal errors get a line of their own, with their stack,
 * through `GatewayOptions.onInternalError`.)
 */
export function loggingPlugin(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      const { requestId, role } = contextValue;
      return {
        async willSendResponse(requestContext) {
          const outcome = requestOutcome(requestContext);
          const durationMs = Math.round((performance.now() - started) * 10) / 10;
          logger.info({ requestId, role, ...outcome, durationMs }, 'graphql request');
        },
      };
    },
  };
}
