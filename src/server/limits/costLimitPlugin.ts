import type { ApolloServerPlugin } from '@apollo/server';
import { GatewayError, type GatewayContext } from '../../graphql';
import { operationCost } from './operationCost';

/**
 * Holds every operation to `maxCost` (`GRAPHQL_MAX_COST`) by
 * {@link operationCost}, with the request's variable values: `first: $f`
 * costs what `first: 500` costs, and `profiles(identities: $ids)` as many
 * profiles as `$ids` holds. An operation over the limit is refused before
 * it runs with HTTP 400 `QUERY_TOO_COSTLY`, its cost and the limit.
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin<GatewayContext> {
  if (!Number.isFinite(maxCost) || maxCost < 1) throw new RangeError(`costLimitPlugin: maxCost must be at least 1, got ${String(maxCost)}`);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, operation }) {
          const cost = operationCost(schema, document, request.variables ?? {}, operation?.name?.value);
          if (cost === null || cost <= maxCost) return;
          const found = Number.isFinite(cost) ? `costs ${cost}` : 'has too many fields and fragments to price';
          throw new GatewayError(
            'QUERY_TOO_COSTLY',
            `the operation ${found}, more than the ${maxCost} GRAPHQL_MAX_COST allows; ask for fewer items (first:, identities:) or fewer fields (docs/access.md, "Cost")`,
            { extensions: { limit: maxCost, ...(Number.isFinite(cost) ? { cost } : {}), http: { status: 400 } } },
          );
        },
      };
    },
  };
}
