import type { ComputedAttributeDefinition } from './ComputedAttributeDefinition';

const PURCHASES = 'eventType = "commerce.purchases"';

/**
 * The computed attributes that ship: `lifetimeValue` (SUM of
 * commerce.order.priceTotal over eventType "commerce.purchases", no lookback
 * limit), `purchases30d` (COUNT of those within 30 days), `lastPurchaseAt`
 * (MOST_RECENT timestamp of those, no limit).
 */
export const SHIPPED_COMPUTED_ATTRIBUTES: readonly ComputedAttributeDefinition[] = Object.freeze([
  {
    name: 'lifetimeValue',
    description: 'Total spent over all purchases (sum of commerce.order.priceTotal).',
    function: 'SUM',
    field: 'commerce.order.priceTotal',
    filter: PURCHASES,
    lookbackDays: null,
  },
  {
    name: 'purchases30d',
    description: 'Number of purchases in the last 30 days.',
    function: 'COUNT',
    field: null,
    filter: PURCHASES,
    lookbackDays: 30,
  },
  {
    name: 'lastPurchaseAt',
    description: 'When the most recent purchase happened.',
    function: 'MOST_RECENT',
    field: 'timestamp',
    filter: PURCHASES,
    lookbackDays: null,
  },
] as const satisfies readonly ComputedAttributeDefinition[]);
