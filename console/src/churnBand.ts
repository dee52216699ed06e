/** How likely the customer is to stop buying, in three bands an agent reads at a glance. */
export type ChurnBand = 'low' | 'medium' | 'high';

/**
 * The band of a churn propensity (0 to 1): below 0.3 low, below 0.7 medium,
 * from 0.7 high (the threshold of the `churn-risk` demo segment); `undefined`
 * when the profile has no score.
 */
export function churnBand(propensity: number | null | undefined): ChurnBand | undefined {
  if (propensity === null || propensity === undefined || Number.isNaN(propensity)) return undefined;
  if (propensity < 0.3) return 'low';
  if (propensity < 0.7) return 'medium';
  return 'high';
}
