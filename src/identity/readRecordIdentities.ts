import { type Identity, identityKey } from './identityKey';
import type { IdentityRules } from './IdentityRules';

/** An identity as a record's identityMap gives it. */
export interface RecordIdentity extends Identity {
  readonly primary: boolean;
}

/** Why an identity of a record cannot be used. */
export interface IdentityProblem {
  readonly code: 'UNKNOWN_NAMESPACE' | 'INVALID_IDENTITY';
  /** Record path, e.g. `identityMap.EMAIL` or `identityMap.Phone[0].id`. */
  readonly path: string;
  readonly message: string;
}

export interface RecordIdentities {
  /** Distinct identities, normalized per namespace, blocked values left out, in identityMap order. */
  readonly identities: readonly RecordIdentity[];
  readonly problems: readonly IdentityProblem[];
  /**
   * The record's `identityMap` with every id normalized, to store in place of
   * the one given (the same object when nothing changed; `undefined` when the
   * record has none), so that a stored record shows the identities it links.
   */
  readonly identityMap: unknown;
}

/**
 * The usable identities of a short-form record's `identityMap`, each id
 * normalized as its namespace says (`Email`: trimmed, lower case; `Phone`:
 * E.164). Blocked values (`anonymous`, `0`, …) are left out silently: they
 * identify nobody. An unknown namespace is a problem that names the known
 * ones; an id its namespace cannot normalize is a problem at its path. The
 * record is assumed valid against its schema (identity items are `{ id, primary? }`).
 */
export function readRecordIdentities(record: { readonly [key: string]: unknown }, rules: IdentityRules): RecordIdentities {
  const identityMap = record.identityMap;
  if (identityMap === null || typeof identityMap !== 'object') return { identities: [], problems: [], identityMap };
  const identities = new Map<string, RecordIdentity>();
  const problems: IdentityProblem[] = [];
  const normalizedMap: Record<string, unknown> = {};
  let changed = false;
  for (const [namespace, items] of Object.entries(identityMap)) {
    normalizedMap[namespace] = items;
    const namespacePath = /^[_A-Za-z][_0-9A-Za-z]*$/.test(namespace) ? `identityMap.${namespace}` : `identityMap[${JSON.stringify(namespace)}]`;
    if (rules.namespace(namespace) === undefined) {
      problems.push({
        code: 'UNKNOWN_NAMESPACE',
        path: namespacePath,
        message: `identity namespace '${namespace}' is not defined; known namespaces: ${rules.namespaceCodes().join(', ')}`,
      });
      continue;
    }
    if (!Array.isArray(items)) continue;
    const normalizedItems = items.map((item: unknown, position) => {
      const id = (item as { id?: unknown }).id;
      if (typeof id !== 'string' || rules.isBlockedValue(id)) return item;
      const normalized = rules.normalize(namespace, id);
      if (!normalized.ok) {
        const path = `${namespacePath}[${position}].id`;
        problems.push({ code: 'INVALID_IDENTITY', path, message: `${path}: ${normalized.reason} (rule: identity namespace ${namespace})` });
        return item;
      }
      const identity = { namespace, id: normalized.id, primary: (item as { primary?: unknown }).primary === true };
      const key = identityKey(identity);
      const existing = identities.get(key);
      if (existing === undefined || (identity.primary && !existing.primary)) identities.set(key, identity);
      return normalized.id === id ? item : { ...(item as object), id: normalized.id };
    });
    if (normalizedItems.some((item, position) => item !== items[position])) {
      normalizedMap[namespace] = normalizedItems;
      changed = true;
    }
  }
  return { identities: [...identities.values()], problems, identityMap: changed ? normalizedMap : identityMap };
}
