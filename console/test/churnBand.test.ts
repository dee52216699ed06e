import { churnBand } from '../src/churnBand';

describe('churnBand', () => {
  it.each([
    [0, 'low'],
    [0.299, 'low'],
    [0.3, 'medium'],
    [0.699, 'medium'],
    [0.7, 'high'],
    [1, 'high'],
  ])('%s is %s', (propensity, band) => {
    expect(churnBand(propensity)).toBe(band);
  });

  it('has no band without a score', () => {
    expect(churnBand(null)).toBeUndefined();
    expect(churnBand(undefined)).toBeUndefined();
    expect(churnBand(Number.NaN)).toBeUndefined();
  });
});
