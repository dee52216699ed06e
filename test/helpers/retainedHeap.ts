import type { GatewayProcess } from './gatewayProcess';

/**
 * Samples a gateway process's used V8 heap (`nodejs_heap_size_used_bytes`
 * of its `/metrics`) every `intervalMs` while `work` runs, and resolves with
 * the lowest sample: the heap just after a collection, i.e. what the process
 * retains. RSS is no leak signal (the allocator keeps freed pages, and a
 * busy machine makes it swing); the retained heap across rounds of the same
 * load is.
 */
export async function retainedHeapDuring<T>(gateway: GatewayProcess, work: Promise<T>, intervalMs = 500): Promise<{ result: T; retainedBytes: number }> {
  let lowest = Number.POSITIVE_INFINITY;
  let done = false;
  const sampling = (async () => {
    while (!done) {
      const used = await heapUsedBytes(gateway);
      if (used !== null) lowest = Math.min(lowest, used);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  try {
    const result = await work;
    return { result, retainedBytes: lowest };
  } finally {
    done = true;
    await sampling;
  }
}

async function heapUsedBytes(gateway: GatewayProcess): Promise<number | null> {
  try {
    const response = await fetch(new URL('/metrics', gateway.base));
    const match = /^nodejs_heap_size_used_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(await response.text());
    return match === null ? null : Number(match[1]);
  } catch {
    return null;
  }
}
