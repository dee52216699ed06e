import type { ApolloServerPlugin } from '@apollo/server';
import { getArgumentValues, Kind, OperationTypeNode, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type SelectionSetNode } from 'graphql';
import { GatewayError, type GatewayContext } from '../../graphql';

/**
 * Caps `Query.profiles(identities:)`: a field asking for more than `max`
 * identities (written in the document or passed as a variable) is refused
 * before the operation runs, with HTTP 400 `BAD_USER_INPUT`, the count,
 * the limit and the variable that sets it (`GRAPHQL_MAX_PROFILES_PER_QUERY`).
 * Each aliased `profiles` field is held to the limit on its own; aliases are
 * capped by `GRAPHQL_MAX_ALIASES`.
 */
export function maxProfilesPlugin(max: number): ApolloServerPlugin<GatewayContext> {
  if (!Number.isSafeInteger(max) || max < 1) throw new RangeError(`maxProfilesPlugin: max must be a whole number of at least 1, got ${String(max)}`);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (operation?.operation !== OperationTypeNode.QUERY) return;
          const field = schema.getQueryType()?.getFields().profiles;
          if (field === undefined) return;
          const fragments = new Map(
            document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
          );
          for (const node of topLevelFields(operation.selectionSet, fragments, new Set())) {
            if (node.name.value !== 'profiles') continue;
            const count = identityCount(field, node, request.variables ?? {});
            if (count > max) {
              throw new GatewayError(
                'BAD_USER_INPUT',
                `profiles(identities:) may ask for at most ${max} identities at once (GRAPHQL_MAX_PROFILES_PER_QUERY), got ${count}; split the lookup`,
                { extensions: { field: node.alias?.value ?? 'profiles', limit: max, count, http: { status: 400 } } },
              );
            }
          }
        },
      };
    },
  };
}

function* topLevelFields(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen: Set<string>): Generator<FieldNode> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) yield selection;
    else if (selection.kind === Kind.INLINE_FRAGMENT) yield* topLevelFields(selection.selectionSet, fragments, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment !== undefined) yield* topLevelFields(fragment.selectionSet, fragments, seen);
    }
  }
}

function identityCount(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number {
  try {
    const identities = getArgumentValues(field, node, variables).identities;
    return Array.isArray(identities) ? identities.length : 1;
  } catch {
    // Variables that do not coerce: execution answers them with its own coded error.
    return 0;
  }
}
