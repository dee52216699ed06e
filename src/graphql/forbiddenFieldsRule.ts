import { getArgumentValues, type ValidationRule } from 'graphql';
import type { DataUsageLabel } from '../xdm';
import { coercedVariableValues } from './argumentValuesRule';
import type { FieldDataUsage } from './dataUsageFieldLabels';
import { ForbiddenFieldError } from './ForbiddenFieldError';
import type { GatewayRole } from './GatewayRole';
import { labelsAlongPath } from './labelsAlongPath';

/** What {@link forbiddenFieldsRule} checks a document against. */
export interface ForbiddenFieldsOptions {
  /** The schema's labelled fields (`dataUsageFieldLabels(schema)`). */
  readonly fieldLabels: ReadonlyMap<string, FieldDataUsage>;
  /** The labels the caller's role may not read. */
  readonly forbidden: readonly DataUsageLabel[];
  readonly role: GatewayRole;
  /** The request's variables, for a path argument given as a variable (coerced as execution will: defaults apply). @default {} */
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
 * whether the profile has that value. The path is read as execution will
 * read it: inline, from a variable, or from a variable's default value.
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
    let variableValues: { [name: string]: unknown } | undefined;
    return {
      OperationDefinition(node) {
        variableValues = coercedVariableValues(context, node.variableDefinitions ?? [], options.variables ?? {});
      },
      Field(node) {
        const parent = context.getParentType();
        if (parent == null) return;
        const field = `${parent.name}.${node.name.value}`;
        const usage = options.fieldLabels.get(field);
        const refused = refusedOf(usage?.labels ?? []);
        if (usage !== undefined && refused.length > 0) report(field, refused, usage.paths);
        if (field !== 'Profile.attributeSource') return;
        const path = pathArgument(context.getFieldDef(), node, variableValues);
        if (path === undefined) return;
        const pathRefused = refusedOf(labelsAlongPath(context.getSchema(), options.fieldLabels, 'Profile', path));
        if (pathRefused.length > 0) report(field, pathRefused, [path]);
      },
    };
  };
}

/**
 * The `path` argument as execution will see it; `undefined` when it cannot
 * be known here (variables that do not coerce, an invalid value: both are
 * refused before anything runs, by execution or `argumentValuesRule`).
 */
function pathArgument(
  definition: Parameters<typeof getArgumentValues>[0] | null | undefined,
  node: Parameters<typeof getArgumentValues>[1],
  variableValues: { [name: string]: unknown } | undefined,
): string | undefined {
  if (definition == null || variableValues === undefined) return undefined;
  try {
    const { path } = getArgumentValues(definition, node, variableValues);
    return typeof path === 'string' ? path : undefined;
  } catch {
    return undefined;
  }
}
