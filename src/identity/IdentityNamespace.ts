/** What kind of thing a namespace identifies. */
export type IdentityType = 'person' | 'device' | 'cookie' | 'email' | 'phone';

/**
 * An identity namespace: `Email`, `Phone`, `ECID`, `CRMID`, … A namespace that
 * is unique per graph never has two identities in one graph (two CRMIDs are two
 * people, whatever device they share). Priority orders namespaces, 1 first:
 * it decides which link is followed when two would break that rule, and which
 * identity is primary.
 */
export interface IdentityNamespace {
  /** Letters, digits, `_` and `-`, as used in a record's `identityMap`. */
  readonly code: string;
  readonly type: IdentityType;
  readonly uniquePerGraph: boolean;
  readonly priority: number;
}

/** The namespaces that ship (contract.md). */
export const SHIPPED_NAMESPACES: readonly IdentityNamespace[] = [
  { code: 'CRMID', type: 'person', uniquePerGraph: true, priority: 1 },
  { code: 'LoyaltyId', type: 'person', uniquePerGraph: true, priority: 2 },
  { code: 'Email', type: 'email', uniquePerGraph: false, priority: 3 },
  { code: 'Phone', type: 'phone', uniquePerGraph: false, priority: 4 },
  { code: 'ECID', type: 'cookie', uniquePerGraph: false, priority: 5 },
];
