import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { type DocumentNode, getNamedType, type GraphQLSchema, isLeafType, Kind, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';

/**
 * The cost weights of {@link operationCost} (docs/access.md, "Cost"). A
 * field's cost is its own plus, for each item it returns, the cost of its
 * selection; an item count is what the request asks for (its variables
 * included), not what the document spells literally.
 */
export const COST_WEIGHTS = {
  /** Each scalar or enum value selected. */
  leaf: 1,
  /** A profile assembled: graph walk, fragments of every dataset, merge (`profile`, each `profiles` item, each segment member). */
  profile: 10,
  /** One store read that is not a profile: a page of events or members, an identity graph, computed attributes. */
  read: 5,
  /** Items of a page whose `first` the request leaves out: the resolvers' default page. */
  defaultPage: 20,
  /** Items assumed for a list of segments, whose each item may open further store reads. */
  segmentList: 10,
} as const;

/** What a field adds besides its selection, and how many times its selection counts. */
interface FieldCost {
  readonly own: number;
  readonly items: number;
  /** Cost of each item on top of its selection. */
  readonly perItem: number;
}

const PAGE_SIZE = (args: Record<string, unknown>) => (typeof args.first === 'number' ? Math.max(args.first, 0) : COST_WEIGHTS.defaultPage);

/** The fields that read the store or multiply their selection, by `Type.field`; every other field costs its selection (or 1 as a leaf). */
const FIELD_COSTS: Readonly<Record<string, (args: Record<string, unknown>) => FieldCost>> = {
  'Query.profile': () => ({ own: COST_WEIGHTS.profile, items: 1, perItem: 0 }),
  'Query.profiles': (args) => ({ own: 0, items: Array.isArray(args.identities) ? args.identities.length : 1, perItem: COST_WEIGHTS.profile }),
  'Query.identityGraph': () => ({ own: COST_WEIGHTS.read, items: 1, perItem: 0 }),
  'Query.segments': () => ({ own: 0, items: COST_WEIGHTS.segmentList, perItem: 0 }),
  'Profile.segmentMembership': () => ({ own: 0, items: COST_WEIGHTS.segmentList, perItem: 0 }),
  'Profile.events': (args) => ({ own: COST_WEIGHTS.read, items: PAGE_SIZE(args), perItem: 0 }),
  'Profile.computedAttributes': () => ({ own: COST_WEIGHTS.read, items: 1, perItem: 0 }),
  'Profile.computedAttribute': () => ({ own: COST_WEIGHTS.read, items: 1, perItem: 0 }),
  'Segment.members': (args) => ({ own: COST_WEIGHTS.read, items: PAGE_SIZE(args), perItem: COST_WEIGHTS.profile }),
};

const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection (the IDE's schema query) is refused per role, not priced.
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
  const cost = FIELD_COSTS[`${type.name}.${field.name}`]?.(args);
  if (cost !== undefined) return cost.own + cost.items * (cost.perItem + childComplexity);
  // A list of scalars or of record objects inside a record counts once: it came with the record, in one read.
  return isLeafType(getNamedType(field.type)) ? COST_WEIGHTS.leaf : childComplexity;
};

/**
 * The most nodes (fields, fragments, counted each time a fragment is spread)
 * the cost walk visits: past it the operation is refused as too costly
 * without walking on, so fragments spread inside fragments cannot make the
 * walk itself the denial of service.
 */
const MAX_NODES = 20_000;

/**
 * The cost of the operation `operationName` of `document` under `variables`,
 * by {@link COST_WEIGHTS}: `Infinity` when it has more than {@link MAX_NODES}
 * nodes; `null` when the variables do not fit the operation (execution
 * answers that with its own coded error).
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): number | null {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && (operationName === undefined || definition.name?.value === operationName),
  );
  if (operation === undefined) return null;
  if ('errors' in getVariableValues(schema, operation.variableDefinitions ?? [], variables)) return null;
  try {
    return getComplexity({ schema, query: document, variables, estimators: [estimator], maxQueryNodes: MAX_NODES, ...(operationName === undefined ? {} : { operationName }) });
  } catch {
    // The variables fit (checked above): what is left is the walk's node limit.
    return Infinity;
  }
}
