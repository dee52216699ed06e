import type { IdentityLink, IdentityNamespace } from '../../identity';
import type { AttributeMerge, MergePolicy } from '../../merge';
import type { Dataset, StoredRecord } from '../ProfileStore';
import { StoreError } from '../StoreError';

/*
 * The copies keep only the fields of each type, as a round trip through
 * MongoStore's documents does: a caller's object may carry more.
 */

/** A copy of a record, with only the requested top-level record fields when `fields` is given. */
export function copyRecord(stored: StoredRecord, fields: readonly string[] | undefined): StoredRecord {
  const source = stored.record;
  const record =
    fields === undefined
      ? structuredClone(source)
      : Object.fromEntries(fields.filter((field) => Object.hasOwn(source, field)).map((field) => [field, structuredClone(source[field])]));
  return {
    recordId: stored.recordId,
    record,
    identityKeys: [...stored.identityKeys],
    timestamp: new Date(stored.timestamp.getTime()),
    ingestedAt: new Date(stored.ingestedAt.getTime()),
  };
}

export function copyLink(link: IdentityLink): IdentityLink {
  const { fromKey, toKey, datasetId, recordId, linkedAt } = link;
  return { fromKey, toKey, datasetId, recordId, linkedAt: new Date(linkedAt.getTime()) };
}

export function copyNamespace(namespace: IdentityNamespace): IdentityNamespace {
  const { code, type, uniquePerGraph, priority, normalization } = namespace;
  return { code, type, uniquePerGraph, priority, normalization };
}

export function copyDataset(dataset: Dataset): Dataset {
  const { id, name, schemaId, schemaClass, profileEnabled, createdAt } = dataset;
  return { id, name, schemaId, schemaClass, profileEnabled, createdAt: new Date(createdAt.getTime()) };
}

export function copyMergePolicy(policy: MergePolicy): MergePolicy {
  const { id, name, isDefault, identityStitching, attributeMerge } = policy;
  return { id, name, isDefault, identityStitching, attributeMerge: copyAttributeMerge(attributeMerge) };
}

export function copyAttributeMerge(merge: AttributeMerge): AttributeMerge {
  switch (merge.kind) {
    case 'timestampOrdered':
      return { kind: 'timestampOrdered' };
    case 'datasetPrecedence':
      return { kind: 'datasetPrecedence', order: [...merge.order] };
    default: {
      const unknown: never = merge;
      throw new StoreError('STORE_FAILURE', `unknown attributeMerge ${JSON.stringify(unknown)}`);
    }
  }
}
