import { type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, Kind, type SelectionSetNode, valueFromASTUntyped } from 'graphql';
import { PROFILE_FIXED_FIELDS } from '../fixedFields';

const recordKeysBySchema = new WeakMap<GraphQLObjectType, ReadonlyMap<string, string>>();

/**
 * The top-level record keys that a selection of `type` needs, sorted: the XDM
 * fields it selects (by their record key, `repo_createDate` → `repo:createDate`),
 * plus the first segment of every `attributeSource(path:)` it asks. Fixed
 * fields (identities, fragments, events …) need no record field. Fragments
 * and inline fragments are followed; `@skip`/`@include` are not evaluated,
 * which can only read more, never less.
 */
export function selectedRecordFields(info: GraphQLResolveInfo, type: GraphQLObjectType): string[] {
  const recordKeys = recordKeysOf(type);
  const fields = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) addField(selection, recordKeys, info, fields);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return [...fields].sort();
}

function addField(node: FieldNode, recordKeys: ReadonlyMap<string, string>, info: GraphQLResolveInfo, fields: Set<string>): void {
  const name = node.name.value;
  if (name === 'attributeSource') {
    const argument = node.arguments?.find((candidate) => candidate.name.value === 'path');
    const path = argument === undefined ? undefined : valueFromASTUntyped(argument.value, info.variableValues);
    if (typeof path === 'string' && path !== '') fields.add(path.split('.')[0] as string);
    return;
  }
  const key = recordKeys.get(name);
  if (key !== undefined) fields.add(key);
}

const FIXED = new Set(PROFILE_FIXED_FIELDS.map((field) => field.name));

/** GraphQL field name → record key, for the fields of `type` generated from XDM (every field but the fixed ones). */
function recordKeysOf(type: GraphQLObjectType): ReadonlyMap<string, string> {
  let keys = recordKeysBySchema.get(type);
  if (keys === undefined) {
    const map = new Map<string, string>();
    for (const field of Object.values(type.getFields())) {
      if (FIXED.has(field.name)) continue;
      const directive = field.astNode?.directives?.find((candidate) => candidate.name.value === 'xdm');
      const argument = directive?.arguments?.find((candidate) => candidate.name.value === 'key');
      map.set(field.name, argument?.value.kind === Kind.STRING ? argument.value.value : field.name);
    }
    keys = map;
    recordKeysBySchema.set(type, keys);
  }
  return keys;
}
