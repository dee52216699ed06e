import type { RequestHandler } from 'express';
import type { GatewayRole } from '../../graphql';
import { sendHttpError } from '../errors/sendHttpError';
import { callerOf } from './authenticate';

/**
 * Express middleware, after {@link authenticate}: lets through callers whose
 * role is one of `roles`; others get 403 `FORBIDDEN` naming their role, the
 * roles allowed and `what` they tried ("POST /ingest/:datasetId"), and a
 * request with no caller at all gets 401 `UNAUTHENTICATED`.
 */
export function requireRole(roles: readonly GatewayRole[], what: string): RequestHandler {
  if (roles.length === 0) throw new RangeError(`requireRole: at least one role must be allowed for ${what}`);
  return (request, response, next) => {
    const caller = callerOf(response);
    if (caller === undefined) {
      sendHttpError(request, response, 401, 'UNAUTHENTICATED', 'an API key is required: send "Authorization: Bearer <api key>" or "x-api-key: <api key>"');
      return;
    }
    if (!roles.includes(caller.role)) {
      sendHttpError(request, response, 403, 'FORBIDDEN', `role '${caller.role}' may not use ${what}; allowed: ${roles.join(', ')}`, { role: caller.role });
      return;
    }
    next();
  };
}
