import type { XdmObjectType, XdmType } from '../xdm';
import type { PqlValueKind } from './PqlValueKind';

/** Where a path leads in a field tree, or where it stops making sense. */
export type XdmPathResolution =
  | {
      readonly found: true;
      readonly kind: PqlValueKind;
      /** Whether the path passes through (or ends at) an array, so that one record can hold several values. */
      readonly throughArray: boolean;
    }
  | {
      readonly found: false;
      /** Index of the first segment that names nothing. */
      readonly failedAt: number;
      /** The keys that segment could have been (empty below a scalar). */
      readonly candidates: readonly string[];
    };

/**
 * Follows short-form keys down an XDM field tree. Arrays are transparent
 * (`productListItems.SKU` names the SKU of every item), maps accept any key
 * (`identityMap.Email.id`), and nothing below a free-form or union value is
 * known, so anything there is `any`. A path ending at an array of scalars has
 * the items' kind; at an array of objects, `array`.
 */
export function resolveXdmPath(root: XdmObjectType, segments: readonly string[]): XdmPathResolution {
  let type: XdmType = root;
  let throughArray = false;
  for (const [index, segment] of segments.entries()) {
    while (type.kind === 'array') {
      type = type.items;
      throughArray = true;
    }
    switch (type.kind) {
      case 'object': {
        const field = type.fields.get(segment);
        if (field === undefined) return { found: false, failedAt: index, candidates: [...type.fields.keys()] };
        type = field.type;
        break;
      }
      case 'map':
        type = type.values;
        break;
      case 'any':
      case 'union':
        return { found: true, kind: 'any', throughArray };
      default:
        return { found: false, failedAt: index, candidates: [] };
    }
  }
  while (type.kind === 'array') {
    if (type.items.kind !== 'array' && kindOfType(type.items) === 'object') return { found: true, kind: 'array', throughArray: true };
    type = type.items;
    throughArray = true;
  }
  return { found: true, kind: kindOfType(type), throughArray };
}

/** The PQL kind of one XDM type (arrays are handled by the caller). */
export function kindOfType(type: XdmType): PqlValueKind {
  switch (type.kind) {
    case 'string':
      if (type.constraints.format === 'date-time') return 'dateTime';
      if (type.constraints.format === 'date') return 'date';
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
    case 'map':
      return 'object';
    case 'array':
      return 'array';
    case 'union':
    case 'any':
      return 'any';
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}
