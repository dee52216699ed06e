import type { GraphQLSchema } from 'graphql';
import { type ComputedAttributeDefinition, parsePql, type PqlNode, pqlPathsOf } from '../pql';
import { type DataUsageLabel, sortDataUsageLabels } from '../xdm';
import { dataUsageFieldLabels, type FieldDataUsage } from './dataUsageFieldLabels';
import { ForbiddenFieldError } from './ForbiddenFieldError';
import type { GatewayContext } from './GatewayContext';
import { labelsAlongPath } from './labelsAlongPath';

/**
 * One labelled XDM path a derived value (a computed value, a PQL text, a
 * segment membership) is computed from, with its labels. Event paths are
 * written `xEvent.<path>`.
 */
export interface LabelledSource {
  readonly path: string;
  readonly labels: readonly DataUsageLabel[];
}

/**
 * The labelled paths a computed attribute reads, all event paths: for its
 * value (`'value'`), its aggregated field and every path of its filter; for
 * its filter text (`'filter'`, which holds the filter's literals), the
 * filter's paths.
 */
export function computedAttributeSources(schema: GraphQLSchema, definition: ComputedAttributeDefinition, of: 'value' | 'filter' = 'value'): LabelledSource[] {
  const paths = new Set<string>();
  if (of === 'value' && definition.field !== null) paths.add(definition.field);
  const filter = parseOrNull(definition.filter, 'EventCondition');
  if (filter !== null) for (const path of pqlPathsOf(filter, 'event').event) paths.add(path);
  return labelled(schema, [...paths].map((path) => ({ root: 'ExperienceEvent' as const, path })));
}

/**
 * The labelled paths a segment expression reads: its profile paths, the
 * event paths of its `xEvent[...]` conditions, and those of the computed
 * attributes it reads (`attributes`, by name). The expression text (which
 * holds its literals) carries their labels.
 */
export function segmentExpressionSources(
  schema: GraphQLSchema,
  expression: string,
  attributes: ReadonlyMap<string, ComputedAttributeDefinition>,
): LabelledSource[] {
  const ast = parseOrNull(expression, 'SegmentExpression');
  if (ast === null) return [];
  const read = pqlPathsOf(ast, 'profile');
  const sources = labelled(schema, [
    ...read.profile.map((path) => ({ root: 'Profile' as const, path })),
    ...read.event.map((path) => ({ root: 'ExperienceEvent' as const, path })),
  ]);
  for (const name of read.computedAttributes) {
    const attribute = attributes.get(name);
    if (attribute !== undefined) sources.push(...computedAttributeSources(schema, attribute));
  }
  return sources;
}

/**
 * The refusal of a value derived from `sources` for the caller's role, or
 * `null` when the role may read every label they carry. `field` names what
 * is refused (`Segment.expression`); `paths` lists the sources whose labels
 * the role may not read.
 */
export function derivedValueRefusal(context: GatewayContext, field: string, sources: readonly LabelledSource[]): ForbiddenFieldError | null {
  const forbidden = new Set(context.services.dataUsage[context.role]);
  if (forbidden.size === 0) return null;
  const refused = sources.filter((source) => source.labels.some((label) => forbidden.has(label)));
  if (refused.length === 0) return null;
  const labels = sortDataUsageLabels(refused.flatMap((source) => source.labels.filter((label) => forbidden.has(label))));
  return new ForbiddenFieldError(field, labels, [...new Set(refused.map((source) => source.path))], context.role, { derived: true });
}

const fieldLabelsBySchema = new WeakMap<GraphQLSchema, ReadonlyMap<string, FieldDataUsage>>();

/** The schema's labelled fields, read from its SDL once per schema. */
export function schemaFieldLabels(schema: GraphQLSchema): ReadonlyMap<string, FieldDataUsage> {
  let labels = fieldLabelsBySchema.get(schema);
  if (labels === undefined) {
    labels = dataUsageFieldLabels(schema);
    fieldLabelsBySchema.set(schema, labels);
  }
  return labels;
}

function labelled(schema: GraphQLSchema, paths: readonly { readonly root: 'Profile' | 'ExperienceEvent'; readonly path: string }[]): LabelledSource[] {
  const fieldLabels = schemaFieldLabels(schema);
  return paths.flatMap(({ root, path }) => {
    const labels = labelsAlongPath(schema, fieldLabels, root, path);
    return labels.length === 0 ? [] : [{ path: root === 'Profile' ? path : `xEvent.${path}`, labels }];
  });
}

/** A stored text parsed again; `null` for none, or one that no longer parses (it is then neither evaluated nor computed). */
function parseOrNull(source: string | null, rule: 'SegmentExpression' | 'EventCondition'): PqlNode | null {
  if (source === null) return null;
  try {
    return parsePql(source, rule);
  } catch {
    return null;
  }
}
