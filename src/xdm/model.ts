import type { DataUsageLabel } from './DataUsageLabel';

/**
 * The compiler's intermediate form: an XDM schema resolved into a plain tree of
 * fields in the platform's short form. Both emitters (GraphQL types and the
 * short-form JSON Schema) read this tree and nothing else, so that the two can
 * never disagree about which fields a composition has.
 */

/** Standard JSON-Schema keywords that constrain a value and survive into validation. */
export interface XdmConstraints {
  readonly format?: string;
  readonly pattern?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
}

/** The size of an integer field, from `meta:xdmType` or from its bounds. */
export type XdmIntegerSize = 'byte' | 'short' | 'int' | 'long';

export type XdmType =
  | { readonly kind: 'string'; readonly constraints: XdmConstraints; readonly suggestedValues?: Readonly<Record<string, string>> }
  | { readonly kind: 'number'; readonly constraints: XdmConstraints }
  | { readonly kind: 'integer'; readonly size: XdmIntegerSize; readonly constraints: XdmConstraints }
  | { readonly kind: 'boolean'; readonly constraints: XdmConstraints }
  | XdmObjectType
  | { readonly kind: 'array'; readonly items: XdmType; readonly constraints: XdmConstraints }
  | { readonly kind: 'map'; readonly values: XdmType }
  | { readonly kind: 'union'; readonly combinator: 'oneOf' | 'anyOf'; readonly variants: readonly XdmType[] }
  | { readonly kind: 'any'; readonly reason: 'free-form' | 'recursive' | 'tuple' };

export interface XdmObjectType {
  readonly kind: 'object';
  /** Fields by short-form key, in definition order. */
  readonly fields: ReadonlyMap<string, XdmField>;
  /** Short-form keys that a record must carry. */
  readonly required: ReadonlySet<string>;
  /**
   * `$id` of the data type this object was taken from whole, when it was; lets
   * every use of one data type share one GraphQL type name.
   */
  readonly origin?: XdmOrigin;
}

/** The data type an object was taken from whole. */
export interface XdmOrigin {
  readonly id: string;
  readonly title?: string;
}

export interface XdmField {
  /** The key in a short-form record: `person`, `_id`, `repo:createDate`. */
  readonly key: string;
  /** The key as the XDM definition spells it: `xdm:person`, `@id`. */
  readonly sourceKey: string;
  readonly title?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly type: XdmType;
}

/** The two XDM classes the gateway serves. */
export type XdmSchemaClass = 'PROFILE' | 'EXPERIENCE_EVENT';

export const PROFILE_CLASS_ID = 'https://ns.adobe.com/xdm/context/profile';
export const EXPERIENCE_EVENT_CLASS_ID = 'https://ns.adobe.com/xdm/context/experienceevent';

/** A composition resolved to one field tree. */
export interface CompiledComposition {
  readonly id: string;
  readonly title: string;
  readonly classId: string;
  /** `null` for classes other than profile and experience event. */
  readonly schemaClass: XdmSchemaClass | null;
  readonly fieldGroupIds: readonly string[];
  readonly root: XdmObjectType;
  /**
   * Data-usage labels of the composition's fields, from the label descriptors
   * that name it, its class or one of its field groups; sorted by path.
   * Absent or empty: no field is labelled.
   */
  readonly labels?: readonly LabelledField[];
}

/** Labels put on one field (and so on everything under it) of a composition. */
export interface LabelledField {
  /** Short-form keys from the root: `['person', 'name']`. Array items are transparent. */
  readonly path: readonly string[];
  /** Without repeats, in the order of `DATA_USAGE_LABELS`. */
  readonly labels: readonly DataUsageLabel[];
}
