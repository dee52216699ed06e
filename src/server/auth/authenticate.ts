import type { Request, RequestHandler, Response } from 'express';
import type { GatewayRole } from '../../graphql';
import { sendHttpError } from '../errors/sendHttpError';
import { ApiKeyRing } from './ApiKeyRing';
import type { AccessConfig } from '../../app';
import { presentedApiKey } from './presentedApiKey';

/** Who sent a request, once {@link authenticate} let it through. */
export interface Caller {
  readonly role: GatewayRole;
  /** The `name` of the caller's API key; `null` when `AUTH_MODE=open`. */
  readonly keyName: string | null;
}

/** Options of {@link authenticate}. */
export interface AuthenticateOptions {
  /**
   * Requests that pass without a key and without a caller (the GraphQL IDE
   * page a browser loads). Whatever runs after must then refuse to act
   * for nobody. @default none
   */
  readonly anonymousAllowed?: (request: Request) => boolean;
}

/**
 * Express middleware: who is calling. With `AUTH_MODE=open` every request is
 * an `analyst`. With API keys, the key of `Authorization: Bearer <key>` or
 * `x-api-key: <key>` is looked up in constant time; a request without a
 * known key is answered 401 `UNAUTHENTICATED` (with `WWW-Authenticate:
 * Bearer`) before its body is read. The caller is read with {@link callerOf}.
 */
export function authenticate(access: AccessConfig, options: AuthenticateOptions = {}): RequestHandler {
  if (access.mode === 'open') {
    const open: Caller = { role: 'analyst', keyName: null };
    return (_request, response, next) => {
      response.locals.caller = open;
      next();
    };
  }
  const ring = new ApiKeyRing(access.keys);
  const anonymousAllowed = options.anonymousAllowed ?? (() => false);
  return (request, response, next) => {
    const presented = presentedApiKey(request.headers);
    const found = presented.kind === 'key' ? ring.find(presented.key) : undefined;
    if (found !== undefined) {
      response.locals.caller = { role: found.role, keyName: found.name } satisfies Caller;
      next();
      return;
    }
    if (presented.kind === 'none' && anonymousAllowed(request)) {
      next();
      return;
    }
    response.setHeader('WWW-Authenticate', 'Bearer');
    const message =
      presented.kind === 'none'
        ? 'an API key is required: send "Authorization: Bearer <api key>" or "x-api-key: <api key>"'
        : presented.kind === 'malformed'
          ? presented.problem
          : 'the API key is not known; check it, or ask for one';
    sendHttpError(request, response, 401, 'UNAUTHENTICATED', message);
  };
}

/** The caller {@link authenticate} found for this response's request; `undefined` for an anonymous (IDE page) request. */
export function callerOf(response: Response): Caller | undefined {
  const caller: unknown = response.locals.caller;
  return typeof caller === 'object' && caller !== null ? (caller as Caller) : undefined;
}
