import type { PqlSchema } from '../pql';
import { type CompiledComposition, unionOfClass } from '../xdm';

/**
 * What segment expressions are checked against: the union of the profile
 * compositions (every field a merged profile may carry) and of the
 * experience-event compositions; no computed attributes (the engine adds the
 * stored ones).
 */
export function createPqlSchema(compositions: readonly CompiledComposition[]): PqlSchema {
  return {
    profile: unionOfClass(compositions, 'PROFILE'),
    event: unionOfClass(compositions, 'EXPERIENCE_EVENT'),
    computedAttributes: new Map(),
  };
}
