import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The field nodes at `path` below the current field (`['edges', 'node']`
 * below `members`), through fragments and inline fragments: what a resolver
 * needs to see the selection of a nested object it will produce itself.
 */
export function nestedFieldNodes(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    const next: FieldNode[] = [];
    const visit = (selectionSet: SelectionSetNode | undefined): void => {
      for (const selection of selectionSet?.selections ?? []) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value === name) next.push(selection);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
        else visit(info.fragments[selection.name.value]?.selectionSet);
      }
    };
    for (const node of nodes) visit(node.selectionSet);
    nodes = next;
  }
  return [...nodes];
}
