import type { XdmObjectType } from '../xdm';
import type { PqlValueKind } from './PqlValueKind';

/** What PQL paths are checked against at compile time. */
export interface PqlSchema {
  /** The union profile field tree (src/xdm mergeXdmTypes over the PROFILE compositions' roots). */
  readonly profile: XdmObjectType;
  /** The union experience-event field tree (same, over the EXPERIENCE_EVENT compositions). */
  readonly event: XdmObjectType;
  /** Computed attributes by name → the kind of their value. */
  readonly computedAttributes: ReadonlyMap<string, PqlValueKind>;
}
