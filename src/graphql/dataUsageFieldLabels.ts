import { type GraphQLSchema, isObjectType, Kind, type ConstValueNode } from 'graphql';
import { type DataUsageLabel, isDataUsageLabel } from '../xdm';

/** What `@dataUsage` says of one field. */
export interface FieldDataUsage {
  readonly labels: readonly DataUsageLabel[];
  /** The labelled XDM paths the field serves: `person.name`. */
  readonly paths: readonly string[];
}

/**
 * The labelled fields of a schema, by `Type.field`, read from the
 * `@dataUsage(labels:, paths:)` directives of its SDL (`printGatewaySchema`
 * puts them there). Needs the schema's AST nodes, which a schema built from
 * SDL keeps. Built once per schema, not per request.
 */
export function dataUsageFieldLabels(schema: GraphQLSchema): ReadonlyMap<string, FieldDataUsage> {
  const result = new Map<string, FieldDataUsage>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const directive = field.astNode?.directives?.find((candidate) => candidate.name.value === 'dataUsage');
      if (directive === undefined) continue;
      const labels = stringsOf(directive.arguments?.find((argument) => argument.name.value === 'labels')?.value);
      const paths = stringsOf(directive.arguments?.find((argument) => argument.name.value === 'paths')?.value);
      const unknown = labels.find((label) => !isDataUsageLabel(label));
      if (unknown !== undefined) throw new Error(`${type.name}.${field.name} has @dataUsage label ${JSON.stringify(unknown)}, which is not a data-usage label`);
      result.set(`${type.name}.${field.name}`, { labels: labels as DataUsageLabel[], paths });
    }
  }
  return result;
}

function stringsOf(value: ConstValueNode | undefined): string[] {
  if (value?.kind !== Kind.LIST) return [];
  return value.values.flatMap((item) => (item.kind === Kind.STRING ? [item.value] : []));
}
