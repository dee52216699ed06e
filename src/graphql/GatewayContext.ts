import type { GatewayRole } from './GatewayRole';
import type { GatewayServices } from './GatewayServices';
import type { Loaders } from './loaders/createLoaders';

export type { GatewayServices } from './GatewayServices';

/**
 * What every resolver of one request sees. Created per request by the
 * server's context factory; per-request state (loaders) lives here, never in
 * module scope.
 */
export interface GatewayContext {
  /** Correlates the request's log lines and errors. */
  readonly requestId: string;
  /** The role of the caller's API key (`analyst` when authentication is open). */
  readonly role: GatewayRole;
  readonly services: GatewayServices;
  readonly loaders: Loaders;
}
