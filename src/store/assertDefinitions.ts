import { assertValidDate } from './assertValidDate';
import type { SegmentDefinition, StoredComputedAttribute } from './ProfileStore';
import { StoreError } from './StoreError';

/*
 * What both stores check of a definition before creating it: the rest of its
 * contract (id alphabet, PQL syntax) is the caller's, which reports it to the
 * user; these only keep a broken value from being stored, or from reaching
 * FerretDB as NaN, which it answers by dropping the connection.
 */

/** Throws a `StoreError` (`STORE_FAILURE`) unless the id is a non-empty string and `createdAt` a valid Date. */
export function assertSegmentDefinition(segment: SegmentDefinition): void {
  if (typeof segment.id !== 'string' || segment.id === '') {
    throw new StoreError('STORE_FAILURE', `segment id must be a non-empty string, got ${JSON.stringify(segment.id)}`);
  }
  assertValidDate(segment.createdAt, `segment '${segment.id}': createdAt`);
}

/** Throws a `StoreError` (`STORE_FAILURE`) unless the name is a non-empty string, `lookbackDays` null or finite, and `createdAt` a valid Date. */
export function assertComputedAttribute(attribute: StoredComputedAttribute): void {
  if (typeof attribute.name !== 'string' || attribute.name === '') {
    throw new StoreError('STORE_FAILURE', `computed attribute name must be a non-empty string, got ${JSON.stringify(attribute.name)}`);
  }
  const { lookbackDays } = attribute;
  if (lookbackDays !== null && !(typeof lookbackDays === 'number' && Number.isFinite(lookbackDays))) {
    throw new StoreError('STORE_FAILURE', `computed attribute '${attribute.name}': lookbackDays must be a finite number or null, got ${String(lookbackDays)}`);
  }
  assertValidDate(attribute.createdAt, `computed attribute '${attribute.name}': createdAt`);
}
