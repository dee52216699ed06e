/**
 * One direction of a link between two identities seen in one record. Every
 * pair is stored in both directions so that a graph walk is one `$in` on
 * `fromKey` per level. Links are append-only: a link is written once,
 * idempotently (its `_id` is derived from what it links), and removed only
 * with its record.
 */
export interface IdentityLink {
  readonly fromKey: string;
  readonly toKey: string;
  readonly datasetId: string;
  readonly recordId: string;
  /**
   * The time of the record that made the link: a profile record's
   * `extSourceSystemAudit.lastUpdatedDate` (else its ingestion time), an
   * event's `timestamp`. Newer links win the over-merge protection's choice.
   */
  readonly linkedAt: Date;
}

/** The deterministic id of a link: the same link, written twice, is one document. */
export function linkId(link: Pick<IdentityLink, 'fromKey' | 'toKey' | 'datasetId' | 'recordId'>): string {
  return [link.datasetId, link.recordId, link.fromKey, link.toKey].join('\u0000');
}
