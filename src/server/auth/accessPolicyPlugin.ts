import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, Kind, OperationTypeNode, visit, type DocumentNode } from 'graphql';
import { GatewayError, type GatewayContext } from '../../graphql';

/** Options of {@link accessPolicyPlugin}. */
export interface AccessPolicyOptions {
  /** In development every role may introspect (the IDE's autocompletion); elsewhere only `analyst`. */
  readonly introspectionForAllRoles: boolean;
}

/**
 * What each role may run, checked once the operation is known (before it
 * runs):
 * - introspection (`__schema`, `__type`) only as `analyst` outside
 *   development → otherwise 403 `INTROSPECTION_DISABLED`;
 * - mutations not as `frontend`, whose keys ship inside web and app code
 *   → 403 `FORBIDDEN`. (`partner` runs only manifest documents, which an
 *   operator chose, mutations included.)
 */
export function accessPolicyPlugin(options: AccessPolicyOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          const role = contextValue.role;
          if (role !== 'analyst' && !options.introspectionForAllRoles && introspects(document)) {
            throw new GatewayError('INTROSPECTION_DISABLED', `introspection (__schema, __type) is for role 'analyst' only; role '${role}' may not introspect`, {
              extensions: { role, http: { status: 403 } },
            });
          }
          if (role === 'frontend' && operation?.operation === OperationTypeNode.MUTATION) {
            throw new GatewayError('FORBIDDEN', `role 'frontend' may run queries only; mutations are for role 'analyst'`, {
              extensions: { role, http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}

function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
