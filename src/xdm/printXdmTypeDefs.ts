import { createHash } from 'node:crypto';
import type { XdmField, XdmObjectType, XdmType } from './model';
import { areEnumValueNames, toFieldName, toTypeNamePart, typeNameFromId } from './graphqlNames';

/** One root type to print (`Profile`, `ExperienceEvent`) and the fields the caller defines on it. */
export interface XdmGraphQLRoot {
  readonly typeName: string;
  readonly description?: string;
  readonly object: XdmObjectType;
  /**
   * SDL of fields defined by the caller, printed first (`identities: [Identity!]!`
   * …). XDM fields never take these names: a clash is renamed `<name>Xdm`.
   */
  readonly fixedFields?: readonly { readonly name: string; readonly sdl: string }[];
  /**
   * Whether the root's required XDM members are non-null: true for a record
   * served as it was stored (an event), false for a merged profile, which may
   * have no fragment at all (an identity only events carry). Below the root,
   * a member its object requires is always non-null: every stored record was
   * validated, so an object that is there has it.
   * @default false
   */
  readonly rootRequiredNonNull?: boolean;
}

export interface XdmGraphQLOptions {
  /** Type names the rest of the schema defines; generated types never take them. */
  readonly reservedTypeNames: Iterable<string>;
  /**
   * The GraphQL type of one identity. A root `identityMap` is served as
   * `identities: [<identityTypeName>!]!` unless a fixed field is so named.
   * @default 'Identity'
   */
  readonly identityTypeName?: string;
}

/**
 * SDL that the generated types rely on: the scalars XDM types map to,
 * `@xdm(key:)`, which marks a field whose GraphQL name differs from its key in
 * the record (`repo:createDate` → `repo_createDate`), and
 * `@dataUsage(labels:, paths:)`, which marks a field that serves labelled XDM data.
 */
export const XDM_SUPPORT_SDL = `
"""Date and time in ISO 8601 (RFC 3339), e.g. 2026-01-02T10:00:00Z."""
scalar DateTime
"""Calendar date in ISO 8601, e.g. 2026-01-02."""
scalar Date
"""Integer of up to 53 bits (XDM long)."""
scalar Long
"""Any JSON value: XDM maps, free-form objects and recursive structures."""
scalar JSON
"""The key this field has in an XDM record, where it differs from the field name."""
directive @xdm(key: String!) on FIELD_DEFINITION
"""
Data-usage labels of the XDM fields this field serves (I1 directly identifiable, I2 indirectly identifiable, C2 no third-party export, S1 precise location…), and the XDM paths that carry them. A caller whose role may not read one of the labels cannot select the field.
"""
directive @dataUsage(labels: [String!]!, paths: [String!]!) on FIELD_DEFINITION
`;

/**
 * Prints the GraphQL SDL of the given root types and every object and enum
 * type below them. Pure and deterministic: the same input gives the same text.
 *
 * Naming: an object taken whole from an XDM data type is named after the data
 * type's `$id` (`…/context/person-name` → `PersonName`) and shared by every
 * place that uses it unchanged; other objects are named by their path
 * (`Profile` + `loyalty` → `ProfileLoyalty`). A name that is reserved, or
 * already taken by a different shape, falls back to the path name, then to a
 * numbered one. Names are claimed breadth first, so shallower places win.
 */
export function printXdmTypeDefs(roots: readonly XdmGraphQLRoot[], options: XdmGraphQLOptions): string {
  return new XdmTypePrinter(options).print(roots);
}

interface PendingObject {
  readonly name: string;
  readonly object: XdmObjectType;
}

class XdmTypePrinter {
  private readonly claimed = new Map<string, string>();
  private readonly pending: PendingObject[] = [];
  private readonly definitions: string[] = [];
  /** Enums met while printing one object; printed right after it. */
  private enums: string[] = [];
  private readonly signatures = new WeakMap<object, string>();
  private readonly identityTypeName: string;

  constructor(options: XdmGraphQLOptions) {
    for (const name of options.reservedTypeNames) this.claimed.set(name, `reserved:${name}`);
    this.identityTypeName = options.identityTypeName ?? 'Identity';
  }

  print(roots: readonly XdmGraphQLRoot[]): string {
    for (const root of roots) this.claimed.set(root.typeName, `root:${root.typeName}`);
    for (const root of roots) this.definitions.push(this.printRoot(root), ...this.takeEnums());
    // Breadth first: each printed object claims the names of its children.
    for (let next = this.pending.shift(); next !== undefined; next = this.pending.shift()) {
      this.definitions.push(this.printObject(next.name, next.object, [], false, true), ...this.takeEnums());
    }
    return this.definitions.join('\n\n');
  }

  private takeEnums(): string[] {
    const enums = this.enums;
    this.enums = [];
    return enums;
  }

  private printRoot(root: XdmGraphQLRoot): string {
    const fixed = root.fixedFields ?? [];
    const description = root.description === undefined ? '' : `${JSON.stringify(root.description)}\n`;
    return `${description}${this.printObject(root.typeName, root.object, fixed, true, root.rootRequiredNonNull ?? false)}`;
  }

  private printObject(
    typeName: string,
    object: XdmObjectType,
    fixed: readonly { name: string; sdl: string }[],
    isRoot: boolean,
    requiredNonNull: boolean,
  ): string {
    const lines = fixed.map((field) => `  ${field.sdl}`);
    const taken = new Set(fixed.map((field) => field.name));
    for (const field of object.fields.values()) {
      if (isRoot && field.key === 'identityMap') {
        if (!taken.has('identities')) {
          taken.add('identities');
          lines.push(`  ${describe(field)}identities: [${this.identityTypeName}!]!`);
        }
        continue;
      }
      const name = uniqueFieldName(toFieldName(field.key), taken, isRoot);
      const nullable = this.typeReference(field.type, `${typeName}${toTypeNamePart(field.key)}`);
      const type = requiredNonNull && object.required.has(field.key) ? `${nullable}!` : nullable;
      const directives = [
        field.deprecated ? '@deprecated(reason: "Deprecated in XDM.")' : '',
        name === field.key ? '' : `@xdm(key: ${JSON.stringify(field.key)})`,
      ].filter((directive) => directive !== '');
      lines.push(`  ${describe(field)}${name}: ${type}${directives.length > 0 ? ` ${directives.join(' ')}` : ''}`);
    }
    return `type ${typeName} {\n${lines.join('\n')}\n}`;
  }

  /** The GraphQL type reference of a field; names (and queues) the object and enum types it needs. */
  private typeReference(type: XdmType, pathName: string): string {
    switch (type.kind) {
      case 'string': {
        const values = type.constraints.enum;
        if (values !== undefined && areEnumValueNames(values)) return this.enumType(pathName, values);
        if (type.constraints.format === 'date-time') return 'DateTime';
        if (type.constraints.format === 'date') return 'Date';
        return 'String';
      }
      case 'integer':
        return type.size === 'long' ? 'Long' : 'Int';
      case 'number':
        return 'Float';
      case 'boolean':
        return 'Boolean';
      case 'array':
        return `[${this.typeReference(type.items, pathName)}!]`;
      case 'object':
        return type.fields.size === 0 ? 'JSON' : this.objectType(type, pathName);
      case 'union': {
        const scalars = new Set(type.variants.map((variant) => (variant.kind === 'object' || variant.kind === 'array' ? 'JSON' : this.typeReference(variant, pathName))));
        const [only] = scalars;
        return scalars.size === 1 && only !== undefined ? only : 'JSON';
      }
      case 'map':
      case 'any':
        return 'JSON';
      default:
        return assertNever(type);
    }
  }

  private objectType(object: XdmObjectType, pathName: string): string {
    const signature = this.signatureOf(object);
    const candidates = object.origin === undefined ? [pathName] : [typeNameFromId(object.origin.id, object.origin.title), pathName];
    const { name, isNew } = this.claim(candidates, signature);
    if (isNew) this.pending.push({ name, object });
    return name;
  }

  private enumType(pathName: string, values: readonly string[]): string {
    const { name, isNew } = this.claim([pathName], `enum:${values.join('|')}`);
    if (isNew) this.enums.push(`enum ${name} {\n${values.map((value) => `  ${value}`).join('\n')}\n}`);
    return name;
  }

  private claim(candidates: readonly string[], signature: string): { name: string; isNew: boolean } {
    for (const candidate of candidates) {
      const existing = this.claimed.get(candidate);
      if (existing === undefined) {
        this.claimed.set(candidate, signature);
        return { name: candidate, isNew: true };
      }
      if (existing === signature) return { name: candidate, isNew: false };
    }
    const base = candidates[candidates.length - 1] ?? 'X';
    for (let n = 2; ; n += 1) {
      const candidate = `${base}${n}`;
      const existing = this.claimed.get(candidate);
      if (existing === undefined) {
        this.claimed.set(candidate, signature);
        return { name: candidate, isNew: true };
      }
      if (existing === signature) return { name: candidate, isNew: false };
    }
  }

  /** A hash of everything the printed type shows, so equal shapes share a name and different ones never do. */
  private signatureOf(type: XdmType): string {
    const cached = this.signatures.get(type);
    if (cached !== undefined) return cached;
    let text: string;
    switch (type.kind) {
      case 'object':
        text = `{${[...type.fields.values()].map((field) => this.fieldSignature(field, type.required.has(field.key))).join(',')}}`;
        break;
      case 'array':
        text = `[${this.signatureOf(type.items)}]`;
        break;
      case 'map':
        text = `map<${this.signatureOf(type.values)}>`;
        break;
      case 'union':
        text = `${type.combinator}(${type.variants.map((variant) => this.signatureOf(variant)).join('|')})`;
        break;
      case 'string':
        text = `string:${type.constraints.format ?? ''}:${JSON.stringify(type.constraints.enum ?? [])}`;
        break;
      case 'integer':
        text = `integer:${type.size}`;
        break;
      case 'number':
      case 'boolean':
      case 'any':
        text = type.kind;
        break;
      default:
        return assertNever(type);
    }
    const signature = createHash('sha1').update(text).digest('base64');
    this.signatures.set(type, signature);
    return signature;
  }

  private fieldSignature(field: XdmField, required: boolean): string {
    return JSON.stringify([field.key, field.description ?? field.title ?? '', field.deprecated, required, this.signatureOf(field.type)]);
  }
}

function uniqueFieldName(name: string, taken: Set<string>, isRoot: boolean): string {
  let unique = isRoot && taken.has(name) ? `${name}Xdm` : name;
  for (let n = 2; taken.has(unique); n += 1) unique = `${name}_${n}`;
  taken.add(unique);
  return unique;
}

function describe(field: XdmField): string {
  const text = field.description ?? field.title;
  return text === undefined ? '' : `${JSON.stringify(text)}\n  `;
}

function assertNever(value: never): never {
  throw new Error(`unexpected XDM type ${JSON.stringify(value)}`);
}
