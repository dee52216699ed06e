import type { ComputedAttributeDefinition } from './ComputedAttributeDefinition';

const PURCHASES = 'eventType = "commerce.purchases"';
/** What exposes a person to a campaign: an email sent to them, an ad shown on one of their devices. */
const CAMPAIGN_EXPOSURES = 'eventType in ["directMarketing.emailSent", "advertising.impressions"]';

/**
 * The computed attributes that ship: `lifetimeValue` (SUM of
 * commerce.order.priceTotal over eventType "commerce.purchases", no lookback
 * limit), `purchases30d` (COUNT of those within 30 days), `lastPurchaseAt`
 * (MOST_RECENT timestamp of those, no limit), `campaignExposure30d` (COUNT
 * of campaign emails sent and ad impressions within 30 days).
 */
export const SHIPPED_COMPUTED_ATTRIBUTES: readonly ComputedAttributeDefinition[] = Object.freeze([
  {
    name: 'lifetimeValue',
    description:
      'Total spent over all purchases (sum of commerce.order.priceTotal): what the customer has spent, from events; not _demo.lifetimeValue, a model score predicting future revenue.',
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
  {
    name: 'campaignExposure30d',
    description: 'Campaign exposure in the last 30 days: campaign emails sent to the customer plus ad impressions on their devices.',
    function: 'COUNT',
    field: null,
    filter: CAMPAIGN_EXPOSURES,
    lookbackDays: 30,
  },
] as const satisfies readonly ComputedAttributeDefinition[]);
