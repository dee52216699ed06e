import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop serve others (health checks, other requests, the
 * request timeout's timer) in the middle of long in-process work, then
 * throws `signal`'s reason when the work was abandoned meanwhile.
 */
export async function yieldToEventLoop(signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  await setImmediate();
  signal?.throwIfAborted();
}

/** Items handled between two yields in a long loop. */
export const ITEMS_BETWEEN_YIELDS = 500;
