import type { ApolloServerPlugin } from '@apollo/server';
import { type GatewayContext, isInternalError } from '../../graphql';

/** Where an internal error goes: logged with the id of the request it broke. */
export type InternalErrorHandler = (error: unknown, requestId: string) => void;

/**
 * Tells `onInternalError` of every error of a GraphQL request that the
 * client sees masked as `INTERNAL_SERVER_ERROR` (see `isInternalError`),
 * with the request's id: the client gets no detail, so the log must have it.
 */
export function internalErrorLogPlugin(onInternalError: InternalErrorHandler): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isInternalError(error)) onInternalError(error.originalError ?? error, contextValue.requestId);
          }
        },
      };
    },
  };
}
