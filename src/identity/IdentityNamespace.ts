import type { IdentityNormalization } from './normalizeIdentityId';

/** What kind of thing a namespace identifies. */
export type IdentityType = 'person' | 'device' | 'cookie' | 'email' | 'phone';

/**
 * An identity namespace: `Email`, `Phone`, `ECID`, `CRMID`, … A namespace that
 * is unique per graph never has two identities in one graph (two CRMIDs are two
 * people, whatever device they share). Priority orders namespaces, 1 first:
 * it decides which link is followed when two would break that rule, and which
 * identity is primary. Its normalization is how its values are written, at
 * every ingestion door and every lookup alike.
 */
export interface IdentityNamespace {
  /** Letters, digits, `_` and `-`, as used in a record's `identityMap`. */
  readonly code: string;
  readonly type: IdentityType;
  readonly uniquePerGraph: boolean;
  readonly priority: number;
  /** How its identity values are normalized before they are stored or looked up. */
  readonly normalization: IdentityNormalization;
}

/** The namespaces that ship (contract.md). */
export const SHIPPED_NAMESPACES: readonly IdentityNamespace[] = [
  { code: 'CRMID', type: 'person', uniquePerGraph: true, priority: 1, normalization: 'NONE' },
  { code: 'LoyaltyId', type: 'person', uniquePerGraph: true, priority: 2, normalization: 'NONE' },
  { code: 'Email', type: 'email', uniquePerGraph: false, priority: 3, normalization: 'EMAIL' },
  { code: 'Phone', type: 'phone', uniquePerGraph: false, priority: 4, normalization: 'PHONE_E164' },
  { code: 'ECID', type: 'cookie', uniquePerGraph: false, priority: 5, normalization: 'NONE' },
];
