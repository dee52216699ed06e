import { type DataUsageLabel, sortDataUsageLabels } from './DataUsageLabel';
import type { LabelDescriptor } from './loadLabelDescriptors';
import type { CompiledComposition, LabelledField, XdmObjectType, XdmType } from './model';
import { resolveSchemaNode } from './resolveSchemaNode';
import type { SchemaRegistry } from './SchemaRegistry';
import { XdmCompileError } from './XdmCompileError';

/** A field path and the labels descriptors put on it. */
interface LabelledPath {
  readonly path: readonly string[];
  readonly labels: Set<DataUsageLabel>;
}

/**
 * The compositions with the labels of every descriptor that applies to them
 * (`CompiledComposition.labels`). A descriptor applies to the composition
 * whose id is its `xdm:sourceSchema`, or to every composition built on the
 * class or field group of that `$id`, so a labelled field group labels each
 * composition that uses it. A label on an object covers everything under it;
 * `xdm:excludeProperty` carves places out by labelling the siblings instead.
 *
 * Throws `XdmCompileError` (`XDM_LABEL_INVALID`) naming the descriptor when
 * its source schema is not used by any composition or a pointer names no
 * field of that schema.
 */
export function applyLabelDescriptors(
  registry: SchemaRegistry,
  compositions: readonly CompiledComposition[],
  descriptors: readonly LabelDescriptor[],
): CompiledComposition[] {
  const byComposition = new Map<string, Map<string, LabelledPath>>();
  for (const descriptor of descriptors) {
    const { targets, root } = targetsOf(registry, compositions, descriptor);
    for (const path of labelledPaths(root, descriptor)) {
      for (const composition of targets) {
        const fields = byComposition.get(composition.id) ?? new Map<string, LabelledPath>();
        byComposition.set(composition.id, fields);
        const key = path.join('\u0000');
        const entry = fields.get(key) ?? { path, labels: new Set<DataUsageLabel>() };
        fields.set(key, entry);
        for (const label of descriptor.labels) entry.labels.add(label);
      }
    }
  }
  return compositions.map((composition) => {
    const fields = byComposition.get(composition.id);
    if (fields === undefined) return composition;
    const labels: LabelledField[] = [...fields.values()]
      .map(({ path, labels }) => ({ path, labels: sortDataUsageLabels(labels) }))
      .sort((a, b) => comparePaths(a.path, b.path));
    return { ...composition, labels };
  });
}

function targetsOf(
  registry: SchemaRegistry,
  compositions: readonly CompiledComposition[],
  descriptor: LabelDescriptor,
): { targets: readonly CompiledComposition[]; root: XdmObjectType } {
  const id = descriptor.sourceSchema;
  const composition = compositions.find((candidate) => candidate.id === id);
  if (composition !== undefined) return { targets: [composition], root: composition.root };
  const targets = compositions.filter((candidate) => candidate.classId === id || candidate.fieldGroupIds.includes(id));
  if (targets.length === 0 || !registry.has(id)) {
    throw invalid(
      descriptor,
      `"xdm:sourceSchema" ${JSON.stringify(id)} is neither a composition id nor the class or a field group of a composition; ` +
        `compositions: ${compositions.map((candidate) => candidate.id).join(', ')}`,
    );
  }
  const document = registry.get(id, descriptor.source);
  const resolved = resolveSchemaNode(registry, document, document.schema, '');
  if (resolved === null || resolved.kind !== 'object') throw invalid(descriptor, `"xdm:sourceSchema" ${id} does not define an object`);
  return { targets, root: resolved };
}

/** The paths the descriptor's labels land on, exclusions applied. */
function labelledPaths(root: XdmObjectType, descriptor: LabelDescriptor): (readonly string[])[] {
  const sources = descriptor.sourceProperties.length === 0 ? [[]] : descriptor.sourceProperties;
  for (const source of sources) typeAt(root, source, descriptor, 'xdm:sourceProperty');
  for (const exclude of descriptor.excludeProperties) {
    typeAt(root, exclude, descriptor, 'xdm:excludeProperty');
    if (!sources.some((source) => exclude.length > source.length && startsWith(exclude, source))) {
      throw invalid(descriptor, `"xdm:excludeProperty" ${pointer(exclude)} is not under any "xdm:sourceProperty" (${sources.map(pointer).join(', ')})`);
    }
  }
  return sources.flatMap((source) => expand(root, source, descriptor.excludeProperties, descriptor));
}

/**
 * `path` itself, or, when an exclusion lies under it (or it is the root,
 * which no GraphQL field stands for), each of its fields in turn.
 */
function expand(root: XdmObjectType, path: readonly string[], excludes: readonly (readonly string[])[], descriptor: LabelDescriptor): (readonly string[])[] {
  const below = excludes.filter((exclude) => startsWith(exclude, path));
  if (below.some((exclude) => exclude.length === path.length)) return [];
  if (below.length === 0 && path.length > 0) return [path];
  const object = objectOf(typeAt(root, path, descriptor, 'xdm:sourceProperty'));
  if (object === null) throw invalid(descriptor, `cannot exclude a place inside ${pointer(path)}, which is not an object`);
  return [...object.fields.values()].flatMap((field) => expand(root, [...path, field.key], below, descriptor));
}

/** The type at `path`; array items are transparent. Throws naming the first key that does not exist. */
function typeAt(root: XdmObjectType, path: readonly string[], descriptor: LabelDescriptor, property: string): XdmType {
  let type: XdmType = root;
  for (const [index, key] of path.entries()) {
    const object = objectOf(type);
    const where = index === 0 ? 'the schema' : pointer(path.slice(0, index));
    if (object === null) {
      throw invalid(descriptor, `"${property}" ${pointer(path)} goes inside ${where}, a ${type.kind} without fields; label ${where} itself`);
    }
    const field = object.fields.get(key);
    if (field === undefined) {
      const known = [...object.fields.keys()];
      throw invalid(
        descriptor,
        `"${property}" ${pointer(path)}: ${where} has no field ${JSON.stringify(key)}; its fields: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}`,
      );
    }
    type = field.type;
  }
  return type;
}

function objectOf(type: XdmType): XdmObjectType | null {
  let current = type;
  while (current.kind === 'array') current = current.items;
  return current.kind === 'object' && current.fields.size > 0 ? current : null;
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((key, index) => path[index] === key);
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  const x = a.join('\u0000');
  const y = b.join('\u0000');
  return x < y ? -1 : x > y ? 1 : 0;
}

function pointer(path: readonly string[]): string {
  return `/${path.map((key) => key.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

function invalid(descriptor: LabelDescriptor, problem: string): XdmCompileError {
  return new XdmCompileError('XDM_LABEL_INVALID', `label descriptor ${descriptor.source}: ${problem}`);
}
