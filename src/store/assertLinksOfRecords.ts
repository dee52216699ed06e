import type { IdentityLink } from '../identity';
import { isValidDate } from './isValidDate';
import { StoreError } from './StoreError';

/**
 * Checks the arguments of `replaceLinksOfRecords`: every link must belong to
 * the dataset and to one of the records being replaced, or the call would
 * write links that the same call cannot remove. Throws a `StoreError`
 * (`STORE_FAILURE`) naming the first stray link; nothing is written then.
 */
export function assertLinksOfRecords(datasetId: string, recordIds: readonly string[], links: readonly IdentityLink[]): void {
  const records = new Set(recordIds);
  for (const link of links) {
    if (link.datasetId !== datasetId || !records.has(link.recordId)) {
      throw new StoreError(
        'STORE_FAILURE',
        `link ${link.fromKey} -> ${link.toKey} belongs to record '${link.recordId}' of dataset '${link.datasetId}', ` +
          `not to one of the ${records.size} records of dataset '${datasetId}' whose links are being replaced`,
      );
    }
    if (!isValidDate(link.linkedAt)) {
      throw new StoreError('STORE_FAILURE', `link ${link.fromKey} -> ${link.toKey} has no valid linkedAt date`);
    }
  }
}
