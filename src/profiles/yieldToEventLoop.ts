import { setImmediate } from 'node:timers/promises';

/** Work waiting for its turn, oldest first (process-wide: every request takes turns with every other). */
const waiting: (() => void)[] = [];
let pumping = false;

/**
 * Lets the event loop serve others (health checks, other requests, the
 * request timeout's timer) in the middle of long in-process work, then
 * throws `signal`'s reason when the work was abandoned meanwhile.
 *
 * One waiter goes on per turn of the event loop: a hundred profiles that
 * yield at once do not all run in one turn (as they would behind one
 * `setImmediate` each, the turn's immediates running back to back), so
 * sockets are read between any two of them.
 */
export async function yieldToEventLoop(signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  await new Promise<void>((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      void pump();
    }
  });
  signal?.throwIfAborted();
}

async function pump(): Promise<void> {
  while (waiting.length > 0) {
    await setImmediate();
    waiting.shift()?.();
  }
  pumping = false;
}

/** Items handled between two yields in a long loop. */
export const ITEMS_BETWEEN_YIELDS = 500;
