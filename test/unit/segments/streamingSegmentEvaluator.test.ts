import { type EvaluationSummary, StreamingSegmentEvaluator } from '../../../src/segments';

const SUMMARY: EvaluationSummary = { profiles: 1, realized: 0, exited: 0, tooLarge: 0, failures: new Map() };

/** An engine whose evaluations finish only when the test releases them. */
function gatedEngine() {
  const calls: string[][] = [];
  const gates: (() => void)[] = [];
  return {
    calls,
    release: () => gates.splice(0).forEach((open) => open()),
    evaluateIdentities: (keys: readonly string[]) => {
      calls.push([...keys]);
      return new Promise<EvaluationSummary>((resolve) => gates.push(() => resolve(SUMMARY)));
    },
  };
}

describe('StreamingSegmentEvaluator', () => {
  it('lets a notification resolve after the bound while a slow evaluation is still running, and finishes it in the background', async () => {
    const engine = gatedEngine();
    const evaluated: EvaluationSummary[] = [];
    const streaming = new StreamingSegmentEvaluator(engine, { maxWaitMs: 20, onEvaluated: (summary) => evaluated.push(summary) });
    await streaming.notify(['Email:ana@example.com']);
    // The acknowledgement went out; the evaluation has not finished.
    expect(engine.calls).toEqual([['Email:ana@example.com']]);
    expect(evaluated).toEqual([]);
    engine.release();
    await streaming.whenIdle();
    expect(evaluated).toEqual([SUMMARY]);
  });

  it('resolves a notification as soon as its evaluation is done when that is within the bound', async () => {
    const streaming = new StreamingSegmentEvaluator({ evaluateIdentities: async () => SUMMARY }, { maxWaitMs: 600_000 });
    await expect(streaming.notify(['CRMID:C-1'])).resolves.toBeUndefined();
  });

  it('coalesces identities that arrive while it runs into the next round, each key once', async () => {
    const engine = gatedEngine();
    const streaming = new StreamingSegmentEvaluator(engine, { maxWaitMs: 0 });
    void streaming.notify(['A:1']);
    void streaming.notify(['A:2', 'A:3']);
    void streaming.notify(['A:3', 'A:2']);
    engine.release();
    await new Promise((resolve) => setImmediate(resolve));
    engine.release();
    await streaming.whenIdle();
    expect(engine.calls).toEqual([['A:1'], ['A:2', 'A:3']]);
  });

  it('splits a large round into chunks', async () => {
    const calls: number[] = [];
    const streaming = new StreamingSegmentEvaluator({ evaluateIdentities: async (keys) => (calls.push(keys.length), SUMMARY) }, { chunkSize: 2 });
    await streaming.notify(['A:1', 'A:2', 'A:3', 'A:4', 'A:5']);
    expect(calls).toEqual([2, 2, 1]);
  });

  it('reports a failed evaluation and never rejects the notification', async () => {
    const errors: unknown[] = [];
    const failure = new Error('store down');
    const streaming = new StreamingSegmentEvaluator({ evaluateIdentities: async () => Promise.reject(failure) }, { onError: (error) => errors.push(error) });
    await expect(streaming.notify(['A:1'])).resolves.toBeUndefined();
    expect(errors).toEqual([failure]);
  });

  it('refuses a negative bound', () => {
    expect(() => new StreamingSegmentEvaluator({ evaluateIdentities: async () => SUMMARY }, { maxWaitMs: -1 })).toThrow('maxWaitMs must be a whole number of at least 0, got -1');
  });
});
