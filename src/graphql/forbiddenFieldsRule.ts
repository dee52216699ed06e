import { type ArgumentNode, getNamedType, type GraphQLSchema, isObjectType, Kind, type ValidationRule } from 'graphql';
import { type DataUsageLabel, sortDataUsageLabels } from '../xdm';
import type { FieldDataUsage } from './dataUsageFieldLabels';
import { ForbiddenFieldError } from './ForbiddenFieldError';
import type { GatewayRole } from './GatewayRole';

/** What {@link forbiddenFieldsRule} checks a document against. */
export interface ForbiddenFieldsOptions {
  /** The schema's labelled fields (`dataUsageFieldLabels(schema)`). */
  readonly fieldLabels: ReadonlyMap<string, FieldDataUsage>;
  /** The labels the caller's role may not read. */
  readonly forbidden: readonly DataUsageLabel[];
  readonly role: GatewayRole;
  /** The request's variables, for a path argument given as a variable. @default {} */
  readonly variables?: Readonly<Record<string, unknown>>;
}

/**
 * A graphql-js validation rule that reports a {@link ForbiddenFieldError}
 * for each field (once per `Type.field`) whose `@dataUsage` labels include a
 * forbidden one. Fields are recognised by their parent type, so aliases,
 * fragments, inline fragments, nested types and every root field that
 * returns a `Profile` (`profile`, `profiles`, segment members…) are all
 * covered. `Profile.attributeSource(path:)` is refused when its path runs
 * through a labelled field: it answers only provenance, but it would tell
 * whether the profile has that value.
 */
export function forbiddenFieldsRule(options: ForbiddenFieldsOptions): ValidationRule {
  const forbidden = new Set(options.forbidden);
  const refusedOf = (labels: readonly DataUsageLabel[]) => labels.filter((label) => forbidden.has(label));
  return (context) => {
    const reported = new Set<string>();
    // One error per field and path, however often the document selects it.
    const report = (field: string, labels: readonly DataUsageLabel[], paths: readonly string[]) => {
      const key = `${field} ${paths.join(' ')}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.reportError(new ForbiddenFieldError(field, labels, paths, options.role));
    };
    return {
      Field(node) {
        const parent = context.getParentType();
        if (parent == null) return;
        const field = `${parent.name}.${node.name.value}`;
        const usage = options.fieldLabels.get(field);
        const refused = refusedOf(usage?.labels ?? []);
        if (usage !== undefined && refused.length > 0) report(field, refused, usage.paths);
        if (field !== 'Profile.attributeSource') return;
        const path = stringArgument(node.arguments, 'path', options.variables ?? {});
        if (path === undefined) return;
        const pathRefused = refusedOf(labelsAlongPath(context.getSchema(), options.fieldLabels, 'Profile', path));
        if (pathRefused.length > 0) report(field, pathRefused, [path]);
      },
    };
  };
}

/** A string argument, given inline or as a variable; `undefined` when it is neither. */
function stringArgument(argumentNodes: readonly ArgumentNode[] | undefined, name: string, variables: Readonly<Record<string, unknown>>): string | undefined {
  const value = argumentNodes?.find((argument) => argument.name.value === name)?.value;
  if (value?.kind === Kind.STRING) return value.value;
  if (value?.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === 'string' ? given : undefined;
  }
  return undefined;
}

/**
 * Every label met on the way down a dotted XDM path from `rootType` (a label
 * on an object covers everything under it). Stops where the path leaves the
 * schema's object types; an unknown key ends the walk, as the resolver
 * would find no value there either.
 */
function labelsAlongPath(schema: GraphQLSchema, fieldLabels: ReadonlyMap<string, FieldDataUsage>, rootType: string, path: string): DataUsageLabel[] {
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
