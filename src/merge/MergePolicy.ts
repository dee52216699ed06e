/** Which fragments a profile merges. */
export type IdentityStitching = 'NONE' | 'PRIVATE_GRAPH';

/** How a conflict between fragments is resolved, per attribute. */
export type AttributeMerge =
  | { readonly kind: 'timestampOrdered' }
  | {
      readonly kind: 'datasetPrecedence';
      /** Dataset ids, highest rank first. */
      readonly order: readonly string[];
    };

/** A merge policy: named, one of them the default, any query may name another. */
export interface MergePolicy {
  readonly id: string;
  readonly name: string;
  readonly isDefault: boolean;
  readonly identityStitching: IdentityStitching;
  readonly attributeMerge: AttributeMerge;
}
