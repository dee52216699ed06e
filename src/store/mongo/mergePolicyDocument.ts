import type { AttributeMerge, IdentityStitching, MergePolicy } from '../../merge';
import { compareCodePoints } from '../../text';
import { StoreError } from '../StoreError';

/**
 * A merge policy as MongoStore stores it in `merge_policies`: the
 * `attributeMerge` union flattened into a kind and an optional precedence
 * list, which reads plainly in the database and can be filtered on.
 */
export interface MergePolicyDocument {
  _id: string;
  name: string;
  isDefault: boolean;
  identityStitching: IdentityStitching;
  attributeMerge: AttributeMerge['kind'];
  /** Dataset ids, highest rank first; only under `datasetPrecedence`. */
  datasetPrecedence?: string[];
  /**
   * When the policy became the default (set only then). Of two policies both
   * stored as default, which only concurrent creates can leave behind, the
   * later one is the default; see MongoStore.createMergePolicy.
   */
  defaultSince?: Date;
}

/** The document of a policy; `defaultSince` is the time of the create for a default policy. */
export function toMergePolicyDocument(policy: MergePolicy, defaultSince: Date): MergePolicyDocument {
  const document: MergePolicyDocument = {
    _id: policy.id,
    name: policy.name,
    isDefault: policy.isDefault,
    identityStitching: policy.identityStitching,
    attributeMerge: policy.attributeMerge.kind,
  };
  const merge = policy.attributeMerge;
  switch (merge.kind) {
    case 'timestampOrdered':
      break;
    case 'datasetPrecedence':
      document.datasetPrecedence = [...merge.order];
      break;
    default: {
      const unknown: never = merge;
      throw new StoreError('STORE_FAILURE', `merge policy '${policy.id}' has an unknown attributeMerge ${JSON.stringify(unknown)}`);
    }
  }
  if (policy.isDefault) document.defaultSince = defaultSince;
  return document;
}

/**
 * The policy a document stands for. `isDefault` is the stored flag; the
 * caller corrects it when another policy is the later default. A document
 * this code did not write (an unknown `attributeMerge`) is a `StoreError`,
 * not a guess.
 */
export function fromMergePolicyDocument(document: MergePolicyDocument): MergePolicy {
  return {
    id: document._id,
    name: document.name,
    isDefault: document.isDefault,
    identityStitching: document.identityStitching,
    attributeMerge: attributeMergeOf(document),
  };
}

function attributeMergeOf(document: MergePolicyDocument): AttributeMerge {
  const kind: string = document.attributeMerge;
  switch (kind) {
    case 'timestampOrdered':
      return { kind: 'timestampOrdered' };
    case 'datasetPrecedence':
      return { kind: 'datasetPrecedence', order: [...(document.datasetPrecedence ?? [])] };
    default:
      throw new StoreError('STORE_FAILURE', `stored merge policy '${document._id}' has an unknown attributeMerge ${JSON.stringify(kind)}`);
  }
}

/**
 * Of the policies stored as default, the one that is: the latest
 * `defaultSince`, then the greatest id, so every reader picks the same one.
 * Undefined when none is.
 */
export function effectiveDefaultId(documents: readonly MergePolicyDocument[]): string | undefined {
  let winner: MergePolicyDocument | undefined;
  for (const document of documents) {
    if (!document.isDefault) continue;
    if (winner === undefined || compareDefaults(document, winner) > 0) winner = document;
  }
  return winner?._id;
}

function compareDefaults(a: MergePolicyDocument, b: MergePolicyDocument): number {
  const since = (a.defaultSince?.getTime() ?? 0) - (b.defaultSince?.getTime() ?? 0);
  if (since !== 0) return since;
  return compareCodePoints(a._id, b._id);
}
