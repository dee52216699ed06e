import { type Identity, identityKey } from './identityKey';
import type { IdentityRules } from './IdentityRules';

/** An identity as a record's identityMap gives it. */
export interface RecordIdentity extends Identity {
  readonly primary: boolean;
}

/** Why an identity of a record cannot be used. */
export interface IdentityProblem {
  readonly code: 'UNKNOWN_NAMESPACE';
  /** Record path, e.g. `identityMap.EMAIL`. */
  readonly path: string;
  readonly message: string;
}

export interface RecordIdentities {
  /** Distinct identities, blocked values left out, in identityMap order. */
  readonly identities: readonly RecordIdentity[];
  readonly problems: readonly IdentityProblem[];
}

/**
 * The usable identities of a short-form record's `identityMap`. Blocked values
 * (`anonymous`, `0`, …) are left out silently: they identify nobody. An
 * unknown namespace is a problem that names the known ones. The record is
 * assumed valid against its schema (identity items are `{ id, primary? }`).
 */
export function readRecordIdentities(record: { readonly [key: string]: unknown }, rules: IdentityRules): RecordIdentities {
  const identityMap = record.identityMap;
  if (identityMap === null || typeof identityMap !== 'object') return { identities: [], problems: [] };
  const identities = new Map<string, RecordIdentity>();
  const problems: IdentityProblem[] = [];
  for (const [namespace, items] of Object.entries(identityMap)) {
    if (rules.namespace(namespace) === undefined) {
      problems.push({
        code: 'UNKNOWN_NAMESPACE',
        path: /^[_A-Za-z][_0-9A-Za-z]*$/.test(namespace) ? `identityMap.${namespace}` : `identityMap[${JSON.stringify(namespace)}]`,
        message: `identity namespace '${namespace}' is not defined; known namespaces: ${rules.namespaceCodes().join(', ')}`,
      });
      continue;
    }
    for (const item of Array.isArray(items) ? items : []) {
      const id = (item as { id?: unknown }).id;
      if (typeof id !== 'string' || rules.isBlockedValue(id)) continue;
      const identity = { namespace, id, primary: (item as { primary?: unknown }).primary === true };
      const key = identityKey(identity);
      const existing = identities.get(key);
      if (existing === undefined || (identity.primary && !existing.primary)) identities.set(key, identity);
    }
  }
  return { identities: [...identities.values()], problems };
}
