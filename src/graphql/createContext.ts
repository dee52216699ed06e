import type { GatewayContext, GatewayServices } from './GatewayContext';
import { createLoaders } from './loaders/createLoaders';

/** The context of one request: its id, the shared services, and loaders of its own. */
export function createContext(services: GatewayServices, requestId: string): GatewayContext {
  return { requestId, services, loaders: createLoaders(services) };
}
