import type { MergePolicy } from '../merge';
import { ProfileError } from './ProfileError';

/**
 * The merge policy a profile is assembled under: the one `id` names, or the
 * default one when `id` is `null` (lookups that name none, members of a
 * segment, segment evaluation). Throws `ProfileError('MERGE_POLICY_NOT_FOUND')`
 * naming the known policies.
 */
export function mergePolicyOf(policies: readonly MergePolicy[], id: string | null): MergePolicy {
  const policy = id === null ? policies.find((candidate) => candidate.isDefault) : policies.find((candidate) => candidate.id === id);
  if (policy !== undefined) return policy;
  const known = policies.map((candidate) => candidate.id).join(', ') || 'none';
  throw id === null
    ? new ProfileError(
        'MERGE_POLICY_NOT_FOUND',
        `no merge policy is the default, and lookups without mergePolicyId and segment evaluation use the default (merge policies: ${known})`,
      )
    : new ProfileError('MERGE_POLICY_NOT_FOUND', `merge policy '${id}' does not exist; merge policies: ${known}`, { mergePolicyId: id });
}
