import { type ArgumentNode, getNamedType, type GraphQLSchema, isObjectType, Kind } from 'graphql';
import { type DataUsageLabel, sortDataUsageLabels } from '../xdm';
import type { FieldDataUsage } from './dataUsageFieldLabels';

/**
 * Every label met on the way down a dotted XDM path from `rootType`
 * (`Profile`, `ExperienceEvent`; a label on an object covers everything
 * under it). Identity values (`identityMap…`) carry the labels of
 * `Identity.id`, which serves them. Stops where the path leaves the schema's
 * object types; an unknown key ends the walk, as a read would find no value
 * there either.
 */
export function labelsAlongPath(schema: GraphQLSchema, fieldLabels: ReadonlyMap<string, FieldDataUsage>, rootType: string, path: string): DataUsageLabel[] {
  const keys = path.split('.');
  if (keys[0] === 'identityMap') return [...(fieldLabels.get('Identity.id')?.labels ?? [])];
  const labels: DataUsageLabel[] = [];
  let type = schema.getType(rootType);
  for (const key of keys) {
    if (!isObjectType(type)) break;
    const fields = Object.values(type.getFields());
    const field = fields.find((candidate) => xdmKeyOf(candidate.astNode?.directives) === key) ?? fields.find((candidate) => candidate.name === key);
    if (field === undefined) break;
    labels.push(...(fieldLabels.get(`${type.name}.${field.name}`)?.labels ?? []));
    type = getNamedType(field.type);
  }
  return sortDataUsageLabels(labels);
}

function xdmKeyOf(directives: readonly { readonly name: { readonly value: string }; readonly arguments?: readonly ArgumentNode[] }[] | undefined): string | undefined {
  const argument = directives?.find((directive) => directive.name.value === 'xdm')?.arguments?.find((candidate) => candidate.name.value === 'key');
  return argument?.value.kind === Kind.STRING ? argument.value.value : undefined;
}
