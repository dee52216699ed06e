import { getArgumentValues, getVariableValues, GraphQLError, type ValidationRule } from 'graphql';
import { GatewayError } from './GatewayError';

/**
 * A graphql-js validation rule, run per request with the request's
 * variables: reports `BAD_USER_INPUT` (HTTP 400) for a field argument whose
 * value, as execution will coerce it (variables with their default values,
 * an explicit `null`), is not valid, e.g. `null` from a nullable variable
 * with a default into a non-null argument (`attributeSource(path: $p)` with
 * `$p: String = "…"` and `{"p": null}`). graphql-js would raise it while
 * executing, without a code, and it would be masked as an internal error.
 * Variables that do not coerce are left to execution, which answers
 * `BAD_USER_INPUT` itself.
 */
export function argumentValuesRule(variables: Readonly<Record<string, unknown>>): ValidationRule {
  return (context) => {
    let variableValues: { [name: string]: unknown } | undefined;
    return {
      OperationDefinition(node) {
        variableValues = coercedVariableValues(context, node.variableDefinitions ?? [], variables);
      },
      Field(node) {
        const definition = context.getFieldDef();
        if (variableValues === undefined || definition == null || definition.args.length === 0) return;
        try {
          getArgumentValues(definition, node, variableValues);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          const parent = context.getParentType()?.name ?? '?';
          context.reportError(
            new GatewayError('BAD_USER_INPUT', `${parent}.${node.name.value}: ${error.message}`, {
              nodes: [node],
              extensions: { field: `${parent}.${node.name.value}`, http: { status: 400 } },
            }),
          );
        }
      },
    };
  };
}

/**
 * The variable values of the operation `rule` visits, coerced as execution
 * will (defaults applied); `undefined` when they do not coerce.
 */
export function coercedVariableValues(
  context: Parameters<ValidationRule>[0],
  node: Parameters<typeof getVariableValues>[1],
  variables: Readonly<Record<string, unknown>>,
): { [name: string]: unknown } | undefined {
  return getVariableValues(context.getSchema(), node, variables, { maxErrors: 1 }).coerced;
}
