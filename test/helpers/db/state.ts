/**
 * Hand-over from globalSetup to globalTeardown. Jest runs both in its main
 * process and documents that globals set in globalSetup are visible to
 * globalTeardown (and to no test), so a global is the simplest channel.
 */
import type { TestDbServer } from './server';

/** What teardown needs: the server, and the env values to restore (watch mode reruns setup). */
export interface TestDbState {
  server: TestDbServer;
  previousEnv: Record<string, string | undefined>;
}

type WithState = typeof globalThis & { __profileGatewayTestDb?: TestDbState };

export function saveState(state: TestDbState): void {
  (globalThis as WithState).__profileGatewayTestDb = state;
}

/** Returns the saved state once and forgets it, so teardown cannot run twice. */
export function takeState(): TestDbState | undefined {
  const g = globalThis as WithState;
  const state = g.__profileGatewayTestDb;
  delete g.__profileGatewayTestDb;
  return state;
}
