import { ConfigurationCache } from '../../../src/store/mongo/ConfigurationCache';

describe('ConfigurationCache', () => {
  function counting(values: string[][]) {
    let reads = 0;
    return {
      read: () => Promise.resolve(values[Math.min(reads++, values.length - 1)] ?? []),
      reads: () => reads,
    };
  }

  it('answers from the last read until the time is up, then reads again', async () => {
    let now = 1_000;
    const cache = new ConfigurationCache<string[]>(500, () => now);
    const source = counting([['a'], ['a', 'b']]);
    expect(await cache.get(source.read)).toEqual(['a']);
    now += 499;
    expect(await cache.get(source.read)).toEqual(['a']);
    expect(source.reads()).toBe(1);
    now += 1;
    expect(await cache.get(source.read)).toEqual(['a', 'b']);
    expect(source.reads()).toBe(2);
  });

  it('reads again at once after invalidate(): a write through this process is seen by its next read', async () => {
    const cache = new ConfigurationCache<string[]>(60_000, () => 0);
    const source = counting([['a'], ['a', 'b']]);
    await cache.get(source.read);
    cache.invalidate();
    expect(await cache.get(source.read)).toEqual(['a', 'b']);
  });

  it('shares one read between callers that ask at the same time', async () => {
    const cache = new ConfigurationCache<string[]>(60_000, () => 0);
    const source = counting([['a']]);
    await Promise.all([cache.get(source.read), cache.get(source.read), cache.get(source.read)]);
    expect(source.reads()).toBe(1);
  });

  it('keeps no failed read: the next call reads again', async () => {
    const cache = new ConfigurationCache<string[]>(60_000, () => 0);
    await expect(cache.get(() => Promise.reject(new Error('store unavailable')))).rejects.toThrow('store unavailable');
    expect(await cache.get(() => Promise.resolve(['a']))).toEqual(['a']);
  });

  it('gives each caller its own copy', async () => {
    const cache = new ConfigurationCache<{ id: string }[]>(60_000, () => 0);
    const first = await cache.get(() => Promise.resolve([{ id: 'a' }]));
    first.push({ id: 'x' });
    first[0]!.id = 'changed';
    expect(await cache.get(() => Promise.resolve([]))).toEqual([{ id: 'a' }]);
  });

  it('reads every time when the time is 0', async () => {
    const cache = new ConfigurationCache<string[]>(0, () => 0);
    const source = counting([['a'], ['b']]);
    expect(await cache.get(source.read)).toEqual(['a']);
    expect(await cache.get(source.read)).toEqual(['b']);
  });
});
