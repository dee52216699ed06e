import type { GatewayContext, GatewayServices } from './GatewayContext';
import type { GatewayRole } from './GatewayRole';
import { createLoaders } from './loaders/createLoaders';

/** Who a request comes from. */
export interface RequestIdentity {
  /** Correlates the request's log lines and errors. */
  readonly requestId: string;
  /** @default 'analyst' */
  readonly role?: GatewayRole;
  /** Aborted when the request is abandoned (timed out, or its client gone): its loaders and long loops stop. */
  readonly signal?: AbortSignal;
}

/** The context of one request: its id and role, the shared services, and loaders of its own. */
export function createContext(services: GatewayServices, { requestId, role = 'analyst', signal }: RequestIdentity): GatewayContext {
  return { requestId, role, services, loaders: createLoaders(services, signal) };
}
