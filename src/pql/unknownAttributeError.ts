import type { XdmObjectType } from '../xdm';
import { PqlError } from './PqlError';
import type { PqlPath } from './PqlNode';
import type { XdmPathResolution } from './resolveXdmPath';
import { suggestPath } from './suggestPath';

/**
 * `PQL_UNKNOWN_ATTRIBUTE` at the path: which tree it was looked up in, the
 * segment that named nothing, and a near path when there is one.
 */
export function unknownAttributeError(path: PqlPath, tree: 'profile' | 'event', root: XdmObjectType, resolution: Extract<XdmPathResolution, { found: false }>): PqlError {
  const bad = path.segments[resolution.failedAt] ?? '';
  const parent = path.segments.slice(0, resolution.failedAt).join('.');
  const where = resolution.candidates.length === 0 && parent !== ''
    ? `${parent} has no fields below it`
    : parent === '' ? `no ${tree} field is named "${bad}"` : `${parent} has no field "${bad}"`;
  const suggestion = suggestPath(root, path.segments, resolution.failedAt, resolution.candidates);
  const didYouMean = suggestion === null ? '' : `; did you mean "${suggestion}"?`;
  return new PqlError('PQL_UNKNOWN_ATTRIBUTE', path.position, `unknown ${tree} attribute "${path.text}" (${where})${didYouMean}`);
}
