import { loadXdmProject, unionOfClass } from '../../../src/xdm';
import type { PqlSchema, PqlValueKind } from '../../../src/pql';

/**
 * The PqlSchema of the real project (the union of its PROFILE and
 * EXPERIENCE_EVENT compositions), with the given computed attributes.
 */
export function projectSchema(computedAttributes: Readonly<Record<string, PqlValueKind>> = {}): PqlSchema {
  const { compositions } = loadXdmProject();
  return {
    profile: unionOfClass(compositions, 'PROFILE'),
    event: unionOfClass(compositions, 'EXPERIENCE_EVENT'),
    computedAttributes: new Map(Object.entries(computedAttributes)),
  };
}
