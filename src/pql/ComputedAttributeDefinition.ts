/** The aggregate a computed attribute applies to the matching events of a profile. */
export type ComputedAttributeFunction = 'SUM' | 'COUNT' | 'MIN' | 'MAX' | 'MOST_RECENT';

/**
 * A computed attribute as defined through the API (`createComputedAttribute`):
 * an aggregate of an event field over the events of a profile's whole
 * identity graph that match `filter` within the lookback window, computed at
 * read time.
 */
export interface ComputedAttributeDefinition {
  /** Letters, digits and `_`, starting with a letter: how profiles and PQL name it (`computedAttributes.lifetimeValue`). */
  readonly name: string;
  readonly description: string | null;
  readonly function: ComputedAttributeFunction;
  /** The event field aggregated, as a short-form path (`commerce.order.priceTotal`, `timestamp`); `null` only for `COUNT`. */
  readonly field: string | null;
  /** A PQL condition on one event (`eventType = "commerce.purchases"`); `null`: every event. */
  readonly filter: string | null;
  /** Only events at most this many days old count; `null`: every event, whatever its age. */
  readonly lookbackDays: number | null;
}
