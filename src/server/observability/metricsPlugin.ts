import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GatewayMetrics } from './createMetrics';
import { requestOutcome } from './requestOutcome';

/**
 * Times every GraphQL request from the moment Apollo takes it to the moment
 * its response is ready, and records it in the request histogram by
 * operation name and outcome (`success` or the first error code the client sees).
 */
export function metricsPlugin(metrics: GatewayMetrics): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse(requestContext) {
          const { operationName, outcome } = requestOutcome(requestContext);
          metrics.observeRequest({ operationName, outcome, durationSeconds: (performance.now() - started) / 1000 });
        },
      };
    },
  };
}
