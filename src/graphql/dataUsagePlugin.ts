import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, type GraphQLSchema, separateOperations, validate } from 'graphql';
import { argumentValuesRule } from './argumentValuesRule';
import { dataUsageFieldLabels, type FieldDataUsage } from './dataUsageFieldLabels';
import type { DataUsagePolicy } from './DataUsagePolicy';
import { forbiddenFieldsRule } from './forbiddenFieldsRule';
import type { GatewayContext } from './GatewayContext';

/**
 * Refuses an operation that selects a field whose data-usage labels the
 * caller's role (`context.role`) may not read, per `policy`. Apollo's
 * `validationRules` know no caller, so the check runs in
 * `didResolveOperation`: after the document is valid and the operation is
 * chosen, before anything executes. Only the chosen operation and the
 * fragments it uses are checked. The first refused field is answered as
 * 403 `FORBIDDEN_FIELD` (Apollo sends one error from this hook). Argument
 * values are checked first, for every role, as execution will coerce them
 * (`argumentValuesRule`): a label check of a path argument reads the same
 * value the resolver will, and an invalid one is `BAD_USER_INPUT`, not an
 * internal error.
 */
export function dataUsagePlugin(policy: DataUsagePolicy): ApolloServerPlugin<GatewayContext> {
  // Per plugin instance and schema: the labels are read from the schema once, not per request.
  const labelsBySchema = new WeakMap<GraphQLSchema, ReadonlyMap<string, FieldDataUsage>>();
  const labelsOf = (schema: GraphQLSchema) => {
    const known = labelsBySchema.get(schema);
    if (known !== undefined) return known;
    const fieldLabels = dataUsageFieldLabels(schema);
    labelsBySchema.set(schema, fieldLabels);
    return fieldLabels;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request, schema }) {
          const forbidden = policy[contextValue.role];
          const variables = request.variables ?? {};
          // Argument values first, for every role: what the label check reads is what execution will run with.
          const rules = [argumentValuesRule(variables)];
          if (forbidden.length > 0) rules.push(forbiddenFieldsRule({ fieldLabels: labelsOf(schema), forbidden, role: contextValue.role, variables }));
          const [first] = validate(schema, operationDocument(document, operation?.name?.value), rules);
          if (first !== undefined) throw first;
        },
      };
    },
  };
}

/** The operation that runs and the fragments it uses, without the document's other operations. */
function operationDocument(document: DocumentNode, operationName: string | undefined): DocumentNode {
  return separateOperations(document)[operationName ?? ''] ?? document;
}
