import type { XdmConstraints, XdmField, XdmIntegerSize, XdmObjectType, XdmType } from './model';
import { mergeXdmTypes } from './mergeXdmTypes';
import type { RawSchemaNode, SchemaDocument, SchemaRegistry } from './SchemaRegistry';
import { shortFormKey } from './shortFormKey';
import { XdmCompileError } from './XdmCompileError';

/**
 * The extensibility base schema only frames JSON-LD documents (`@context`,
 * prefixed keys). Records in the short form never carry it, so every
 * reference to it contributes nothing.
 */
const JSON_LD_FRAMING_SCHEMA = 'https://ns.adobe.com/xdm/common/extensible';

const CONSTRAINT_KEYWORDS = [
  'format',
  'pattern',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
] as const satisfies readonly (keyof XdmConstraints)[];

const INT32 = { min: -2147483648, max: 2147483647 };

interface ResolveContext {
  readonly registry: SchemaRegistry;
  readonly document: SchemaDocument;
  /** Where we are, for messages: `profile-crm: person.name`. */
  readonly where: string;
  /** References being expanded, outermost first; a repeat means recursion. */
  readonly refStack: readonly string[];
}

/**
 * Resolves one schema node of `document` into the field tree: follows `$ref`
 * (absolute `$id`s, with or without a `#/definitions/...` fragment, and local
 * fragments), merges `allOf`, keeps `oneOf`/`anyOf` as unions, and reads the
 * node's own type keywords. Returns `null` when the node contributes nothing
 * (JSON-LD framing only). A recursive reference becomes a free value (`any`)
 * at the point where it recurs.
 */
export function resolveSchemaNode(
  registry: SchemaRegistry,
  document: SchemaDocument,
  node: RawSchemaNode,
  where: string,
): XdmType | null {
  return resolve(node, { registry, document, where, refStack: [`${document.id}#`] });
}

function resolve(node: RawSchemaNode, context: ResolveContext): XdmType | null {
  const parts: XdmType[] = [];
  if (typeof node.$ref === 'string') {
    const referenced = resolveReference(node.$ref, context);
    if (referenced !== null) parts.push(referenced);
  }
  for (const member of node.allOf ?? []) {
    const resolved = resolve(member, context);
    if (resolved !== null) parts.push(resolved);
  }
  const union = resolveUnion(node, context);
  if (union !== null) parts.push(union);
  else {
    const own = resolveOwnKeywords(node, context);
    if (own !== null) parts.push(own);
  }
  if (parts.length === 0) return node.$ref !== undefined || node.allOf !== undefined ? null : anyValue();
  return parts.reduce((merged, part) => mergeXdmTypes(merged, part, context.where));
}

function resolveReference(ref: string, context: ResolveContext): XdmType | null {
  const hash = ref.indexOf('#');
  const base = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  const document = base === '' ? context.document : context.registry.get(base, `${context.document.id} at ${context.where}`);
  if (document.id === JSON_LD_FRAMING_SCHEMA) return null;
  const key = `${document.id}#${fragment}`;
  if (context.refStack.includes(key)) return { kind: 'any', reason: 'recursive' };
  const target = resolvePointer(document, fragment, context);
  const resolved = resolve(target, { ...context, document, refStack: [...context.refStack, key] });
  // An object taken whole from a data type keeps the data type's identity.
  if (resolved !== null && resolved.kind === 'object' && fragment === '' && resolved.fields.size > 0) {
    const title = document.schema.title;
    return { ...resolved, origin: typeof title === 'string' ? { id: document.id, title } : { id: document.id } };
  }
  return resolved;
}

function resolvePointer(document: SchemaDocument, fragment: string, context: ResolveContext): RawSchemaNode {
  let node: unknown = document.schema;
  if (fragment === '' || fragment === '/') return document.schema;
  for (const raw of fragment.replace(/^\//, '').split('/')) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
    if (node === undefined) {
      throw new XdmCompileError(
        'XDM_REF_UNRESOLVED',
        `reference "${document.id}#${fragment}" from ${context.document.id} at ${context.where} points to nothing`,
      );
    }
  }
  return node as RawSchemaNode;
}

/** `oneOf` / `anyOf`: each variant inherits the node's own `type` (XDM writes `type: string, oneOf: [{format: ipv4}, …]`). */
function resolveUnion(node: RawSchemaNode, context: ResolveContext): XdmType | null {
  const combinator = node.oneOf !== undefined ? 'oneOf' : node.anyOf !== undefined ? 'anyOf' : null;
  if (combinator === null) return null;
  const variants: XdmType[] = [];
  for (const variant of node[combinator] ?? []) {
    const inherited: RawSchemaNode = variant.type === undefined && node.type !== undefined ? { type: node.type, ...variant } : variant;
    const resolved = resolve(inherited, context);
    if (resolved !== null) variants.push(resolved);
  }
  if (variants.length === 0) return null;
  if (variants.length === 1) return variants[0] ?? null;
  return { kind: 'union', combinator, variants };
}

/** The node's own keywords: `type`, `properties`, `items`, maps, constraints. `null` when it has none. */
function resolveOwnKeywords(node: RawSchemaNode, context: ResolveContext): XdmType | null {
  const xdmType = node['meta:xdmType'];
  const type = typeof node.type === 'string' ? node.type : Array.isArray(node.type) ? 'mixed' : undefined;
  const constraints = readConstraints(node, xdmType);
  switch (type) {
    case 'string':
      return node['meta:enum'] !== undefined
        ? { kind: 'string', constraints, suggestedValues: node['meta:enum'] }
        : { kind: 'string', constraints };
    case 'integer':
      return { kind: 'integer', size: integerSize(xdmType, constraints), constraints };
    case 'number':
      return isIntegerXdmType(xdmType)
        ? { kind: 'integer', size: integerSize(xdmType, constraints), constraints }
        : { kind: 'number', constraints };
    case 'boolean':
      return { kind: 'boolean', constraints };
    case 'array':
      return resolveArray(node, constraints, context);
    case 'object':
      return resolveObject(node, context);
    case 'mixed':
      return anyValue();
    case undefined:
      // Untyped nodes that still describe an object (`required` alone, or properties).
      if (node.properties !== undefined || node.required !== undefined || node.additionalProperties !== undefined) {
        return resolveObject(node, context);
      }
      return null;
    default:
      throw new XdmCompileError('XDM_SCHEMA_INVALID', `${context.document.id} at ${context.where}: unknown type "${type}"`);
  }
}

function resolveArray(node: RawSchemaNode, constraints: XdmConstraints, context: ResolveContext): XdmType {
  if (Array.isArray(node.items)) return { kind: 'any', reason: 'tuple' };
  const items = node.items === undefined ? null : resolve(node.items as RawSchemaNode, { ...context, where: `${context.where}[]` });
  return { kind: 'array', items: items ?? anyValue(), constraints };
}

function resolveObject(node: RawSchemaNode, context: ResolveContext): XdmType {
  const fields = new Map<string, XdmField>();
  for (const [sourceKey, property] of Object.entries(node.properties ?? {})) {
    const key = shortFormKey(sourceKey);
    const where = context.where === '' ? key : `${context.where}.${key}`;
    const type = resolve(property, { ...context, where }) ?? anyValue();
    const field = toField(key, sourceKey, property, type);
    const existing = fields.get(key);
    fields.set(key, existing === undefined ? field : { ...existing, type: mergeXdmTypes(existing.type, type, where) });
  }
  const required = new Set((node.required ?? []).map(shortFormKey));
  const additional = node.additionalProperties;
  const isMap = node['meta:xdmType'] === 'map' || (typeof additional === 'object' && fields.size === 0);
  if (isMap && fields.size === 0) {
    const values = typeof additional === 'object' ? resolve(additional, { ...context, where: `${context.where}.*` }) : null;
    return { kind: 'map', values: values ?? anyValue() };
  }
  if (fields.size === 0 && node.patternProperties !== undefined) return { kind: 'map', values: anyValue() };
  const object: XdmObjectType = { kind: 'object', fields, required };
  return object;
}

function toField(key: string, sourceKey: string, property: RawSchemaNode, type: XdmType): XdmField {
  const title = typeof property.title === 'string' ? property.title : undefined;
  const description = typeof property.description === 'string' && property.description.trim() !== '' ? property.description.trim() : undefined;
  return {
    key,
    sourceKey,
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    deprecated: property['meta:status'] === 'deprecated',
    type,
  };
}

function readConstraints(node: RawSchemaNode, xdmType: string | undefined): XdmConstraints {
  const constraints: Record<string, unknown> = {};
  for (const keyword of CONSTRAINT_KEYWORDS) {
    if (node[keyword] !== undefined) constraints[keyword] = node[keyword];
  }
  // `meta:xdmType` date / date-time without a format still means that format.
  if (constraints.format === undefined && (xdmType === 'date' || xdmType === 'date-time')) constraints.format = xdmType;
  return constraints;
}

function isIntegerXdmType(xdmType: string | undefined): xdmType is XdmIntegerSize {
  return xdmType === 'int' || xdmType === 'long' || xdmType === 'short' || xdmType === 'byte';
}

/**
 * `meta:xdmType` decides when present; otherwise an integer whose bounds fit
 * 32 bits is an `int`, and anything unbounded is a `long` (as the platform reads it).
 */
function integerSize(xdmType: string | undefined, constraints: XdmConstraints): XdmIntegerSize {
  if (isIntegerXdmType(xdmType)) return xdmType;
  const { minimum, maximum } = constraints;
  const fits = minimum !== undefined && maximum !== undefined && minimum >= INT32.min && maximum <= INT32.max;
  return fits ? 'int' : 'long';
}

function anyValue(): XdmType {
  return { kind: 'any', reason: 'free-form' };
}
